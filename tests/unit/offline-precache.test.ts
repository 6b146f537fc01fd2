/**
 * The offline worker's precache at any size of course (src/integrations/offline-worker.ts): the
 * shell and search runtime always, then the search index, then pages in the sitemap's order with
 * their search fragments, never past PRECACHE_BUDGET_BYTES; the rest is cached on first use. A
 * synthetic built site as large as 300 Starlight pages of text (the size at which the old
 * precache-everything worker failed the build at 20.8 MB) goes through the real Workbox step.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { choosePrecache, PRECACHE_BUDGET_BYTES, readPrecachePlan, SHELL_PAGES, writeServiceWorker } from '../../src/integrations/offline-worker.ts';

const temp: string[] = [];
afterAll(() => temp.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Sizes as in the real build (2026-12): a chapter page ~120 KB, its fragment ~6 KB, an index chunk ~40 KB. */
const PAGE = 120 * 1024;
const FRAGMENT = 6 * 1024;

/** A written site with `pages` chapters, as astro build and Pagefind leave it. */
function syntheticSite(pages: number, base = '/'): string {
  const dir = mkdtempSync(join(tmpdir(), 'docker-basics-precache-'));
  temp.push(dir);
  const write = (file: string, body: string | Buffer) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), body);
  };
  const text = (n: number, seed: string) => `<!doctype html><title>${seed}</title>${seed.repeat(Math.ceil(n / seed.length)).slice(0, n)}`;
  const slugs = Array.from({ length: pages }, (_, i) => `chapter-${String(i + 1).padStart(4, '0')}`);
  for (const f of SHELL_PAGES) write(f, text(30 * 1024, f));
  write('links/index.html', text(200 * 1024, 'links'));
  for (const f of ['_astro/every-page.abc.js', '_astro/search.def.js', '_astro/offline.ghi.js']) write(f, text(8 * 1024, f));
  write('pagefind/pagefind.js', text(12 * 1024, 'pf'));
  write('pagefind/pagefind-entry.json', '{}');
  write('pagefind/wasm.en.pagefind', Buffer.alloc(60 * 1024, 1));
  write('pagefind/pagefind.en_1.pf_meta', Buffer.alloc(2 * 1024 + pages * 8, 2));
  for (let i = 0; i < Math.ceil(pages / 10); i++) write(`pagefind/index/en_${i}.pf_index`, Buffer.alloc(40 * 1024, 3));
  slugs.forEach((s, i) => {
    write(`${s}/index.html`, text(PAGE, s));
    const body = Buffer.concat([Buffer.from(`pagefind_dcd{"url":"/${s}/","content":"`), Buffer.alloc(FRAGMENT, 'x'), Buffer.from('"}')]);
    write(`pagefind/fragment/en_${i}.pf_fragment`, gzipSync(body, { level: 0 }));
  });
  write('search/vocab.json', text(60 * 1024, 'vocab'));
  const locs = ['', ...slugs.map((s) => `${s}/`), 'explain/', 'search/', 'links/'].map((p) => `<url><loc>https://example.org${base}${p}</loc></url>`);
  write('sitemap.xml', `<?xml version="1.0"?><urlset>${locs.join('')}</urlset>`);
  return dir;
}

/** The precache list of a written sw.js: URL → revision. */
function precached(swSource: string): string[] {
  return [...swSource.matchAll(/url:"([^"]+)",revision:/g)].map((m) => m[1]!);
}

// Under a base path, the harder case for URLs (the pure choice at / is tested below).
describe.each(['/docker-basics/'])('a course of 300 chapters at %s', (base) => {
  it('precaches the shell, the search index and the first chapters within the budget, and caches the rest on first use', async () => {
    const dir = syntheticSite(300, base);
    const report = await writeServiceWorker(dir, base);
    const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
    const urls = precached(sw);
    expect(urls.length).toBe(report.count);
    expect(report.size).toBeLessThanOrEqual(PRECACHE_BUDGET_BYTES);
    // Shell and search runtime, whatever the size.
    for (const f of [
      ...SHELL_PAGES,
      '_astro/every-page.abc.js',
      'pagefind/pagefind.js',
      'pagefind/wasm.en.pagefind',
      'search/vocab.json',
      'pagefind/index/en_29.pf_index',
    ]) {
      expect(urls, f).toContain(`${base}${f}`);
    }
    // Chapters in course order, each with its search fragment; the rest left to first use.
    const chapters = urls.filter((u) => /chapter-\d+\/index\.html$/.test(u)).map((u) => Number(/chapter-(\d+)/.exec(u)![1]));
    expect(chapters.length).toBeGreaterThan(5);
    expect(chapters).toEqual(chapters.map((_, i) => i + 1));
    for (const n of chapters) expect(urls, `fragment of chapter ${n}`).toContain(`${base}pagefind/fragment/en_${n - 1}.pf_fragment`);
    expect(report.leftPages).toBe(300 - chapters.length + 1); // and the links page, after the chapters
    expect(report.count + report.leftFiles).toBe(3 + SHELL_PAGES.length + 1 + 4 + 30 + 300 * 2 + 1 + 1);
    // What is not precached is fetched once and kept: pages from the network first, search files from the cache first.
    // (What they do offline is tested in tests/e2e/offline.spec.ts.)
    expect(sw).toContain('cacheName:"pages"');
    expect(sw).toContain(`fallbackURL:"${base}404.html"`);
    expect(sw).toContain('cacheName:"search"');
  });
});

