import { expect, test } from '@playwright/test';
import { chapterPaths } from '../support/site.ts';
import { BASE_ORIGIN } from '../support/origins.ts';

/** The same site built with BASE_PATH=/docker-basics/ (dist-base/), served on :4322. */
const origin = BASE_ORIGIN;
const base = '/docker-basics/';
const chapters = chapterPaths('dist-base');

test.describe('sub-path build (/docker-basics/)', () => {
  test('every internal link and asset of the home page stays under the base path and loads', async ({ page }) => {
    const failed: string[] = [];
    const outside: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.origin !== origin || !u.pathname.startsWith(base)) outside.push(r.url());
    });
    await page.goto(origin + base);
    await page.waitForLoadState('networkidle');
    expect(failed).toEqual([]);
    expect(outside).toEqual([]);
    const hrefs = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(3);
    for (const h of hrefs) expect(h.startsWith(base), h).toBe(true);
    expect(chapters.every((c) => c.startsWith(base))).toBe(true);
  });

  test('chapter navigation and the page script work', async ({ page }) => {
    await page.goto(origin + chapters[0]!);
    await page.getByRole('navigation', { name: 'Previous and next chapter' }).getByRole('link', { name: /Next/ }).click();
    await expect(page).toHaveURL(origin + chapters[1]!);
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });

  test('search from the keyboard finds a chapter section under the base path', async ({ page }) => {
    await page.goto(origin + chapters[0]!);
    await page.keyboard.press('/');
    const box = page.getByRole('searchbox', { name: 'Search the course' });
    await expect(box).toBeFocused();
    await box.fill('hypervisor');
    const first = page.locator('#search-dialog .search-results a').first();
    await expect(first).toBeVisible();
    expect(await first.getAttribute('href')).toMatch(new RegExp(`^${base}[a-z-]+/(#[\\w-]+)?`));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`^${origin}${base}`));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('/search/?q= and the 404 page work under the base path', async ({ page }) => {
    await page.goto(`${origin}${base}search/?q=container`);
    await expect(page.locator('main .search-results a').first()).toHaveAttribute('href', new RegExp(`^${base}`));
    const res = await page.goto(`${origin}${base}no-such-page/`);
    expect(res?.status()).toBe(404);
    await page.getByRole('link', { name: 'Go to the list of chapters' }).click();
    await expect(page).toHaveURL(origin + base);
  });
});
