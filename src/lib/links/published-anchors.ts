/**
 * The published-anchor list (content/reference/published-anchors.txt): every `page` and
 * `page#anchor` of the site that instructors may have linked to. tests/build/anchors.test.ts fails
 * when one disappears without a redirect in src/lib/links/redirects.ts; the "Link to this course" page
 * (src/pages/links.astro) lists them. Regenerate with `npm run build && npm run anchors:update`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Relative to the project root (the build and the tests run there; Astro bundles this module, so import.meta.url would point into the build). */
export const ANCHORS_FILE = join(process.cwd(), 'content/reference/published-anchors.txt');

/** Entries of the list (comments and blank lines dropped), e.g. `/security/` and `/security/#docker-group`. */
export function readAnchorList(file = ANCHORS_FILE): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('/'));
}

/** Split an entry into its page path and anchor: `/security/#docker-group` → ['/security/', 'docker-group']. */
export function splitEntry(entry: string): [page: string, anchor: string | undefined] {
  const i = entry.indexOf('#');
  return i < 0 ? [entry, undefined] : [entry.slice(0, i), entry.slice(i + 1)];
}
