/**
 * The explainer's hold-out probes (tests/explain/holdout.yaml): lines nobody tuned the explainer
 * against. At least 90% must pass; the misses are printed, so the score is reported as it is.
 */
import { expect, test } from 'vitest';
import { loadProbes, misses } from '../explain/score.ts';
import { loadExplainData } from '../support/reference-data.ts';

test('the hold-out probes: at least 90% explained as a student needs', () => {
  const data = loadExplainData();
  const probes = loadProbes('tests/explain/holdout.yaml');
  expect(probes.length).toBeGreaterThanOrEqual(15);
  const failed = probes.map((p) => ({ line: p.line, why: misses(p, data) })).filter((x) => x.why.length);
  const score = (probes.length - failed.length) / probes.length;
  console.log(
    `hold-out: ${probes.length - failed.length}/${probes.length} (${(score * 100).toFixed(1)}%)${failed.map((f) => `\n  MISS ${f.line}: ${f.why.join('; ')}`).join('')}`,
  );
  expect(score).toBeGreaterThanOrEqual(0.9);
});
