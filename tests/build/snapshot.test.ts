/**
 * A term snapshot cut from a fixture commit, the way a maintainer cuts one: the HEAD of a shared
 * clone of this repository (so the fixture is what was committed, with snapshot support), built by
 * `cutSnapshot` with that commit's own build (its dependencies reused: the lock file is identical),
 * then copied into a site by the build's term-snapshots step. Checks what a reader and a search
 * engine see: the same published anchors under /<term>/, the banner and its link, canonical URLs
 * to the current site, the snapshot's own search index and its own offline worker.
 *
 * One snapshot build: about a minute on 2 quiet cores (61 s measured 2026-12-06 at a load of 11).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cutSnapshot, MANIFEST, resolveCommit, type CutResult } from '../../src/build/cut-snapshot.ts';
import { includeSnapshots } from '../../src/build/include-snapshots.ts';
import { DEFAULT_SITE } from '../../src/integrations/site-config.ts';
import { checkPublishedAnchors, readSite } from '../../src/lib/links/link-check.ts';
import { readAnchorList } from '../../src/lib/links/published-anchors.ts';
import { anchorRedirects, redirects } from '../../src/lib/links/redirects.ts';
import { chaptersAt } from '../../src/lib/terms/chapter-sources.ts';
import { whatChanged } from '../../src/lib/terms/what-changed.ts';

const TERM = '2031-spring';
const CHAPTER = 'what-is-docker';
const FIXTURE_SENTENCE = 'This sentence is only in the snapshot test fixture commit.';
let firstSection: string;
const LABEL = 'Spring 2031';
let tmp: string;
let clone: string;
let cut: CutResult;
let site: string;

const pages = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.replace(/\\/g, '/'));

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'docker-basics-snapshot-test-'));
  clone = join(tmp, 'repo');
  execFileSync('git', ['clone', '--quiet', '--shared', process.cwd(), clone]);
  // The installed tree, as a maintainer's checkout has it (reused: the fixture's lock file is this one's).
  symlinkSync(realpathSync('node_modules'), join(clone, 'node_modules'));
  // The fixture commit: HEAD plus one sentence in the first section of a chapter, so the snapshot
  // shows it was built from its commit (not from a working tree) and "What changed" has a change.
  const file = join(clone, 'content/chapters', `${CHAPTER}.mdx`);
  const lines = readFileSync(file, 'utf8').split('\n');
  const first = lines.findIndex((l) => /^## .*\{#[a-z0-9-]+\}\s*$/.test(l));
  firstSection = /\{#([a-z0-9-]+)\}/.exec(lines[first]!)![1]!;
  lines.splice(first + 1, 0, '', FIXTURE_SENTENCE);
  writeFileSync(file, lines.join('\n'));
  execFileSync(
    'git',
    [
      '-c',
      'user.name=Snapshot test',
      '-c',
      'user.email=test@example.invalid',
      'commit',
      '--quiet',
      '--no-verify',
      '-am',
      'Fixture commit for the snapshot test',
    ],
    {
      cwd: clone,
    },
  );
  cut = cutSnapshot({
    term: TERM,
    ref: 'HEAD',
    label: LABEL,
    root: clone,
    store: join(tmp, 'store'),
    site: DEFAULT_SITE,
    base: '/',
    cacheDir: process.env['ASTRO_CACHE_DIR'] || join(process.cwd(), 'node_modules/.astro'),
    stdio: 'pipe',
  });
  // The current site the term-snapshots step copies it into (its own pages are not what is tested here).
  site = join(tmp, 'site');
  mkdirSync(site);
}, 900_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('a term snapshot cut from a fixture commit', () => {
  it('is built from the commit with its dependencies reused, and stored by commit', () => {
    expect(cut.built).toBe(true);
    expect(cut.reusedDependencies).toBe(true);
    expect(cut.term.commit).toBe(execFileSync('git', ['rev-parse', 'HEAD'], { cwd: clone, encoding: 'utf8' }).trim());
    expect(cut.dir.endsWith(`${TERM}@${cut.term.commit.slice(0, 12)}`)).toBe(true);
    // Cutting it again reuses the stored build: later code never rebuilds it.
    const again = cutSnapshot({ term: TERM, ref: cut.term.commit, label: LABEL, root: clone, store: join(tmp, 'store'), site: DEFAULT_SITE, base: '/' });
    expect(again.built).toBe(false);
  });

  it('is copied into the site under /<term>/ by the build step, without its manifest', async () => {
    const line = await includeSnapshots(
      { outDir: site, publishTo: site, base: '/', siteOrigin: DEFAULT_SITE, offline: true, cacheDir: '', terms: [cut.term] },
      clone,
      { SNAPSHOT_STORE: join(tmp, 'store'), SNAPSHOT_BUILD: 'off' },
    );
    expect(line).toContain(TERM);
    expect(existsSync(join(site, TERM, 'what-is-docker/index.html'))).toBe(true);
    expect(existsSync(join(site, TERM, MANIFEST))).toBe(false);
  });

  it('is the fixture commit, and "What changed" since it names the changed section', () => {
    expect(readFileSync(join(site, TERM, CHAPTER, 'index.html'), 'utf8')).toContain(FIXTURE_SENTENCE);
    const changes = whatChanged(chaptersAt(cut.term.commit, clone), chaptersAt('HEAD~1', clone));
    expect(changes.map((c) => [c.slug, c.status, c.sections])).toEqual([
      [CHAPTER, 'changed', [expect.objectContaining({ change: 'changed', id: firstSection })]],
    ]);
  });

  it('keeps every published page and anchor, under /<term>/', () => {
    const files = readSite(join(site, TERM));
    expect(
      checkPublishedAnchors(files, readAnchorList(join(clone, 'content/reference/published-anchors.txt')), { base: `/${TERM}/`, redirects, anchorRedirects }),
    ).toEqual([]);
  });

  it('carries the banner on every page, linking the same page on the current site, and canonical URLs there', () => {
    const all = pages(join(site, TERM)).filter((f) => !readFileSync(join(site, TERM, f), 'utf8').includes('http-equiv="refresh"'));
    expect(all.length).toBeGreaterThan(20);
    for (const f of all) {
      const html = readFileSync(join(site, TERM, f), 'utf8');
      const path = f === '404.html' ? '' : f.replace(/index\.html$/, '');
      expect(html, f).toMatch(new RegExp(`class="snapshot-banner[^"]*"[^>]*>[\\s\\S]*?${LABEL}[\\s\\S]*?A newer version exists`));
      expect(html, f).toMatch(new RegExp(`<a href="/${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" data-keep-hash`));
      if (f !== '404.html') expect(html, f).toContain(`<link rel="canonical" href="${DEFAULT_SITE}/${path}">`);
      expect(html, f).not.toContain('rel="sitemap"');
      expect(html, f).toContain(`data-base="/${TERM}/"`);
    }
  });

  it('has its own search index under /<term>/pagefind/: every result is a snapshot page', () => {
    const dir = join(site, TERM, 'pagefind/fragment');
    // Pagefind writes result URLs relative to the indexed site; the search loads the index from
    // <base>pagefind/ with baseUrl <base> (src/scripts/chunks/search-core.ts), so they open under /<term>/.
    const urls = readdirSync(dir).map((f) => /"url":"([^"]*)"/.exec(gunzipSync(readFileSync(join(dir, f))).toString('utf8'))?.[1] ?? '');
    expect(urls.length).toBeGreaterThan(10);
    for (const u of urls) expect(existsSync(join(site, TERM, u, 'index.html')), u).toBe(true);
    const searchCode = readdirSync(join(site, TERM, '_astro')).filter((f) => f.startsWith('search-core'));
    expect(searchCode.length).toBe(1);
    expect(readFileSync(join(site, TERM, '_astro', searchCode[0]!), 'utf8')).toMatch(/baseUrl:/);
  });

  it('has its own offline worker: scoped to /<term>/, precaching only its pages, with its own cache names', () => {
    const sw = readFileSync(join(site, TERM, 'sw.js'), 'utf8');
    const urls = [...sw.matchAll(/\{url:"([^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(20);
    for (const u of urls) expect(u).toMatch(new RegExp(`^/${TERM}/`));
    expect(sw).toContain(`cacheName:"${TERM}-pages"`);
    expect(sw).toContain(`cacheName:"${TERM}-search"`);
    expect(sw).not.toMatch(/cacheName:"(pages|search)"/);
  });

  it('fails clearly: a missing snapshot names the command, an older commit predates snapshot support', async () => {
    const other = { ...cut.term, id: '2031-autumn' };
    await expect(
      includeSnapshots({ outDir: site, publishTo: site, base: '/', siteOrigin: DEFAULT_SITE, offline: true, cacheDir: '', terms: [other] }, clone, {
        SNAPSHOT_STORE: join(tmp, 'store'),
        SNAPSHOT_BUILD: 'off',
      }),
    ).rejects.toThrow(`npm run snapshot -- 2031-autumn ${cut.term.commit} "${LABEL}"`);
    expect(() => resolveCommit(clone, 'e66c7f7')).toThrow(/predates term snapshots/);
    expect(() => resolveCommit(clone, 'no-such-tag')).toThrow(/git knows no commit "no-such-tag"/);
  });
});
