/**
 * Writes the published-anchor list (content/reference/published-anchors.txt, read through
 * src/lib/links/published-anchors.ts) from a build: every `page` and `page#anchor` of the site that
 * instructors may have linked to. tests/build/anchors.test.ts fails when one of them disappears
 * from the build without a redirect in src/lib/links/redirects.ts.
 *
 * Regenerate it from the current build (after `npm run build`) with `npm run anchors:update`.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { publishedAnchors, readSite } from '../../src/lib/links/link-check.ts';
import { ANCHORS_FILE, readAnchorList } from '../../src/lib/links/published-anchors.ts';
import { anchorRedirects, redirects } from '../../src/lib/links/redirects.ts';

export { ANCHORS_FILE, readAnchorList };

const HEADER = `# Published pages and anchors: every entry must keep resolving in the build, or be covered by
# a redirect in src/lib/links/redirects.ts (redirects for pages, anchorRedirects for page#anchor).
# Paths are without the base path. Regenerate from dist/ with: npm run build && npm run anchors:update
`;

/**
 * Write the list from a built site directory, keeping every entry already published that moved
 * with a redirect (it stays a promise: the old link must keep landing). Returns the number of entries.
 */
export function writeAnchorList(dist: string, file = ANCHORS_FILE): number {
  const moved = readAnchorList(file).filter((e) => e in anchorRedirects || e.split('#')[0]! in redirects);
  const anchors = [...new Set([...publishedAnchors(readSite(dist)), ...moved])].sort();
  writeFileSync(file, HEADER + anchors.join('\n') + '\n');
  return anchors.length;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = process.argv[2] ?? 'dist';
  const n = writeAnchorList(dist);
  console.log(`Wrote ${n} published pages and anchors from ${dist}/ to ${ANCHORS_FILE}`);
}
