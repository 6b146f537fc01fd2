/**
 * Links and anchors over the built site: every internal href, src and #fragment of every page
 * resolves, in the root build (dist/) and in the sub-path build (dist-base/, base /docker-basics/).
 * Run after `npm run build:all`.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLinks, formatLinkProblems, readSite } from '../../src/lib/links/link-check.ts';

const SITE_ORIGIN = process.env['SITE_URL'] ?? 'http://localhost:4321';
const builds = [
  { dir: 'dist', base: '/' },
  { dir: 'dist-base', base: '/docker-basics/' },
];

describe.each(builds)('links in $dir/ (base $base)', ({ dir, base }) => {
  it('every internal link and fragment resolves; external links are well-formed and safe', () => {
    expect(existsSync(`${dir}/index.html`), `${dir}/ is missing: run npm run build:all first`).toBe(true);
    const files = readSite(dir);
    const pages = [...files.keys()].filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(3);
    const problems = checkLinks(files, { base, siteOrigin: SITE_ORIGIN, label: `${dir}/` });
    expect(problems, `broken links:\n${formatLinkProblems(problems)}`).toEqual([]);
  });
});
