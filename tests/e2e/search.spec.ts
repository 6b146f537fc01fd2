import { expect, test, type Page } from '@playwright/test';
import { BASE_ORIGIN, ORIGIN } from '../support/origins.ts';

/**
 * The search box as a student uses it: keyboard shortcuts, results with page, section and
 * highlighted excerpt, arrows and Enter, the highlighted target section, the empty state with a
 * spelling suggestion and a link to the command reference, /search/?q=, at / and under a sub-path.
 */
for (const [name, origin, base] of [
  ['root', ORIGIN, '/'],
  ['base', BASE_ORIGIN, '/docker-basics/'],
] as const) {
  test.describe(`search (${name})`, () => {
    const url = (path: string) => `${origin}${base}${path}`;
    const dialog = (page: Page) => page.locator('#search-dialog');
    const results = (page: Page) => dialog(page).locator('a.search-hit');

    async function search(page: Page, q: string) {
      await page.keyboard.press('/');
      await expect(dialog(page)).toBeVisible();
      await dialog(page).getByRole('searchbox').fill(q);
      await dialog(page).locator(`ol[data-query="${q}"]`).waitFor({ state: 'attached' });
    }

    test('"/" and Ctrl+K open the dialog with the box focused; Esc closes it', async ({ page }) => {
      await page.goto(url('what-is-docker/'));
      await page.keyboard.press('/');
      await expect(dialog(page)).toBeVisible();
      await expect(dialog(page).getByRole('searchbox')).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(dialog(page)).toBeHidden();
      await page.keyboard.press('Control+k');
      await expect(dialog(page).getByRole('searchbox')).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(dialog(page)).toBeHidden();
    });

    test('shortcuts do nothing while typing in a field', async ({ page }) => {
      await page.goto(url('search/'));
      const box = page.locator('site-search.search-page').getByRole('searchbox');
      await box.focus();
      await page.keyboard.type('a/b');
      await page.keyboard.press('Control+k');
      await expect(dialog(page)).toBeHidden();
      await expect(box).toHaveValue('a/b');
    });

    test('results show page, section and highlighted excerpt; arrows move; Enter opens the first at its section', async ({ page }) => {
      await page.goto(url('what-is-docker/'));
      await search(page, '--privileged');
      const first = results(page).first();
      await expect(first.locator('.hit-page')).not.toBeEmpty();
      await expect(first.locator('.hit-title')).not.toBeEmpty();
      await expect(first.locator('.hit-excerpt mark').first()).toContainText(/privileged/i);
      const href = (await first.getAttribute('href'))!;
      expect(href.startsWith(base)).toBe(true);
      const input = dialog(page).getByRole('searchbox');
      await page.keyboard.press('ArrowDown');
      await expect(first).toBeFocused();
      if ((await results(page).count()) > 1) {
        await page.keyboard.press('ArrowDown');
        await expect(results(page).nth(1)).toBeFocused();
        await page.keyboard.press('ArrowUp');
      }
      await page.keyboard.press('ArrowUp');
      await expect(input).toBeFocused();
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => `${u.pathname}${u.search}${u.hash}` === href);
      const id = decodeURIComponent(new URL(href, origin).hash.slice(1));
      const heading = page.locator(`[id="${id}"]`);
      await expect(heading).toBeInViewport();
      await expect(page.locator('[data-pagefind-body] mark.search-hl').first()).toBeVisible();
      await expect(page.locator('[data-pagefind-body] mark.search-hl').first()).toContainText(/privileged/i);
    });

    test('a typo gets "Showing results for" the right word', async ({ page }) => {
      await page.goto(url('what-is-docker/'));
      await search(page, 'privilaged');
      await expect(dialog(page).locator('.search-corrected')).toContainText('Showing results for privileged');
      await expect(results(page).first()).toBeVisible();
      await dialog(page).getByRole('link', { name: 'privilaged' }).click();
      await expect(dialog(page).getByRole('status')).toContainText('No results for “privilaged”');
      await expect(dialog(page).locator('.search-corrected')).toHaveCount(0);
    });

    test('an empty result offers a link to the command reference', async ({ page }) => {
      await page.goto(url('what-is-docker/'));
      await search(page, 'qqxzv');
      await expect(dialog(page).getByRole('status')).toContainText('No results');
      const link = dialog(page).getByRole('link', { name: 'the command reference' });
      await expect(link).toHaveAttribute('href', `${base}commands/`);
    });

    test('/search/?q= searches at once and keeps the query in the address', async ({ page }) => {
      await page.goto(url('search/?q=docker.sock'));
      const box = page.locator('site-search.search-page');
      await expect(box.getByRole('searchbox')).toHaveValue('docker.sock');
      await expect(box.locator('a.search-hit').first()).toBeVisible();
      await box.getByRole('searchbox').fill('--rm');
      await expect(page).toHaveURL(/[?&]q=--rm/);
    });
  });
}
