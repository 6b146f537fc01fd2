/**
 * Lighthouse (mobile preset: a Moto G Power-sized screen, simulated slow 4G and a 4x slower CPU)
 * over served pages, in the Chromium the tests use (CHROME_PATH, default /usr/bin/chromium),
 * launched by chrome-launcher. No network is needed: every page is on 127.0.0.1.
 *
 * Each page is run RUNS times and the run Lighthouse's own computeMedianRun picks (closest to
 * the median FCP and time to interactive) is reported: one run's Total Blocking Time swings by
 * hundreds of ms on a busy machine, and Lighthouse's variability guide recommends the median of
 * several runs (https://github.com/GoogleChrome/lighthouse/blob/main/docs/variability.md).
 *
 * Standalone:  node tests/bench/lighthouse.ts http://127.0.0.1:4485 /commands/ /what-is-docker/
 */
import { existsSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { computeMedianRun, filterToValidRuns } from 'lighthouse/core/lib/median-run.js';

/** One run's report, as `lighthouse()` returns it. */
type Report = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

/** Runs per page; the median run is reported. */
export const RUNS = 3;

/** A category's score in a report, 0 to 100. */
const score = (lhr: Report, c: Category): number => Math.round((lhr.categories[c]?.score ?? 0) * 100);

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LighthouseFigures {
  path: string;
  /** Scores 0 to 100, by category. */
  scores: Record<Category, number>;
  /** Simulated metrics, ms (CLS unitless). */
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  /** Ids of the audits that did not pass, with their titles (what to fix). */
  failed: string[];
  /** Performance scores of every run, in order (the reported one is the median run's). */
  performanceRuns: number[];
}

export async function runLighthouse(origin: string, paths: readonly string[], runsPerPage = RUNS): Promise<LighthouseFigures[]> {
  const chromePath = process.env['CHROME_PATH'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const chrome = await chromeLauncher.launch({
    ...(chromePath ? { chromePath } : {}),
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const out: LighthouseFigures[] = [];
  try {
    for (const path of paths) {
      const runs: Report[] = [];
      for (let i = 0; i < runsPerPage; i++) {
        const result = await lighthouse(origin + path, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...CATEGORIES],
        });
        if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
        if (result.lhr.runtimeError) throw new Error(`Lighthouse failed on ${path}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
        runs.push(result.lhr);
      }
      const valid = filterToValidRuns(runs);
      const lhr = computeMedianRun(valid.length ? valid : runs) as Report;
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, score(lhr, c)])) as Record<Category, number>;
      const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
      const failed = CATEGORIES.flatMap((c) =>
        (lhr.categories[c]?.auditRefs ?? [])
          .filter((r) => r.weight > 0)
          .map((r) => lhr.audits[r.id]!)
          .filter((a) => a.score !== null && a.score < 1)
          .map((a) => {
            // Name the first few offending elements, so the message says what to fix.
            const items = (a.details as { items?: Array<{ node?: { selector?: string } }> } | undefined)?.items ?? [];
            const nodes = items
              .map((i) => i.node?.selector)
              .filter(Boolean)
              .slice(0, 3);
            return `${c}: ${a.id} (${a.displayValue ?? a.score})${nodes.length ? `: ${nodes.join(', ')}` : ''}`;
          }),
      );
      out.push({
        path,
        scores,
        fcp: num('first-contentful-paint'),
        lcp: num('largest-contentful-paint'),
        tbt: num('total-blocking-time'),
        cls: num('cumulative-layout-shift'),
        failed,
        performanceRuns: runs.map((r) => score(r, 'performance')),
      });
    }
  } finally {
    chrome.kill();
  }
  return out;
}

if (import.meta.main) {
  const [origin, ...paths] = process.argv.slice(2);
  if (!origin || !paths.length) throw new Error('usage: node tests/bench/lighthouse.ts ORIGIN PATH...');
  for (const f of await runLighthouse(origin, paths)) console.log(JSON.stringify(f));
}
