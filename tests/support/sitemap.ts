import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** URL paths (with the build's base path) listed in `<dir>/sitemap.xml`, e.g. `/what-is-docker/`. */
export function sitemapUrlPaths(dir = 'dist'): string[] {
  const xml = readFileSync(`${ROOT}${dir}/sitemap.xml`, 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
}
