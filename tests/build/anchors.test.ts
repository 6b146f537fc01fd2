/**
 * Published anchors: every page and page#anchor in content/reference/published-anchors.txt still
 * exists in both builds, unless src/lib/links/redirects.ts declares where it went.
 * Regenerate the list (on purpose only) with `npm run build && npm run anchors:update`.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPublishedAnchors, readSite } from '../../src/lib/links/link-check.ts';
import { anchorRedirects, redirects } from '../../src/lib/links/redirects.ts';
import { ANCHORS_FILE, readAnchorList } from '../support/published-anchors.ts';

describe.each([
  { dir: 'dist', base: '/' },
  { dir: 'dist-base', base: '/docker-basics/' },
])('published anchors in $dir/', ({ dir, base }) => {
  it('every published page and anchor resolves or is redirected', () => {
    expect(existsSync(ANCHORS_FILE), `${ANCHORS_FILE} is missing: run npm run anchors:update`).toBe(true);
    const entries = readAnchorList();
    expect(entries.length).toBeGreaterThan(0);
    const problems = checkPublishedAnchors(readSite(dir), entries, { base, redirects, anchorRedirects });
    expect(problems, `published anchors that no longer resolve:\n${problems.join('\n')}`).toEqual([]);
  });
});