describe("the worker's bundled runtime", () => {
  it('is built once and reused: the next build only puts in its own file list', async () => {
    const dir = syntheticSite(3);
    const cacheDir = mkdtempSync(join(tmpdir(), 'docker-basics-sw-cache-'));
    temp.push(cacheDir);
    await writeServiceWorker(dir, '/', { cacheDir });
    const first = readFileSync(join(dir, 'sw.js'), 'utf8');
    const cached = readdirSync(join(cacheDir, 'offline-worker'));
    expect(cached).toHaveLength(1);
    // A deploy: one chapter changes.
    writeFileSync(join(dir, 'chapter-0002/index.html'), '<!doctype html><title>revised</title>');
    await writeServiceWorker(dir, '/', { cacheDir });
    const second = readFileSync(join(dir, 'sw.js'), 'utf8');
    expect(readdirSync(join(cacheDir, 'offline-worker'))).toEqual(cached);
    const revision = (sw: string) => /url:"\/chapter-0002\/index\.html",revision:"(\w+)"/.exec(sw)?.[1];
    expect(revision(second)).toBeTruthy();
    expect(revision(second)).not.toBe(revision(first));
    expect(precached(second)).toEqual(precached(first));
    expect(second.replace(/revision:"\w+"/g, '')).toBe(first.replace(/revision:"\w+"/g, ''));
  });
});

describe('the budget holds as the course grows', () => {
  it.each([14, 300, 3000])('%i chapters: within the budget, shell first, chapters as a prefix of the course', (pages) => {
    const slugs = Array.from({ length: pages }, (_, i) => `c${i}/index.html`);
    const entries = [
      ...SHELL_PAGES.map((f) => ({ url: `/${f}`, size: 30_000 })),
      { url: '/_astro/a.js', size: 9_000 },
      { url: '/pagefind/wasm.en.pagefind', size: 60_000 },
      ...Array.from({ length: Math.ceil(pages / 10) }, (_, i) => ({ url: `/pagefind/index/${i}.pf_index`, size: 40_000 })),
      ...slugs.map((s) => ({ url: `/${s}`, size: PAGE })),
      ...slugs.map((_, i) => ({ url: `/pagefind/fragment/${i}.pf_fragment`, size: FRAGMENT })),
    ];
    const plan = { pages: ['index.html', ...slugs], fragmentPage: new Map(slugs.map((s, i) => [`pagefind/fragment/${i}.pf_fragment`, s])) };
    const { precache, left } = choosePrecache(entries, '/', plan);
    const total = precache.reduce((n, e) => n + e.size, 0);
    expect(total).toBeLessThanOrEqual(PRECACHE_BUDGET_BYTES);
    expect(precache.length + left.length).toBe(entries.length);
    for (const f of SHELL_PAGES) expect(precache.map((e) => e.url)).toContain(`/${f}`);
    const taken = precache.filter((e) => /^\/c\d+\//.test(e.url)).map((e) => e.url);
    expect(taken).toEqual(slugs.slice(0, taken.length).map((s) => `/${s}`));
    // A course that fits is precached whole (today's 14 chapters are).
    if (pages === 14) expect(left).toEqual([]);
  });

  it('fails the build only when the shell alone is over the budget, naming its largest files', () => {
    const entries = [
      { url: '/index.html', size: 10 },
      { url: '/_astro/huge.js', size: 7 * 1024 * 1024 },
      { url: '/c/index.html', size: 10 },
    ];
    expect(() => choosePrecache(entries, '/', { pages: ['c/index.html'], fragmentPage: new Map() })).toThrow(
      /shell .* is 7168 KB, over the precache budget of 6144 KB \(PRECACHE_BUDGET_BYTES in src\/integrations\/offline-worker\.ts\)\. Largest: _astro\/huge\.js \(7168 KB\)/,
    );
  });

  it('says which file is missing when the site has no sitemap', () => {
    const dir = syntheticSite(1);
    rmSync(join(dir, 'sitemap.xml'));
    expect(() => readPrecachePlan(dir, '/')).toThrow(`Offline worker: ${join(dir, 'sitemap.xml')} is missing`);
  });

  it('reads the reading order from the sitemap and each fragment’s page, under a base path too', () => {
    const dir = syntheticSite(3, '/docker-basics/');
    const plan = readPrecachePlan(dir, '/docker-basics/');
    expect(plan.pages).toEqual([
      'index.html',
      'chapter-0001/index.html',
      'chapter-0002/index.html',
      'chapter-0003/index.html',
      'explain/index.html',
      'search/index.html',
      'links/index.html',
    ]);
    expect(plan.fragmentPage.get('pagefind/fragment/en_2.pf_fragment')).toBe('chapter-0003/index.html');
  });
});
