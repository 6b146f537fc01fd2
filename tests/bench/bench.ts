/**
 * Performance benchmark (not part of `npm test`):  npm run bench [-- --quick] [-- --loads 5]
 * (--builds-only: only the builds; --scaled-only: only ours and Starlight's at about 300 pages;
 * --warm: keep the build caches of the last run; each build prints where its time went)
 *
 * 1. Builds the site into bench-results/site/ and records build time and peak memory; unless
 *    --quick, also builds a generated copy of the project with 100 times the chapters, and, side
 *    by side, our site and a Starlight site with the same chapters repeated to about 300 pages.
 * 2. Serves the build with compression on 127.0.0.1 (src/server/static-server.ts) and loads every
 *    sitemap page several times in headless Chromium under a slow-4G + 4x-CPU profile; prints the
 *    median per page: compressed bytes by type, JavaScript executed, requests, LCP and CLS.
 * 3. Builds a plain Starlight site from the same chapters (tests/bench/starlight.ts), loads each
 *    chapter the same way, and compares every chapter's LCP with ours (--no-starlight skips it).
 * 4. Measures search: bytes transferred by the first query, cold and warm latency; and typing a
 *    query at 80 ms a key at 4x CPU: the longest main-thread task and INP (tests/bench/typing.ts).
 * 5. Runs Lighthouse (mobile preset) on every sitemap page, 3 times, and reports the median run
 *    (tests/bench/lighthouse.ts).
 * 6. Writes bench-results/bench.json and exits non-zero when a budget from the README is broken.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from '@playwright/test';
import { startServer } from '../../src/server/static-server.ts';
import { measureTyping, typingLine, type TypingFigures } from './typing.ts';
import { CATEGORIES, RUNS as LIGHTHOUSE_RUNS, runLighthouse, type LighthouseFigures } from './lighthouse.ts';
import {
  CPU_SLOWDOWN,
  kb,
  launchBrowser,
  loadOnce,
  measureBuild,
  median,
  medianLoad,
  networkMeter,
  ROOT,
  SLOW_4G,
  table,
  throttled,
  type BuildFigures,
  type Load,
} from './measure.ts';
import {
  buildStarlight,
  COMMANDS_NOTE,
  ensureStarlightInstalled,
  generateStarlightProject,
  loadStarlightChapters,
  type StarlightPage,
  type StarlightProject,
} from './starlight.ts';

const OUT = join(ROOT, 'bench-results');
const SITE = join(OUT, 'site');
const CHAPTER_FILES = readdirSync(join(ROOT, 'content/chapters')).filter((f) => /\.mdx?$/.test(f));

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
  /**
   * Peak memory of the build's process tree for the generated site of about 300 pages (the
   * chapters repeated --starlight-scale times: the amount of text of 300 Starlight pages, where
   * issue 13 measured it). The 100x build is printed for growth, without a budget.
   */
  scaledBuildPeakMiB: 600,
  /** Our LCP over Starlight's for the same chapter, same profile: every chapter page. */
  lcpRatioVsStarlight: 0.6,
};

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    loads: { type: 'string' },
    scale: { type: 'string', default: '100' },
    /** How often the Starlight copy repeats the chapters; default: about 300 pages. */
    'starlight-scale': { type: 'string', default: String(Math.round(300 / CHAPTER_FILES.length)) },
    /** Only the builds (time and peak memory), no page loads. */
    'builds-only': { type: 'boolean', default: false },
    /** Skip everything Starlight: its install, builds and page loads. */
    'no-starlight': { type: 'boolean', default: false },
    /** Keep each build's cache folder from the last run (rendered link-preview cards); default: cold, as a fresh checkout. */
    warm: { type: 'boolean', default: false },
    /** Only the builds at about 300 pages, ours and Starlight's, back to back (no real-site build, no 100x): for comparing build time and peak. */
    'scaled-only': { type: 'boolean', default: false },
  },
});
const LOADS = Number(args.loads ?? (args.quick ? 3 : 5));
const SCALE = Number(args.scale);
const STARLIGHT_SCALE = Number(args['starlight-scale']);

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

