/**
 * Lighthouse (mobile preset: a Moto G Power-sized screen, simulated slow 4G and a 4x slower CPU)
 * over served pages, in the Chromium the tests use (CHROME_PATH, default /usr/bin/chromium),
 * launched by chrome-launcher. No network is needed: every page is on 127.0.0.1.
 *
 * Standalone:  node tests/bench/lighthouse.ts http://127.0.0.1:4485 /commands/ /what-is-docker/
 */
import { existsSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

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
}

export async function runLighthouse(origin: string, paths: readonly string[]): Promise<LighthouseFigures[]> {
  const chromePath = process.env['CHROME_PATH'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const chrome = await chromeLauncher.launch({
    ...(chromePath ? { chromePath } : {}),
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic'],
  });
  const out: LighthouseFigures[] = [];
  try {
    for (const path of paths) {
      const result = await lighthouse(origin + path, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
      const lhr = result.lhr;
      if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Record<Category, number>;
      const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
      const failed = CATEGORIES.flatMap((c) =>
        (lhr.categories[c]?.auditRefs ?? [])
          .filter((r) => r.weight > 0)
          .map((r) => lhr.audits[r.id]!)
          .filter((a) => a.score !== null && a.score < 1)
          .map((a) => {
            // Name the first few offending elements, so the message says what to fix.
            const items = (a.details as { items?: Array<{ node?: { selector?: string } }> } | undefined)?.items ?? [];
            const nodes = items.map((i) => i.node?.selector).filter(Boolean).slice(0, 3);
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
