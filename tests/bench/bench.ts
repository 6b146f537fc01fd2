/**
 * Performance benchmark (not part of `npm test`):  npm run bench [-- --quick] [-- --loads 5]
 *
 * 1. Builds the site into bench-results/site/ and records build time and peak memory; unless
 *    --quick, also builds a generated copy of the project with 100 times the chapters.
 * 2. Serves the build with compression on 127.0.0.1 (src/server/static-server.ts) and loads every
 *    sitemap page several times in headless Chromium under a slow-4G + 4x-CPU profile; prints the
 *    median per page: compressed bytes by type, JavaScript executed, requests, LCP and CLS.
 * 3. Measures search: bytes transferred by the first query, cold and warm latency.
 * 4. Runs Lighthouse (mobile preset) on every sitemap page (tests/bench/lighthouse.ts).
 * 5. Writes bench-results/bench.json and exits non-zero when a budget from the README is broken.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { startServer } from '../../src/server/static-server.ts';
import { CATEGORIES, runLighthouse, type LighthouseFigures } from './lighthouse.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'bench-results');
const SITE = join(OUT, 'site');

/** The budgets stated in the README ("Performance budgets and benchmark"). */
export const BUDGETS = {
  /** Compressed JavaScript a chapter page loads when it is only read. */
  chapterJsBytes: 2 * 1024,
  /** Compressed CSS + JS + fonts of a chapter page. */
  chapterCssJsFontBytes: 9 * 1024,
  /** Largest Contentful Paint under slow 4G and a 4x slower CPU, every page. */
  lcpMs: 1100,
  /** Cumulative Layout Shift, every page (0 to three decimals). */
  cls: 0.0005,
  /** Bytes the first search transfers (search code, Pagefind, wasm, index, fragments). */
  firstSearchBytes: 150 * 1024,
  /** Gzip size of a chapter's HTML up to the end of its first screen (one TCP initial window). */
  chapterFirstScreenGzipBytes: 14 * 1024,
  /** Lighthouse scores (mobile preset): every page; performance only for chapter pages. */
  lighthouse: { accessibility: 100, 'best-practices': 100, seo: 100, chapterPerformance: 100 },
  /** Peak memory of the build's process tree for the site with 100x the chapters. */
  scaledBuildPeakMiB: 600,
};

/** Lighthouse's "slow 4G": 150 ms RTT, 1.6 Mbps down, 750 kbps up; and a 4x slower CPU. */
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CPU_SLOWDOWN = 4;

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    loads: { type: 'string' },
    scale: { type: 'string', default: '100' },
    /** Only the two builds (time and peak memory), no page loads. */
    'builds-only': { type: 'boolean', default: false },
  },
});
const LOADS = Number(args.loads ?? (args.quick ? 3 : 5));
const SCALE = Number(args.scale);

// ---------------------------------------------------------------------------------------------
// Build time and peak memory

interface BuildFigures {
  label: string;
  chapters: number;
  pages: number;
  seconds: number;
  /** Peak resident memory of the build's whole process tree, in MiB. */
  peakRssMiB: number;
}

/** Resident memory (KiB) of a process and all its descendants, from /proc. */
function treeRssKiB(pid: number): number {
  let total = 0;
  try {
    total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const c of children ? children.split(/\s+/) : []) total += treeRssKiB(Number(c));
    }
  } catch {
    // The process ended between two reads.
  }
  return total;
}

function countPages(dir: string): number {
  let n = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.html')) n++;
    }
  };
  walk(dir);
  return n;
}

/**
 * Run the project's own `build` script (package.json, with the allocator and heap settings it
 * carries) in `cwd`, writing to `outDir`, through `sh -c` rather than npm (npm's own process would
 * be counted in the tree); time it and poll its peak memory.
 */
async function measureBuild(label: string, cwd: string, outDir: string, extraEnv: Record<string, string> = {}): Promise<BuildFigures> {
  rmSync(outDir, { recursive: true, force: true });
  const bin = join(ROOT, 'node_modules/.bin');
  const script = (JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['build'];
  if (!script) throw new Error(`${label}: ${join(cwd, 'package.json')} has no "build" script`);
  const started = performance.now();
  const child = spawn('sh', ['-c', script], {
    cwd,
    env: { ...process.env, PATH: `${bin}:${process.env['PATH']}`, OUT_DIR: outDir, ASTRO_CACHE_DIR: join(cwd, 'node_modules/.astro-bench'), BASE_PATH: '/', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, child.pid ? treeRssKiB(child.pid) : 0)), 50);
  const code = await new Promise<number | null>((ok) => child.on('close', ok));
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`${label}: build failed (exit ${code}):\n${log.slice(-4000)}`);
  const chapters = readdirSync(join(cwd, 'content/chapters')).filter((f) => /\.mdx?$/.test(f)).length;
  return { label, chapters, pages: countPages(outDir), seconds, peakRssMiB: peak / 1024 };
}

