/**
 * The published-anchor list: tests/fixtures/published-anchors.txt holds every `page` and
 * `page#anchor` of the site that instructors may have linked to. tests/build/anchors.test.ts
 * fails when one of them disappears from the build without a redirect in src/lib/redirects.ts.
 *
 * Regenerate it from the current build (after `npm run build`) with `npm run anchors:update`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { publishedAnchors, readSite } from '../../src/lib/link-check.ts';

export const ANCHORS_FILE = fileURLToPath(new URL('../fixtures/published-anchors.txt', import.meta.url));

const HEADER = `# Published pages and anchors: every entry must keep resolving in the build, or be covered by
# a redirect in src/lib/redirects.ts (redirects for pages, anchorRedirects for page#anchor).
# Paths are without the base path. Regenerate from dist/ with: npm run build && npm run anchors:update
`;

/** Entries of the list (comments and blank lines dropped). */
export function readAnchorList(file = ANCHORS_FILE): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('/'));
}

/** Write the list from a built site directory. Returns the number of entries. */
export function writeAnchorList(dist: string, file = ANCHORS_FILE): number {
  const anchors = publishedAnchors(readSite(dist));
  writeFileSync(file, HEADER + anchors.join('\n') + '\n');
  return anchors.length;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = process.argv[2] ?? 'dist';
  const n = writeAnchorList(dist);
  console.log(`Wrote ${n} published pages and anchors from ${dist}/ to ${ANCHORS_FILE}`);
}