interface PageFigures extends Load {
  path: string;
  chapter: boolean;
  /** Compressed JS and CSS the page loads, inline and external. */
  js: number;
  css: number;
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
  if (await page.locator('offline-status[data-enabled="true"]').count()) await page.waitForFunction(offlineCode, undefined, { timeout: 30_000 });
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

// ---------------------------------------------------------------------------------------------
// Starlight, side by side

interface LcpComparison {
  path: string;
  oursMs: number;
  starlightMs: number;
  /** Ours over Starlight's: below 1 is faster. */
  ratio: number;
  oursElement: string;
  starlightElement: string;
}

/** What the Starlight comparison found, or why it did not run. */
type StarlightResult =
  | { status: 'skipped'; reason: string }
  | { status: 'measured'; versions: Record<string, string>; commands: string; pages: StarlightPage[]; comparison: LcpComparison[]; medianRatio: number };

/** Build our project with its chapters repeated `scale` times, in a temporary copy. */
async function measureOursScaled(scale: number, label: string): Promise<BuildFigures> {
  const big = generateLargeProject(scale);
  try {
    console.log(`Building a generated site with ${scale}x the chapters in ${big} …`);
    // With the offline worker, whose precache stays within its budget at any size (Starlight has none).
    return await measureBuild({ label, cwd: big, outDir: join(big, 'dist'), chapters: CHAPTER_FILES.length * scale, warm: args.warm });
  } finally {
    rmSync(big, { recursive: true, force: true });
  }
}

/** Run `use` on a temporary Starlight project with our chapters `scale` times, then remove it. */
async function withStarlightProject<T>(scale: number, use: (p: StarlightProject) => Promise<T>): Promise<T> {
  const project = generateStarlightProject(scale, SITE);
  try {
    console.log(`Building a Starlight site with ${scale}x our chapters in ${project.dir} …`);
    return await use(project);
  } finally {
    rmSync(project.dir, { recursive: true, force: true });
  }
}

function compareLcp(ours: PageFigures[], theirs: StarlightPage[]): LcpComparison[] {
  const byPath = new Map(theirs.map((p) => [p.path, p]));
  return ours.flatMap((p) => {
    const t = byPath.get(p.path);
    if (!p.chapter || !t) return [];
    return [{ path: p.path, oursMs: p.lcp, starlightMs: t.lcp, ratio: p.lcp / t.lcp, oursElement: p.lcpElement, starlightElement: t.lcpElement }];
  });
}

/**
 * The floor of LCP in this harness: a bare page (a heading and one paragraph of a chapter's text,
 * no CSS, no script) served the same way, loaded LOADS times under the same profile. What a page
 * costs is its LCP above this; the ratio to Starlight cannot go below floor / Starlight's LCP.
 */
async function measureFloor(browser: Browser): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'docker-basics-floor-'));
  try {
    const text =
      readFileSync(join(SITE, 'what-is-docker/index.html'), 'utf8').match(/<div class="prose"[^>]*>[\s\S]*?<p>([\s\S]*?)<\/p>/)?.[1] ??
      'Docker runs programs in containers.';
    mkdirSync(join(dir, 'floor'));
    writeFileSync(
      join(dir, 'floor/index.html'),
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Floor</title></head><body><h1>What is Docker?</h1><p>${text}</p></body></html>`,
    );
    const server = await startServer({ dir, port: 0, host: '127.0.0.1' });
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/floor/`;
      const lcps: number[] = [];
      for (let i = 0; i < LOADS; i++) lcps.push((await loadOnce(browser, url)).lcp);
      return median(lcps);
    } finally {
      server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  // --scaled-only skips it when an earlier run left it: Starlight's copy takes the commands chapter from it.
  const builds: BuildFigures[] = [];
  if (!args['scaled-only'] || !existsSync(join(SITE, 'commands/index.html'))) {
    console.log(`Building the site into ${SITE} …`);
    builds.push(await measureBuild({ label: 'real site', cwd: ROOT, outDir: SITE, chapters: CHAPTER_FILES.length, warm: args.warm }));
  }
  // A failed install skips the comparison (and says why), not the rest of the bench.
  const installed = args['no-starlight'] ? undefined : ensureStarlightInstalled();
  if (installed && !installed.ok) console.warn(`Skipping the Starlight comparison: ${installed.reason}`);
  let scaled: BuildFigures | undefined;
  if (!args.quick) {
    if (!args['scaled-only']) builds.push(await measureOursScaled(SCALE, `${SCALE}x chapters`));
    // About 300 pages: the memory budget's size, and the same amount of text as Starlight's below.
    scaled = await measureOursScaled(STARLIGHT_SCALE, `${STARLIGHT_SCALE}x chapters`);
    builds.push(scaled);
    if (installed?.ok) builds.push(await withStarlightProject(STARLIGHT_SCALE, (p) => buildStarlight(`Starlight, ${STARLIGHT_SCALE}x chapters`, p)));
  }
  const buildTable = () =>
    table(
      ['build', 'chapters', 'pages', 'time s', 'peak RSS MiB'],
      builds.map((b) => [b.label, b.chapters, b.pages, b.seconds.toFixed(1), Math.round(b.peakRssMiB)]),
    );

  const stepTable = () =>
    builds
      .filter((b) => b.steps.length)
      .map(
        (b) =>
          `${b.label}: where the time went (from its log)\n${table(
            ['step', 'time s'],
            b.steps.map((st) => [st.name, st.seconds.toFixed(1)]),
          )}`,
      )
      .join('\n\n');

  if (args['builds-only'] || args['scaled-only']) {
    const theirs = builds.find((b) => b.label.startsWith(`Starlight, ${STARLIGHT_SCALE}x`));
    const versus =
      scaled && theirs
        ? `\nAt about 300 pages: ${scaled.seconds.toFixed(1)} s against Starlight's ${theirs.seconds.toFixed(1)} s (${(scaled.seconds / theirs.seconds).toFixed(2)}x); peak ${Math.round(scaled.peakRssMiB)} MiB (budget ${BUDGETS.scaledBuildPeakMiB} MiB).`
        : '';
    console.log(`${buildTable()}\n\n${stepTable()}\n${versus}`);
    return;
  }
  // Port 0: the system picks a free port, so the bench never collides with a test server.
  const server = await startServer({ dir: SITE, port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sitemap = readFileSync(join(SITE, 'sitemap.xml'), 'utf8');
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  const browser = await launchBrowser();

  const pages: PageFigures[] = [];
  let search: SearchFigures[];
  let typing: TypingFigures | undefined;
  let lighthouse: LighthouseFigures[];
  let floorLcp: number;
  let starlight: StarlightResult = { status: 'skipped', reason: installed ? (installed.ok ? '' : installed.reason) : '--no-starlight' };
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
    floorLcp = await measureFloor(browser);
    if (installed?.ok) {
      const { build, theirs } = await withStarlightProject(1, async (p) => ({
        build: await buildStarlight('Starlight, same chapters', p),
        theirs: await loadStarlightChapters(browser, p, LOADS),
      }));
      builds.splice(1, 0, build);
      const comparison = compareLcp(pages, theirs);
      starlight = {
        status: 'measured',
        versions: installed.versions,
        commands: COMMANDS_NOTE,
        pages: theirs,
        comparison,
        medianRatio: median(comparison.map((c) => c.ratio)),
      };
    }
    const chapterPath = pages.find((p) => p.chapter)?.path ?? '/';
    search = [await measureSearch(browser, origin + chapterPath, true), await measureSearch(browser, origin + chapterPath, false)];
    typing = await measureTyping(browser, origin + chapterPath);
    console.log(`Lighthouse (mobile preset) on ${paths.length} pages, ${LIGHTHOUSE_RUNS} runs each …`);
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
  if (scaled && scaled.peakRssMiB > BUDGETS.scaledBuildPeakMiB)
    failures.push(`${scaled.label} build: peak memory ${Math.round(scaled.peakRssMiB)} MiB > ${BUDGETS.scaledBuildPeakMiB} MiB`);
  if (starlight.status === 'measured') {
    for (const c of starlight.comparison) {
      if (c.ratio > BUDGETS.lcpRatioVsStarlight)
        failures.push(
          `${c.path}: LCP ${Math.round(c.oursMs)} ms is ${c.ratio.toFixed(2)}x Starlight's ${Math.round(c.starlightMs)} ms > ${BUDGETS.lcpRatioVsStarlight}x`,
        );
    }
  }
  for (const s of search) {
    if (s.firstQueryBytes > BUDGETS.firstSearchBytes)
      failures.push(`search (${s.profile}): first query ${kb(s.firstQueryBytes)} KB > ${kb(BUDGETS.firstSearchBytes)} KB`);
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
    [`Lighthouse (mobile), median of ${LIGHTHOUSE_RUNS}`, 'perf', 'perf of each run', 'a11y', 'best pr.', 'SEO', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS'],
    lighthouse.map((l) => [
      `${l.path}${chapterPaths.has(l.path) ? ' *' : ''}`,
      l.scores.performance,
      l.performanceRuns.join(' '),
      l.scores.accessibility,
      l.scores['best-practices'],
      l.scores.seo,
      Math.round(l.fcp),
      Math.round(l.lcp),
      Math.round(l.tbt),
      l.cls.toFixed(3),
    ]),
  );
  const starlightReport =
    starlight.status === 'skipped'
      ? `LCP, ours vs Starlight: skipped (${starlight.reason}).`
      : `LCP, ours vs Starlight (same chapter, same profile): median of ${LOADS} cold loads each, Starlight
${Object.entries(starlight.versions)
  .map(([n, v]) => `${n} ${v}`)
  .join(', ')} with its defaults; ${starlight.commands}.
Element = the last largest-contentful-paint entry's element (most frequent over the loads).

${table(
  ['chapter', 'ours ms', 'Starlight ms', 'ratio', 'our LCP element', 'Starlight LCP element'],
  starlight.comparison.map((c) => [c.path, Math.round(c.oursMs), Math.round(c.starlightMs), c.ratio.toFixed(2), c.oursElement, c.starlightElement]),
)}
median ratio ${starlight.medianRatio.toFixed(2)} (budget: every chapter <= ${BUDGETS.lcpRatioVsStarlight})
Floor (a bare heading and paragraph, same harness): LCP ${Math.round(floorLcp)} ms; above it, our median chapter
costs ${Math.round(median(starlight.comparison.map((c) => c.oursMs)) - floorLcp)} ms and Starlight's ${Math.round(median(starlight.comparison.map((c) => c.starlightMs)) - floorLcp)} ms.`;
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
${typing ? typingLine(typing) : ''}

${starlightReport}

${buildTable()}

${stepTable()}
`);
  const budgets = {
    ...BUDGETS,
    failures,
  };
  const json = {
    floorLcp,
    date: new Date().toISOString(),
    loads: LOADS,
    profile: { ...SLOW_4G, cpuSlowdown: CPU_SLOWDOWN },
    pages,
    search,
    typing,
    lighthouse,
    starlight,
    builds,
    budgets,
  };
  writeFileSync(join(OUT, 'bench.json'), JSON.stringify(json, null, 2) + '\n');
  console.log(`Wrote ${join(OUT, 'bench.json')}`);
  if (failures.length) {
    console.error(`\nBudgets broken:\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
  console.log('All budgets met.');
}

await main();