/** A copy of the project (node_modules linked) whose chapters are repeated `scale` times. */
function generateLargeProject(scale: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'docker-basics-bench-'));
  // tests/fixtures: the site reads the captured docker --help texts from there.
  for (const f of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public', 'content', 'tests/fixtures']) {
    if (existsSync(join(ROOT, f))) cpSync(join(ROOT, f), join(dir, f), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const chapters = join(dir, 'content/chapters');
  for (const f of readdirSync(chapters).filter((x) => /\.mdx?$/.test(x))) {
    const source = readFileSync(join(chapters, f), 'utf8');
    for (let i = 1; i < scale; i++) {
      // Same content, a unique order (the sidebar needs one) and its own URL.
      const copy = source.replace(/^order:\s*(\d+)/m, (_, n: string) => `order: ${i * 1000 + Number(n)}`);
      writeFileSync(join(chapters, f.replace(/(\.mdx?)$/, `-copy-${i}$1`)), copy);
    }
  }
  return dir;
}

// ---------------------------------------------------------------------------------------------
// Page loads

type Kind = 'html' | 'css' | 'js' | 'font' | 'image' | 'other';
const KIND: Record<string, Kind> = { document: 'html', stylesheet: 'css', script: 'js', font: 'font', image: 'image' };

interface Load {
  bytes: Record<Kind, number>;
  /** Brotli size of inline <script> and <style> text (already inside the HTML bytes). */
  inlineJs: number;
  inlineCss: number;
  jsExecuted: number;
  requests: number;
  lcp: number;
  cls: number;
  /** Raw and gzip bytes of the HTML up to the first element that starts below the first screen. */
  firstScreenBytes: number;
  firstScreenGzip: number;
}

interface PageFigures extends Load {
  path: string;
  chapter: boolean;
  /** Compressed JS and CSS the page loads, inline and external. */
  js: number;
  css: number;
}

const OBSERVERS = `
  window.__lcp = 0; window.__cls = 0;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp = e.startTime; })
    .observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
    .observe({ type: 'layout-shift', buffered: true });
`;

/**
 * Count compressed response bytes per resource type. Uses Playwright's request events rather than
 * CDP's, because they also see the requests of Pagefind's web worker.
 */
function networkMeter(context: BrowserContext) {
  const pending: Array<Promise<void>> = [];
  const m = {
    bytes: { html: 0, css: 0, js: 0, font: 0, image: 0, other: 0 } as Record<Kind, number>,
    requests: 0,
    total: 0,
    /** Every finished transfer in order: path and compressed body bytes. */
    log: [] as Array<{ path: string; bytes: number }>,
    /** Wait for the sizes of finished requests to be known. */
    settle: () => Promise.all(pending),
  };
  context.on('request', (r) => {
    if (!r.url().startsWith('data:')) m.requests++;
  });
  context.on('requestfinished', (r) => {
    if (r.url().startsWith('data:')) return;
    pending.push(
      (async () => {
        let bytes = (await r.sizes()).responseBodySize;
        // Chromium reports 0 for a worker's own script: fall back to its Content-Length.
        if (!bytes) bytes = Number((await r.response())?.headers()['content-length'] ?? 0);
        const kind = KIND[r.resourceType()] ?? 'other';
        m.bytes[kind] += bytes;
        m.total += bytes;
        m.log.push({ path: new URL(r.url()).pathname, bytes });
      })(),
    );
  });
  return m;
}

async function throttled(page: Page, throttle: boolean): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle) {
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  }
  return cdp;
}

