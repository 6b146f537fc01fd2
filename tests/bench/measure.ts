/**
 * What the benchmark measures, shared by tests/bench/bench.ts (our site) and
 * tests/bench/starlight.ts (a Starlight build of the same chapters), so that both sides of a
 * comparison are built, timed and loaded by the same code under the same profile.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';

export const ROOT = resolve(import.meta.dirname, '../..');
/** Our node_modules/.bin: its `node` is the pinned Node 22, which every build runs on. */
export const ROOT_BIN = join(ROOT, 'node_modules/.bin');

/** Lighthouse's "slow 4G": 150 ms RTT, 1.6 Mbps down, 750 kbps up; and a 4x slower CPU. */
export const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
export const CPU_SLOWDOWN = 4;

// ---------------------------------------------------------------------------------------------
// Build time and peak memory

export interface BuildFigures {
  label: string;
  chapters: number;
  pages: number;
  seconds: number;
  /** Peak resident memory of the build's whole process tree, in MiB. */
  peakRssMiB: number;
  /** Where the time went, as the build's own log tells it (buildSteps). */
  steps: BuildStep[];
}

export interface BuildStep {
  name: string;
  seconds: number;
}

/** Seconds from Astro's and Vite's durations: `115ms`, `6.97s`, `1m 3s`. */
function seconds(text: string): number {
  let s = 0;
  for (const [, n, unit] of text.matchAll(/([\d.]+)\s*(ms|m|s)\b/g)) s += Number(n) * (unit === 'ms' ? 0.001 : unit === 'm' ? 60 : 1);
  return s;
}

/**
 * Each step's time from a build's log: Astro's bundling (Vite's "built in"), its page generation
 * split into the link-preview cards (`/og/…png` routes) and the other routes (the sum of each
 * route's `(+N ms)`), and each post-build step of src/build/steps.ts (its "(in N s)"). Astro's other
 * work (config, content sync, types) is the total minus these.
 */
