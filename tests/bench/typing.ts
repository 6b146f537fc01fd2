/**
 * Typing in the search box on a phone-class CPU (issue 22.3): the main thread's work while a
 * student types a query at a set speed, with the CPU 4x slower (CDP `Emulation.setCPUThrottlingRate`).
 *
 * Part of `npm run bench`; also on its own against a served build:
 *   node tests/bench/typing.ts [origin+base] [--runs 3]     (default http://127.0.0.1:4321/)
 *
 * Per run, a fresh context opens a chapter, opens the dialog with "/", waits until the search code
 * and Pagefind are loaded (the cold query is measured by measureSearch in bench.ts), then types
 * QUERY at KEY_DELAY_MS a key and reports:
 * - total: from the first key to the results of the whole query on screen (the keys alone take
 *   (length - 1) x KEY_DELAY_MS; a blocked main thread delays the keys and so stretches it);
 * - the longest main-thread task (Long Tasks API) and the sum of tasks over 50 ms, while typing;
 * - INP: the longest keystroke interaction (Event Timing, `interactionId`), input to next paint.
 */
import { parseArgs } from 'node:util';
import type { Browser } from '@playwright/test';
import { CPU_SLOWDOWN, launchBrowser, median } from './measure.ts';

export const QUERY = 'docker run -itd';
export const KEY_DELAY_MS = 80;

export interface TypingFigures {
  query: string;
  keyDelayMs: number;
  cpuSlowdown: number;
  runs: number;
  /** Medians over the runs. */
  totalMs: number;
  longestTaskMs: number;
  blockingMs: number;
  inpMs: number;
  /** The worst run's longest task and INP. */
  maxLongestTaskMs: number;
  maxInpMs: number;
}

/** Observers installed before the page's own code: long tasks and keystroke interactions. */
const OBSERVERS = `
  window.__typing = { tasks: [], events: [] };
  new PerformanceObserver((l) => { for (const e of l.getEntries()) __typing.tasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.interactionId) __typing.events.push([e.startTime, e.duration]); })
    .observe({ type: 'event', durationThreshold: 16, buffered: true });
`;

async function typeOnce(browser: Browser, url: string): Promise<{ totalMs: number; longestTaskMs: number; blockingMs: number; inpMs: number }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
  await context.addInitScript(OBSERVERS);
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await page.goto(url, { waitUntil: 'load' });
    // The page's own late work (the offline code loads a few seconds after the page) is not typing.
    if (await page.locator('offline-status[data-enabled="true"]').count()) {
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/offline(?:-register)?\.[\w-]+\.js$/.test(e.name)), undefined, {
        timeout: 30_000,
      });
    }
    await page.keyboard.press('/');
    await page.waitForFunction(() => document.activeElement?.matches('#search-dialog input'));
    // The search code upgraded the box and Pagefind answers: what follows is typing alone.
    // (data-loaded: set by src/scripts/chunks/search-dialog.ts once Pagefind answers; the build before
    // it, without the attribute, loaded the WebAssembly on the page, where resource timing shows it.)
    await page.waitForFunction(
      () =>
        document.querySelector('#search-dialog site-search[data-loaded]') || performance.getEntriesByType('resource').some((e) => /\.pagefind$/.test(e.name)),
      undefined,
      { timeout: 30_000 },
    );
    await page.waitForTimeout(1000);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const t0 = await page.evaluate(() => performance.now());
    await page.keyboard.type(QUERY, { delay: KEY_DELAY_MS });
    await page.waitForFunction((q) => document.querySelector('#search-dialog ol.search-results')?.getAttribute('data-query') === q, QUERY, {
      timeout: 60_000,
      polling: 50,
    });
    const out = await page.evaluate((start) => {
      const t = (window as unknown as { __typing: { tasks: number[][]; events: number[][] } }).__typing;
      const tasks = t.tasks.filter(([s]) => s! >= start).map(([, d]) => d!);
      const events = t.events.filter(([s]) => s! >= start).map(([, d]) => d!);
      return {
        totalMs: performance.now() - start,
        longestTaskMs: Math.max(0, ...tasks),
        blockingMs: tasks.reduce((a, d) => a + Math.max(0, d - 50), 0),
        inpMs: Math.max(0, ...events),
      };
    }, t0);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    return out;
  } finally {
    await context.close();
  }
}

export async function measureTyping(browser: Browser, url: string, runs = 3): Promise<TypingFigures> {
  const all = [];
  for (let i = 0; i < runs; i++) all.push(await typeOnce(browser, url));
  return {
    query: QUERY,
    keyDelayMs: KEY_DELAY_MS,
    cpuSlowdown: CPU_SLOWDOWN,
    runs,
    totalMs: median(all.map((r) => r.totalMs)),
    longestTaskMs: median(all.map((r) => r.longestTaskMs)),
    blockingMs: median(all.map((r) => r.blockingMs)),
    inpMs: median(all.map((r) => r.inpMs)),
    maxLongestTaskMs: Math.max(...all.map((r) => r.longestTaskMs)),
    maxInpMs: Math.max(...all.map((r) => r.inpMs)),
  };
}

export const typingLine = (f: TypingFigures) =>
  `typing "${f.query}" at ${f.keyDelayMs} ms a key, ${f.cpuSlowdown}x CPU (median of ${f.runs}): ` +
  `total ${Math.round(f.totalMs)} ms (keys alone ${(f.query.length - 1) * f.keyDelayMs} ms), longest task ${Math.round(f.longestTaskMs)} ms ` +
  `(worst run ${Math.round(f.maxLongestTaskMs)}), blocking ${Math.round(f.blockingMs)} ms, INP ${Math.round(f.inpMs)} ms (worst run ${Math.round(f.maxInpMs)})`;

if (import.meta.main) {
  const { values, positionals } = parseArgs({ options: { runs: { type: 'string', default: '3' } }, allowPositionals: true });
  const base = positionals[0] ?? 'http://127.0.0.1:4321/';
  const browser = await launchBrowser();
  try {
    const f = await measureTyping(browser, new URL('what-is-docker/', base.endsWith('/') ? base : `${base}/`).href, Number(values.runs));
    console.log(typingLine(f));
  } finally {
    await browser.close();
  }
}