const br = (s: string) => (s ? brotliCompressSync(Buffer.from(s), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length : 0);

async function loadOnce(browser: Browser, url: string): Promise<Load> {
  // The offline worker's one-time background precache (README, "Offline") is not the page's load.
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
  await context.addInitScript(OBSERVERS);
  const page = await context.newPage();
  const meter = networkMeter(context);
  const cdp = await throttled(page, true);
  let jsExecuted = 0;
  const origin = new URL(url).origin;
  cdp.on('Debugger.scriptParsed', (e) => {
    if (e.url.startsWith(origin)) jsExecuted += e.length ?? 0;
  });
  await cdp.send('Debugger.enable');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(1000);
  const r = await page.evaluate(() => {
    const w = window as unknown as { __lcp: number; __cls: number };
    // Data (`type="application/json"`, e.g. the anchor-redirect map) is not run: not counted as JS.
    const inlineJs = [...document.querySelectorAll('script:not([src]):not([type="application/json"])')].map((s) => s.textContent ?? '').join('\n');
    const inlineCss = [...document.querySelectorAll('style')].map((s) => s.textContent ?? '').join('\n');
    return { lcp: w.__lcp, cls: w.__cls, inlineJs, inlineCss };
  });
  await meter.settle();
  const firstScreen = await firstScreenHtml(page, url);
  await context.close();
  return {
    ...firstScreen,
    bytes: meter.bytes,
    inlineJs: br(r.inlineJs),
    inlineCss: br(r.inlineCss),
    jsExecuted,
    requests: meter.requests,
    lcp: r.lcp,
    cls: r.cls,
  };
}

/**
 * The first screen's HTML: the page's HTML source up to the start tag of the first element, in
 * document order, whose top is below the viewport (nothing before it needs to arrive later for
 * the first screen to render). The element is found in the browser and located in the source as
 * the n-th start tag of its name; the gzip size (level 6, what GitHub Pages and nginx send) is what
 * must fit in the first round trips.
 */
async function firstScreenHtml(page: Page, url: string): Promise<{ firstScreenBytes: number; firstScreenGzip: number }> {
  const source = await (await fetch(url)).text();
  const below = await page.evaluate(() => {
    scrollTo(0, 0);
    const all = document.getElementsByTagName('*');
    for (let i = 0; i < all.length; i++) {
      const el = all[i]!;
      if (el.getBoundingClientRect().top >= innerHeight) {
        const tag = el.localName;
        return { tag, nth: [...document.getElementsByTagName(tag)].indexOf(el) };
      }
    }
    return undefined;
  });
  let end = source.length;
  if (below) {
    const re = new RegExp(`<${below.tag}[\\s>/]`, 'gi');
    let m: RegExpExecArray | null = null;
    for (let i = 0; i <= below.nth; i++) m = re.exec(source);
    if (m) end = m.index;
  }
  const prefix = Buffer.from(source.slice(0, end));
  return { firstScreenBytes: prefix.length, firstScreenGzip: gzipSync(prefix, { level: 6 }).length };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function medianLoad(loads: Load[]): Load {
  const pick = (f: (l: Load) => number) => median(loads.map(f));
  const kinds: Kind[] = ['html', 'css', 'js', 'font', 'image', 'other'];
  return {
    bytes: Object.fromEntries(kinds.map((k) => [k, pick((l) => l.bytes[k])])) as Record<Kind, number>,
    inlineJs: pick((l) => l.inlineJs),
    inlineCss: pick((l) => l.inlineCss),
    jsExecuted: pick((l) => l.jsExecuted),
    requests: pick((l) => l.requests),
    lcp: pick((l) => l.lcp),
    cls: pick((l) => l.cls),
    firstScreenBytes: pick((l) => l.firstScreenBytes),
    firstScreenGzip: pick((l) => l.firstScreenGzip),
  };
}

// ---------------------------------------------------------------------------------------------
// Search

interface SearchFigures {
  profile: string;
  firstQueryBytes: number;
  firstQueryRequests: number;
  /** What the first query transferred, file by file. */
  firstQueryFiles: Array<{ path: string; bytes: number }>;
  coldMs: number;
  warmMs: number;
}

async function measureSearch(browser: Browser, url: string, throttle: boolean): Promise<SearchFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const meter = networkMeter(context);
  await throttled(page, throttle);
  await page.goto(url, { waitUntil: 'load' });
  // The page's own late work (the offline code loads a few seconds after the page) is not search:
  // let it arrive first, or it lands inside the first query's bytes under throttling.
  const offlineCode = () => performance.getEntriesByType('resource').some((e) => /\/offline\.[\w-]+\.js$/.test(e.name));
  const offlineExpected = await page.locator('offline-status[data-enabled="true"]').count();
  if (offlineExpected) await page.waitForFunction(offlineCode, undefined, { timeout: 30_000 });
  await page.waitForTimeout(500);
  await meter.settle();
  const before = { bytes: meter.total, requests: meter.requests, log: meter.log.length };
  const dialog = page.locator('#search-dialog');
  // Cold: from the keystroke that opens search, through typing a query, to results on screen.
  const t0 = performance.now();
  await page.keyboard.press('/');
  const input = dialog.getByRole('searchbox');
  await input.waitFor({ state: 'visible' });
  await page.waitForFunction(() => document.activeElement?.matches('#search-dialog input'));
  await input.fill('container');
  await dialog.locator('.search-results li').first().waitFor({ state: 'visible', timeout: 60_000 });
  const coldMs = performance.now() - t0;
  await page.waitForTimeout(throttle ? 1500 : 300); // let late fragment requests finish
  await meter.settle();
  const firstQueryBytes = meter.total - before.bytes;
  const firstQueryRequests = meter.requests - before.requests;
  const firstQueryFiles = meter.log.slice(before.log);
  // Warm: a second query once everything is loaded.
  const t1 = performance.now();
  await input.fill('image');
  await page.waitForFunction(() => /image/.test(document.querySelector('#search-dialog [role=status]')?.textContent ?? ''), undefined, { timeout: 60_000 });
  await dialog.locator('.search-results li').first().waitFor({ state: 'visible' });
  const warmMs = performance.now() - t1;
  await context.close();
  return { profile: throttle ? `slow 4G, ${CPU_SLOWDOWN}x CPU` : 'unthrottled', firstQueryBytes, firstQueryRequests, firstQueryFiles, coldMs, warmMs };
}

// ---------------------------------------------------------------------------------------------
// Report

const kb = (n: number) => (n / 1024).toFixed(1);

function table(headers: string[], rows: Array<Array<string | number>>): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  console.log(`Building the site into ${SITE} …`);
  const builds: BuildFigures[] = [await measureBuild('real site', ROOT, SITE)];
  if (!args.quick) {
    const big = generateLargeProject(SCALE);
    try {
      console.log(`Building a generated site with ${SCALE}x the chapters in ${big} …`);
      // No offline worker: its precache budget is for the real site, and 100 copies would break it.
      builds.push(await measureBuild(`${SCALE}x chapters`, big, join(big, 'dist'), { SERVICE_WORKER: 'off' }));
    } finally {
      rmSync(big, { recursive: true, force: true });
    }
  }

  if (args['builds-only']) {
    console.log(table(['build', 'chapters', 'pages', 'time s', 'peak RSS MiB'], builds.map((b) => [b.label, b.chapters, b.pages, b.seconds.toFixed(1), Math.round(b.peakRssMiB)])));
    return;
  }
  // Port 0: the system picks a free port, so the bench never collides with a test server.
  const server = await startServer({ dir: SITE, port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sitemap = readFileSync(join(SITE, 'sitemap.xml'), 'utf8');
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  const chromiumPath = '/usr/bin/chromium';
  const browser = await chromium.launch({
    ...(existsSync(chromiumPath) ? { executablePath: chromiumPath } : {}),
    args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic'],
  });

  const pages: PageFigures[] = [];
  let search: SearchFigures[] = [];
  let lighthouse: LighthouseFigures[] = [];
  try {
    for (const path of paths) {
      process.stdout.write(`Loading ${path} ${LOADS}x …\n`);
      const loads: Load[] = [];
      for (let i = 0; i < LOADS; i++) loads.push(await loadOnce(browser, origin + path));
      const m = medianLoad(loads);
      const html = readFileSync(join(SITE, path.replace(/^\//, ''), 'index.html'), 'utf8');
      const chapter = /<meta property="og:type" content="article"/.test(html);
      pages.push({ path, chapter, ...m, js: m.bytes.js + m.inlineJs, css: m.bytes.css + m.inlineCss });
    }
    const chapterPath = pages.find((p) => p.chapter)?.path ?? '/';
    search = [await measureSearch(browser, origin + chapterPath, true), await measureSearch(browser, origin + chapterPath, false)];
    console.log(`Lighthouse (mobile preset) on ${paths.length} pages …`);
    lighthouse = await runLighthouse(origin, paths);
  } finally {
    await browser.close();
    server.close();
  }

  // Budgets
  const failures: string[] = [];
  for (const p of pages) {
    if (p.chapter && p.js > BUDGETS.chapterJsBytes) failures.push(`${p.path}: ${kb(p.js)} KB of JS > ${kb(BUDGETS.chapterJsBytes)} KB`);
    const cjf = p.css + p.js + p.bytes.font;
    if (p.chapter && cjf > BUDGETS.chapterCssJsFontBytes) failures.push(`${p.path}: ${kb(cjf)} KB of CSS+JS+fonts > ${kb(BUDGETS.chapterCssJsFontBytes)} KB`);
    if (p.lcp > BUDGETS.lcpMs) failures.push(`${p.path}: LCP ${Math.round(p.lcp)} ms > ${BUDGETS.lcpMs} ms`);
    if (p.cls > BUDGETS.cls) failures.push(`${p.path}: CLS ${p.cls.toFixed(3)} > 0`);
    if (p.chapter && p.firstScreenGzip > BUDGETS.chapterFirstScreenGzipBytes)
      failures.push(`${p.path}: first-screen HTML ${kb(p.firstScreenGzip)} KB gzip > ${kb(BUDGETS.chapterFirstScreenGzipBytes)} KB`);
  }
  const chapterPaths = new Set(pages.filter((p) => p.chapter).map((p) => p.path));
  for (const l of lighthouse) {
    const min = { ...BUDGETS.lighthouse, performance: chapterPaths.has(l.path) ? BUDGETS.lighthouse.chapterPerformance : 0 };
    for (const c of CATEGORIES) {
      if (l.scores[c] < min[c]) failures.push(`${l.path}: Lighthouse ${c} ${l.scores[c]} < ${min[c]} (${l.failed.filter((f) => f.startsWith(c)).join('; ')})`);
    }
  }
  for (const b of builds.slice(1)) {
    if (b.peakRssMiB > BUDGETS.scaledBuildPeakMiB) failures.push(`${b.label} build: peak memory ${Math.round(b.peakRssMiB)} MiB > ${BUDGETS.scaledBuildPeakMiB} MiB`);
  }
  for (const s of search) {
    if (s.firstQueryBytes > BUDGETS.firstSearchBytes) failures.push(`search (${s.profile}): first query ${kb(s.firstQueryBytes)} KB > ${kb(BUDGETS.firstSearchBytes)} KB`);
  }

  const pageTable = table(
    ['page', 'HTML KB', '1st screen gz KB', 'CSS KB', 'JS KB', 'fonts KB', 'img KB', 'CSS+JS+fonts KB', 'JS run KB', 'requests', 'LCP ms', 'CLS'],
    pages.map((p) => [
      `${p.path}${p.chapter ? ' *' : ''}`,
      kb(p.bytes.html),
      kb(p.firstScreenGzip),
      kb(p.css),
      kb(p.js),
      kb(p.bytes.font),
      kb(p.bytes.image),
      kb(p.css + p.js + p.bytes.font),
      kb(p.jsExecuted),
      p.requests,
      Math.round(p.lcp),
      p.cls.toFixed(3),
    ]),
  );
  const searchTable = table(
    ['search', 'first query KB', 'requests', 'cold ms', 'warm ms'],
    search.map((s) => [s.profile, kb(s.firstQueryBytes), s.firstQueryRequests, Math.round(s.coldMs), Math.round(s.warmMs)]),
  );
  const lighthouseTable = table(
    ['Lighthouse (mobile)', 'perf', 'a11y', 'best pr.', 'SEO', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS'],
    lighthouse.map((l) => [
      `${l.path}${chapterPaths.has(l.path) ? ' *' : ''}`,
      l.scores.performance,
      l.scores.accessibility,
      l.scores['best-practices'],
      l.scores.seo,
      Math.round(l.fcp),
      Math.round(l.lcp),
      Math.round(l.tbt),
      l.cls.toFixed(3),
    ]),
  );
  const buildTable = table(
    ['build', 'chapters', 'pages', 'time s', 'peak RSS MiB'],
    builds.map((b) => [b.label, b.chapters, b.pages, b.seconds.toFixed(1), Math.round(b.peakRssMiB)]),
  );
  console.log(`
Pages: median of ${LOADS} cold loads, slow 4G (150 ms RTT, 1.6 Mbps down, 750 kbps up) and ${CPU_SLOWDOWN}x CPU,
412x823 viewport. Bytes are compressed (Brotli) transfers; CSS and JS include the inline <style>
and <script> (Brotli size, also counted in HTML). JS run = bytes of script executed on load.
* = chapter page (JS, CSS+JS+fonts and first-screen budgets apply). 1st screen gz = gzip size of
the HTML up to the first element that starts below the 412x823 screen.

${pageTable}

${lighthouseTable}

Search: keystroke "/" + query typed → results on screen (cold: first query on a fresh page;
warm: the next query). First query KB = everything the first search transferred.

${searchTable}

${buildTable}
`);
  const budgets = {
    ...BUDGETS,
    failures,
  };
  const json = { date: new Date().toISOString(), loads: LOADS, profile: { ...SLOW_4G, cpuSlowdown: CPU_SLOWDOWN }, pages, search, lighthouse, builds, budgets };
  writeFileSync(join(OUT, 'bench.json'), JSON.stringify(json, null, 2) + '\n');
  console.log(`Wrote ${join(OUT, 'bench.json')}`);
  if (failures.length) {
    console.error(`\nBudgets broken:\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
  console.log('All budgets met.');
}

await main();
