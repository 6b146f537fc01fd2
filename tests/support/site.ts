import { readFileSync } from 'node:fs';

/** Chapter paths in reading order, read from the built sidebar of the home page (dist/). */
export function chapterPaths(dist = 'dist'): string[] {
  const html = readFileSync(new URL(`../../${dist}/index.html`, import.meta.url), 'utf8');
  const nav = /<nav id="sidebar"[\s\S]*?<ol[^>]*>([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
  // Links with a #fragment are sections nested under a chapter (the reference's groups).
  return [...nav.matchAll(/href="([^"#]+)"/g)].map((m) => m[1]!);
}
