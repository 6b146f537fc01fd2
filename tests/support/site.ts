import { readFileSync } from 'node:fs';

/** Chapter paths in reading order, read from the built sidebar of the home page (dist/). */
export function chapterPaths(dist = 'dist'): string[] {
  const html = readFileSync(new URL(`../../${dist}/index.html`, import.meta.url), 'utf8');
  const nav = /<nav id="sidebar"[\s\S]*?<ol[^>]*>([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
  return [...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
}

/** Every URL path listed in the built sitemap.xml, without origin. */
export function sitemapPaths(dist = 'dist'): string[] {
  const xml = readFileSync(new URL(`../../${dist}/sitemap.xml`, import.meta.url), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
}
