/**
 * The site check that ends `npm run build` (src/build/check-site.ts, run by src/build/finish-site.ts
 * on dist/ and on dist-base/): a built fixture site with one of each mistake
 * (tests/fixtures/bad/site/) fails with every problem, and a problem on a chapter's page names the
 * chapter's source file and line. The real builds are checked by the build itself.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSite } from '../../src/build/check-site.ts';

const SITE = 'tests/fixtures/bad/site';
const check = (root: string) => () => checkSite({ outDir: `${root}/dist`, base: '/', root, anchorsFile: `${root}/published-anchors.txt` });

describe('the site check of the build', () => {
  it('fails on a bad built site with every problem, each naming the chapter source and line where it has one', () => {
    let message = '';
    try {
      check(SITE)();
    } catch (e) {
      message = (e as Error).message;
    }
    const chapter = `${SITE}/content/chapters/guide.mdx`;
    const page = `${SITE}/dist/guide/index.html`;
    expect(message.split('\n')).toEqual([
      `The built site in ${SITE}/dist/ has 7 problem(s):`,
      // A heading id equal to an id of the page chrome (the sidebar's).
      `  ${chapter}:9: ${page}: duplicate id "sidebar": a fragment link to it is ambiguous; the chapter's id "sidebar" is also an id of the page itself (its chrome, a tab panel or a figure): choose another id`,
      `  ${chapter}:11: ${page}: link to #gone: no element with id "gone" on /guide/`,
      `  ${chapter}:11: ${page}: link to javascript:alert(1): unexpected URL scheme javascript:`,
      `  ${SITE}/dist/index.html: link to /missing-page/: no such page`,
      // A published heading id that was renamed without a redirect.
      `  ${chapter}: published anchor /guide/#setup: no element with id "setup" on /guide/; restore the id or add "/guide/#setup" to anchorRedirects in src/lib/links/redirects.ts`,
      // The same question twice: progress could never count the chapter as done.
      `  ${chapter}:17: ${page}: 1 self-check question(s) rendered more than once (progress id abc12): the chapter could never be completed; ask each question once`,
      `  ${SITE}/dist/index.html: <img src="/logo.svg"> has no alt attribute: say what the image shows (alt="" if it is decorative)`,
    ]);
  });

  it('passes once the mistakes are fixed', () => {
    const root = mkdtempSync(join(tmpdir(), 'docker-basics-site-check-'));
    try {
      cpSync(SITE, root, { recursive: true });
      const edit = (file: string, from: string, to: string) => writeFileSync(join(root, file), readFileSync(join(root, file), 'utf8').replaceAll(from, to));
      edit('dist/guide/index.html', '<h2 id="sidebar">', '<h2 id="setup">');
      edit('dist/guide/index.html', '<a href="#gone">', '<a href="#setup">');
      edit('dist/guide/index.html', '<a href="javascript:alert(1)">', '<a href="/">');
      edit('dist/index.html', ' <a href="/missing-page/">Missing page</a>', '');
      edit('dist/index.html', '<img src="/logo.svg">', '<img src="/logo.svg" alt="Docker basics">');
      edit('dist/guide/index.html', 'data-q="abc12"></self-check-mark></div>\n</main>', 'data-q="def34"></self-check-mark></div>\n</main>');
      expect(check(root)()).toBe('2 pages: every link, fragment and id, 2 published anchors, alt text and self-check questions checked');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