export function buildSteps(log: string, totalSeconds: number): BuildStep[] {
  const plain = log.replace(/\x1b\[[\d;]*m/g, '');
  const steps: BuildStep[] = [];
  const bundle = [...plain.matchAll(/\[vite\] ✓ built in ([\d.]+m?s)/g)].reduce((n, m) => n + seconds(m[1]!), 0);
  if (bundle) steps.push({ name: 'astro: bundle (Vite)', seconds: bundle });
  let cards = 0;
  let routes = 0;
  for (const [, route, ms] of plain.matchAll(/[├└]─ (\S+).*?\(\+([\d.]+)ms\)/g)) {
    if (/^\/(?:[^/]+\/)*og\/[^/]+\.png$/.test(route!)) cards += Number(ms) / 1000;
    else routes += Number(ms) / 1000;
  }
  const generating = /generating static routes[\s\S]*?✓ Completed in ([^.\n]*\d(?:\.\d+)?m?s)/.exec(plain);
  if (generating) {
    steps.push({ name: 'astro: Open Graph cards', seconds: cards });
    steps.push({ name: 'astro: pages and other routes', seconds: routes });
    steps.push({ name: 'astro: generating, other', seconds: Math.max(0, seconds(generating[1]!) - cards - routes) });
  }
  const post: BuildStep[] = [];
  for (const line of plain.split('\n')) {
    const m = /\[docker-basics:([\w-]+)\] .* \(in ([\d.]+) s\)$/.exec(line.trim());
    if (m) post.push({ name: `post-build: ${m[1]}`, seconds: Number(m[2]) });
  }
  const known = [...steps, ...post].reduce((n, st) => n + st.seconds, 0);
  if (steps.length) steps.push({ name: 'astro: start, content, types, rest', seconds: Math.max(0, totalSeconds - known) });
  return [...steps, ...post];
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

export function countPages(dir: string): number {
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

export interface BuildRun {
  label: string;
  /** The Astro project to build. */
  cwd: string;
  outDir: string;
  /** How many chapter pages the project holds (reported, not checked). */
  chapters: number;
  /** The folder of the project's own executables (`astro`), ahead of ours on PATH. */
  bin?: string;
  /** More environment for the build. */
  env?: Record<string, string>;
  /** Keep the build's cache folder from the last run (rendered cards, Astro's cache); default: start empty, as a fresh checkout does. */
  warm?: boolean;
}

/**
 * Run the project's own `build` script from its package.json (ours carries allocator and heap
 * settings: what `npm run build` does is what is measured) in `cwd`, writing to `outDir`, through
 * `sh -c` rather than npm, whose own process would be counted in the tree; time it and poll the
 * peak memory of the whole process tree.
 */
export async function measureBuild({ label, cwd, outDir, chapters, bin = ROOT_BIN, env = {}, warm = false }: BuildRun): Promise<BuildFigures> {
  rmSync(outDir, { recursive: true, force: true });
  // One cache folder a build label, under bench-results/ (never in a shared node_modules).
  const cacheDir = join(ROOT, 'bench-results/cache', label.replace(/[^\w]+/g, '-'));
  if (!warm) rmSync(cacheDir, { recursive: true, force: true });
  const manifest = join(cwd, 'package.json');
  const script = (JSON.parse(readFileSync(manifest, 'utf8')) as { scripts?: Record<string, string> }).scripts?.['build'];
  if (!script) throw new Error(`${label}: ${manifest} has no "build" script`);
  const started = performance.now();
  const child = spawn('sh', ['-c', script], {
    cwd,
    env: { ...process.env, PATH: `${bin}:${ROOT_BIN}:${process.env['PATH']}`, OUT_DIR: outDir, ASTRO_CACHE_DIR: cacheDir, BASE_PATH: '/', ...env },
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
  return { label, chapters, pages: countPages(outDir), seconds, peakRssMiB: peak / 1024, steps: buildSteps(log, seconds) };
}

// ---------------------------------------------------------------------------------------------
// Page loads

export type Kind = 'html' | 'css' | 'js' | 'font' | 'image' | 'other';
const KIND: Record<string, Kind> = { document: 'html', stylesheet: 'css', script: 'js', font: 'font', image: 'image' };

export interface Load {
  bytes: Record<Kind, number>;
  /** Brotli size of inline <script> and <style> text (already inside the HTML bytes). */
  inlineJs: number;
  inlineCss: number;
  jsExecuted: number;
  requests: number;
  lcp: number;
  /** The element of the last LCP entry, e.g. `h1#_top "Frequently used…"` (what to make faster). */
  lcpElement: string;
  cls: number;
  /** Raw and gzip bytes of the HTML up to the first element that starts below the first screen. */
  firstScreenBytes: number;
  firstScreenGzip: number;
}

const OBSERVERS = `
  window.__lcp = 0; window.__lcpElement = ''; window.__cls = 0;
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) {
      window.__lcp = e.startTime;
      const el = e.element;
      window.__lcpElement = el
        ? el.localName + (el.id ? '#' + el.id : '') + (el.classList.length ? '.' + [...el.classList].slice(0, 2).join('.') : '')
          + (e.url ? ' ' + e.url : ' "' + (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40) + '"')
        : '(removed)';
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
    .observe({ type: 'layout-shift', buffered: true });
`;

/**
 * Count compressed response bytes per resource type. Uses Playwright's request events rather than
 * CDP's, because they also see the requests of Pagefind's web worker.
 */
export function networkMeter(context: BrowserContext) {
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

export async function throttled(page: Page, throttle: boolean): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle) {
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  }
  return cdp;
}

/** The Chromium every page load runs in (Debian's, where installed). */
export function launchBrowser(): Promise<Browser> {
  const chromiumPath = '/usr/bin/chromium';
  return chromium.launch({
    ...(existsSync(chromiumPath) ? { executablePath: chromiumPath } : {}),
    args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic'],
  });
}

const br = (s: string) => (s ? brotliCompressSync(Buffer.from(s), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length : 0);

/** One cold load of `url` under slow 4G and a 4x slower CPU, in a fresh browser context. */
export async function loadOnce(browser: Browser, url: string): Promise<Load> {
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
    const w = window as unknown as { __lcp: number; __lcpElement: string; __cls: number };
    // Data (`type="application/json"`, e.g. the anchor-redirect map) is not run: not counted as JS.
    const inlineJs = [...document.querySelectorAll('script:not([src]):not([type="application/json"])')].map((s) => s.textContent ?? '').join('\n');
    const inlineCss = [...document.querySelectorAll('style')].map((s) => s.textContent ?? '').join('\n');
    return { lcp: w.__lcp, lcpElement: w.__lcpElement, cls: w.__cls, inlineJs, inlineCss };
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
    lcpElement: r.lcpElement,
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

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The most frequent string (the first of equals). */
const mode = (xs: string[]) => {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0])[0];
};

export function medianLoad(loads: Load[]): Load {
  const pick = (f: (l: Load) => number) => median(loads.map(f));
  const kinds: Kind[] = ['html', 'css', 'js', 'font', 'image', 'other'];
  return {
    bytes: Object.fromEntries(kinds.map((k) => [k, pick((l) => l.bytes[k])])) as Record<Kind, number>,
    inlineJs: pick((l) => l.inlineJs),
    inlineCss: pick((l) => l.inlineCss),
    jsExecuted: pick((l) => l.jsExecuted),
    requests: pick((l) => l.requests),
    lcp: pick((l) => l.lcp),
    lcpElement: mode(loads.map((l) => l.lcpElement)),
    cls: pick((l) => l.cls),
    firstScreenBytes: pick((l) => l.firstScreenBytes),
    firstScreenGzip: pick((l) => l.firstScreenGzip),
  };
}

// ---------------------------------------------------------------------------------------------
// Report

export const kb = (n: number) => (n / 1024).toFixed(1);

export function table(headers: string[], rows: Array<Array<string | number>>): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
