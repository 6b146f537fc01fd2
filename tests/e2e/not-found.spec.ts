/**
 * The 404 page for a mistyped address: "Did you mean …?" links the closest page, the search form
 * holds the address's words and searches them on /search/ when the reader submits, at / and under
 * /docker-basics/; an address close to nothing gets no suggestion. Arriving on a 404 runs no
 * search: Pagefind and the search code load only when the reader asks.
 */
import { expect, test } from '@playwright/test';
import { BASE_ORIGIN, ORIGIN } from '../support/origins.ts';

for (const [name, origin, base] of [
  ['root', ORIGIN, '/'],
  ['sub-path', BASE_ORIGIN, '/docker-basics/'],
] as const) {
  test(`a mistyped address suggests the page it meant and searches its words on request (${name})`, async ({ page }) => {
    const res = await page.goto(`${origin}${base}secrity/`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    const hint = page.locator('[data-did-you-mean]');
    await expect(hint).toBeVisible();
    await expect(hint.getByRole('link')).toHaveText('Security essentials');
    await expect(hint.getByRole('link')).toHaveAttribute('href', `${base}security/`);
    const box = page.getByRole('search').getByRole('searchbox', { name: 'Search the course' });
    await expect(box).toHaveValue('secrity');
    // The words are searched on the search page, with the spelling corrected, under the base.
    await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(`${origin}${base}search/?q=secrity`);
    const results = page.getByRole('main');
    await expect(results.getByRole('status')).toContainText('for “security”', { timeout: 15_000 });
    await expect(results.locator('a.search-hit').first()).toHaveAttribute('href', new RegExp(`^${base}`));
  });
}

test('an address close to no page gets no suggestion, only the search form and the way back', async ({ page }) => {
  await page.goto('/kubernetes-operators/');
  await expect(page.locator('[data-did-you-mean]')).toBeHidden();
  await expect(page.locator('#notfound-search')).toHaveValue('kubernetes operators');
  await expect(page.getByRole('link', { name: 'Go to the list of chapters' })).toBeVisible();
});

test('arriving on a 404 searches nothing: no Pagefind, no search code (only the edit distance), no long task from it', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto('/what-is-dockr-compose-networking/');
  await expect(page.locator('#notfound-search')).toHaveValue('what is dockr compose networking');
  // Give a deferred search time to start, had there been one (it started at once before).
  await page.waitForLoadState('networkidle');
  expect(requests.filter((p) => p.includes('/pagefind/') || /search-dialog/.test(p) || p.startsWith('/search/'))).toEqual([]);
  // A generous bound for a shared, busy machine: Pagefind on arrival made tasks of 150 to 500 ms.
  const longest = Math.max(0, ...(await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks)));
  expect(longest).toBeLessThan(250);
});
