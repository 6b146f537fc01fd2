/**
 * Prints the closing line of `npm test`: the totals of the Vitest and Playwright runs, read from
 * their JSON reports (test-results/unit.json, test-results/e2e.json).
 */
import { readFileSync } from 'node:fs';

interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

function vitest(file: string): Totals {
  const r = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
}

function playwright(file: string): Totals {
  const r = JSON.parse(readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped };
}

const parts = [vitest('test-results/unit.json'), playwright('test-results/e2e.json')];
const t = parts.reduce((a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped }));
console.log(`\ntests: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
process.exit(t.failed ? 1 : 0);
