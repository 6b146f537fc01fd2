/**
 * Search speed, measured the way a student meets it (not a timed test: run it by hand and put the
 * figures in the README). Needs a built site served on localhost (npm start, or the e2e servers).
 *
 *   ./node_modules/.bin/node tests/search/speed.ts [origin+base, default http://localhost:4321/]
 *
 * Cold: a fresh browser profile opens a chapter, presses "/" and the first query goes in at once;
 * measured from the key press to the results being on screen (next animation frame), with the
 * bytes transferred for it (compressed, as sent by the server). Warm: every keystroke of several
 * queries once the index is loaded, from the input event to the results on screen.
 */
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

const site = process.argv[2] ?? 'http://localhost:4321/';
const COLD_QUERY = process.env['SPEED_QUERY'] ?? 'docker run';
const WARM_QUERIES = ['--privileged', 'remove all stopped containers', 'permission denied docker.sock', 'port is already allocated', 'deamon', '-p 8080:80'];
const RUNS = Number(process.env['SPEED_RUNS'] ?? 5);

const browser = await chromium.launch(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {});

/** In the page: type `q` into the dialog's box and resolve with ms until its results are painted. */
const typeAndWait = ([q, pressSlash]: readonly [string, boolean]) =>
  new Promise<number>((resolve, reject) => {
    const t0 = performance.now();
    (window as unknown as { t0: number }).t0 = t0;
    if (pressSlash) document.dispatchEvent(new KeyboardEvent('keydown', { key: '/', bubbles: true }));
    const tick = () => {
      const box = document.querySelector('#search-dialog site-search');
      const input = box?.querySelector('input');
      if (!input) return void setTimeout(tick, 1);
      if (performance.now() - t0 > 10_000) return reject(new Error(`no results for ${q} after 10 s`));
      if (input.value !== q) {
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
      const list = box!.querySelector('ol');
      if (list?.dataset['query'] === q.trim()) requestAnimationFrame(() => resolve(performance.now() - t0));
      else setTimeout(tick, 1);
    };
    tick();
  });

const cold: Array<{ ms: number; bytes: number; requests: number }> = [];
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${site}what-is-docker/`, { waitUntil: 'load' });
  let bytes = 0;
  let requests = 0;
  // Counted from here: the page itself is loaded; what follows is what the first search costs.
  page.on('requestfinished', async (r) => {
    const sizes = await r.sizes().catch(() => undefined);
    if (!sizes) return;
    bytes += sizes.responseBodySize + sizes.responseHeadersSize;
    requests++;
  });
  const ms = await page.evaluate(typeAndWait, [COLD_QUERY, true] as const);
  if (process.env['SPEED_DEBUG'])
    console.error(
      await page.evaluate(
        () =>
          't0 ' +
          (window as unknown as { t0: number }).t0.toFixed(0) +
          '\n' +
          (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
            .map((e) => `${e.name.replace(location.origin, '')} ${e.startTime.toFixed(0)}-${e.responseEnd.toFixed(0)} ${e.encodedBodySize}`)
            .join('\n'),
      ),
    );
  await page.waitForTimeout(300); // let the last loadingFinished events arrive
  cold.push({ ms, bytes, requests });
  await context.close();
}

const context = await browser.newContext();
const page = await context.newPage();
await page.goto(`${site}what-is-docker/`);
await page.evaluate(typeAndWait, ['docker', true] as const);
const warm: number[] = [];
for (const q of WARM_QUERIES) {
  for (let n = 1; n <= q.length; n++) {
    if (process.env['SPEED_DEBUG']) console.error(q.slice(0, n));
    warm.push(await page.evaluate(typeAndWait, [q.slice(0, n), false] as const));
  }
}
await browser.close();

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const pct = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const coldMs = cold.map((c) => c.ms);
console.log(`search speed at ${site}`);
console.log(
  `cold first query "${COLD_QUERY}" (${RUNS} fresh profiles): median ${pct(coldMs, 50).toFixed(0)} ms, max ${Math.max(...coldMs).toFixed(0)} ms; transferred ${(Math.max(...cold.map((c) => c.bytes)) / 1024).toFixed(1)} KB in ${cold[0]!.requests} requests`,
);
console.log(
  `warm keystrokes (${warm.length}): median ${pct(warm, 50).toFixed(1)} ms, p95 ${pct(warm, 95).toFixed(1)} ms, max ${Math.max(...warm).toFixed(1)} ms`,
);
