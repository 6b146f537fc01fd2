/**
 * Keyboard only: the skip link, the menu, search, a copy button and the theme menu all work
 * with Tab, Enter, arrows and Escape, and focus goes where a keyboard user expects.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { sitemapUrlPaths } from '../support/sitemap.ts';
import { ORIGIN } from '../support/origins.ts';

/** A chapter page with at least one copyable code block. */
function chapterPath(): string {
  const chapters = sitemapUrlPaths('dist').filter((p) => p !== '/' && !/^\/(search|explain)\/$/.test(p));
  return chapters[0] ?? '/';
}

/** Press Tab until `target` has focus (at most `max` times). */
async function tabTo(page: Page, target: Locator, max = 150) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

test('skip link is the first stop and moves focus to the main content', async ({ page }) => {
  await page.goto(ORIGIN + chapterPath());
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main-content')).toBeFocused();
  // The next Tab continues inside the main content, not back in the header.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('#main-content'))).toBe(true);
});

test('menu opens and closes with the keyboard on a narrow screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(ORIGIN + chapterPath());
  const menu = page.getByRole('button', { name: 'Menu' });
  await tabTo(page, menu);
  await page.keyboard.press('Enter');
  const sidebar = page.locator('#sidebar');
  await expect(sidebar).toBeVisible();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('#sidebar'))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(sidebar).toBeHidden();
  await expect(menu).toBeFocused();
});

test('search: "/" opens it, type, arrow to a result, Enter opens it; Escape closes', async ({ page }) => {
  await page.goto(ORIGIN + chapterPath());
  const start = page.url();
  await page.keyboard.press('/');
  const dialog = page.locator('#search-dialog');
  await expect(dialog).toBeVisible();
  const input = dialog.getByRole('searchbox');
  await expect(input).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.keyboard.press('Control+K');
  await expect(input).toBeFocused();
  await page.keyboard.type('docker');
  const first = dialog.locator('.search-results a').first();
  await expect(first).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(first).toBeFocused();
  const href = new URL((await first.getAttribute('href'))!, start);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await page.waitForURL((u) => u.pathname === href.pathname);
  if (href.hash.length > 1) await expect(page.locator(`[id="${decodeURIComponent(href.hash.slice(1))}"]`)).toBeInViewport();
});

test('copy button works from the keyboard and announces the result', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(ORIGIN + chapterPath());
  const copy = page.locator('copy-button button').first();
  test.skip((await copy.count()) === 0, 'no copyable code block on the first chapter');
  await tabTo(page, copy);
  await expect(copy).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('copy-button [aria-live]').first()).toHaveText('Copied');
  const expected = await page.locator('copy-button').first().getAttribute('data-copy');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
});

test('theme menu changes the theme with arrow keys and remembers it', async ({ page }) => {
  await page.goto(ORIGIN + chapterPath());
  const select = page.getByRole('combobox', { name: 'Theme' });
  await tabTo(page, select);
  await expect(select).toHaveValue('auto');
  await page.keyboard.press('ArrowDown');
  await expect(select).toHaveValue('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
});
