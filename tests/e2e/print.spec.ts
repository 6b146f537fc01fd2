/**
 * Handouts, printed as an instructor does (Chromium's PDF, A4): the command card is one two-sided
 * sheet, the full reference stays within its page budget with no search keywords or screen-only
 * instructions on paper and each command's address printed.
 */
import { expect, test, type Page } from '@playwright/test';

/** Pages of the PDF Chromium prints for the current page. */
async function printedPages(page: Page): Promise<number> {
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

/** The full reference prints to this many A4 pages at most (README, "Printing"). */
// 53 since 2026-12-06: the corrected `-m` text (swap, the OOM killer) and the caution on `prune -a --volumes` (issue 20) added a page.
const REFERENCE_PAGES = 53;

test('the command card prints as one two-sided A4 sheet and reads on screen', async ({ page }) => {
  await page.goto('/card/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Command card');
  await expect(page.locator('.card-cmd h3').filter({ hasText: 'docker run' }).first()).toBeVisible();
  await expect(page.locator('.card-print-head')).toBeHidden();
  // On a wide screen the groups are read row by row (the first two side by side), not down one long column.
  await page.setViewportSize({ width: 1280, height: 800 });
  const [g1, g2] = [(await page.locator('.card-group').nth(0).boundingBox())!, (await page.locator('.card-group').nth(1).boundingBox())!];
  expect(Math.abs(g1.y - g2.y)).toBeLessThan(2);
  expect(g2.x).toBeGreaterThan(g1.x + g1.width);
  await expect(page.getByRole('button', { name: 'Print the card' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print the card' })).toBeHidden();
  await expect(page.locator('.card-print-head')).toBeVisible();
  await expect(page.locator('.card-intro')).toBeHidden();
  expect(await printedPages(page)).toBe(2);
});

test(`the reference prints to at most ${REFERENCE_PAGES} pages, without keywords or screen-only text, with section addresses`, async ({ page }) => {
  test.slow();
  await page.goto('/commands/');
  await expect(page.locator('.cmd-url').first()).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.cmd-keywords').first()).toBeHidden();
  await expect(page.locator('.flag-keywords').first()).toBeHidden();
  await expect(page.locator('.screen-only').first()).toBeHidden();
  const url = page.locator('#docker-run ~ .cmd-url, .cmd-entry:has(#docker-run) .cmd-url').first();
  await expect(url).toBeVisible();
  await expect(url).toHaveText(/^localhost:\d+\/commands\/#docker-run$/);
  const pages = await printedPages(page);
  console.log(`reference: ${pages} A4 pages`);
  expect(pages).toBeLessThanOrEqual(REFERENCE_PAGES);
  expect(pages).toBeGreaterThan(10);
});
