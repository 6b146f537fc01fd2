/**
 * Self-check progress read from localStorage (src/scripts/chunks/self-check-progress.ts), which
 * on GitHub Pages every project site of a user shares: read once per page however many questions
 * it has, a value too long to be this site's (2.6 MB) is not parsed at all, and a malformed one
 * counts as no progress; the boxes work either way. JSON.parse is counted, not timed.
 */
import { expect, test, type Page } from '@playwright/test';

const KEY = 'self-check-progress';
const chapter = 'what-is-docker';

/** Count JSON.parse calls on strings that contain `marker` (the stored value), from page start. */
async function countParses(page: Page, marker: string) {
  await page.addInitScript((m) => {
    const parse = JSON.parse;
    const w = window as unknown as { parses: number };
    w.parses = 0;
    JSON.parse = function (text: string, reviver?: (k: string, v: unknown) => unknown) {
      if (typeof text === 'string' && text.includes(m)) w.parses++;
      return parse.call(JSON, text, reviver);
    } as typeof JSON.parse;
  }, marker);
}
const parses = (page: Page) => page.evaluate(() => (window as unknown as { parses: number }).parses);

test('stored progress is parsed once per page, not once per question', async ({ page }) => {
  await page.goto(`/${chapter}/`);
  const boxes = page.getByRole('checkbox', { name: /^I answered this/ });
  expect(await boxes.count()).toBeGreaterThanOrEqual(3);
  await page.evaluate(([k]) => localStorage.setItem(k!, JSON.stringify({ 'other-marker-chapter': ['a'] })), [KEY]);
  await countParses(page, 'other-marker-chapter');
  await page.reload();
  await expect(page.locator('self-check-progress')).toBeVisible();
  await boxes.first().check();
  await boxes.nth(1).check();
  await expect(boxes.nth(1)).toBeChecked();
  expect(await parses(page)).toBe(1);
  const stored = JSON.parse((await page.evaluate(([k]) => localStorage.getItem(k!), [KEY])) ?? '{}') as Record<string, string[]>;
  expect(stored['other-marker-chapter']).toEqual(['a']);
  expect(stored[chapter]).toHaveLength(2);
});

test('a 2.6 MB value is not parsed, and ticking a box still works', async ({ page }) => {
  await page.goto(`/${chapter}/`);
  await page.evaluate(
    ([k]) => {
      const big: Record<string, string[]> = {};
      for (let i = 0; i < 40_000; i++) big[`huge-marker-${i}`] = ['q1', 'q2'];
      localStorage.setItem(k!, JSON.stringify(big));
    },
    [KEY],
  );
  expect(await page.evaluate(([k]) => localStorage.getItem(k!)!.length, [KEY])).toBeGreaterThan(1_000_000);
  await countParses(page, 'huge-marker-');
  await page.reload();
  const box = page.getByRole('checkbox', { name: /^I answered this/ }).first();
  await box.check();
  await expect(page.locator('self-check-progress')).toBeVisible();
  expect(await parses(page)).toBe(0);
  expect(await page.evaluate(([k]) => localStorage.getItem(k!)!.length, [KEY])).toBeLessThan(1000);
});

for (const bad of ['{not json', '[1,2,3]', '"text"', `{"${chapter}": "not a list", "x": [1, 2]}`]) {
  test(`a malformed value (${bad}) counts as no progress, and the boxes work`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`/${chapter}/`);
    await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [KEY, bad]);
    await page.reload();
    const box = page.getByRole('checkbox', { name: /^I answered this/ }).first();
    await expect(box).not.toBeChecked();
    await box.check();
    await page.reload();
    await expect(box).toBeChecked();
    expect(errors).toEqual([]);
  });
}
