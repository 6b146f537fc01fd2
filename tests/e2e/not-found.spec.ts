/**
 * The 404 page for a mistyped address: "Did you mean …?" links the closest page, the search box
 * holds the address's words and searches them, at / and under /docker-basics/; an address close to
 * nothing gets no suggestion.
 */
import { expect, test } from '@playwright/test';
import { BASE_ORIGIN, ORIGIN } from '../support/origins.ts';

for (const [name, origin, base] of [
  ['root', ORIGIN, '/'],
  ['sub-path', BASE_ORIGIN, '/docker-basics/'],
] as const) {
  test(`a mistyped address suggests the page it meant and searches its words (${name})`, async ({ page }) => {
    const res = await page.goto(`${origin}${base}secrity/`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    const hint = page.locator('[data-did-you-mean]');
    await expect(hint).toBeVisible();
    await expect(hint.getByRole('link')).toHaveText('Security essentials');
    await expect(hint.getByRole('link')).toHaveAttribute('href', `${base}security/`);
    const box = page.locator('#notfound-search');
    await expect(box).toHaveValue('secrity');
    // The words are searched, with the spelling corrected, and give results under the base.
    await expect(page.locator('#notfound-search-status')).toContainText('for “security”', { timeout: 15_000 });
    await expect(page.locator('.not-found a.search-hit').first()).toHaveAttribute('href', new RegExp(`^${base}`));
  });
}

test('an address close to no page gets no suggestion, only search and the way back', async ({ page }) => {
  await page.goto('/kubernetes-operators/');
  await expect(page.locator('[data-did-you-mean]')).toBeHidden();
  await expect(page.locator('#notfound-search')).toHaveValue('kubernetes operators');
  await expect(page.getByRole('link', { name: 'Go to the list of chapters' })).toBeVisible();
});
