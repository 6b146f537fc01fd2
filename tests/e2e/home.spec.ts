/**
 * The home page: it says what a student needs and learns, and lists every chapter of the sidebar
 * with the same label, in the same order, linking to the same page (at both bases).
 */
import { expect, test } from '@playwright/test';
import { BASE_ORIGIN, ORIGIN } from '../support/origins.ts';

for (const { name, url } of [
  { name: 'root', url: `${ORIGIN}/` },
  { name: '/docker-basics/', url: `${BASE_ORIGIN}/docker-basics/` },
]) {
  test(`the home page names every chapter as the sidebar does (${name})`, async ({ page }) => {
    await page.goto(url);
    const sidebar = await page
      .getByRole('navigation', { name: 'Course' })
      .locator('ol > li > a')
      // The label without the self-check mark the sidebar adds (state, not part of the name).
      .evaluateAll((as) =>
        as.map((a) => {
          const label = a.cloneNode(true) as HTMLElement;
          label.querySelectorAll('.check-done').forEach((m) => m.remove());
          return [label.textContent!.trim(), a.getAttribute('href')];
        }),
      );
    const home = await page.locator('.home-chapters > li > a').evaluateAll((as) => as.map((a) => [a.textContent!.trim(), a.getAttribute('href')]));
    expect(sidebar.length).toBeGreaterThanOrEqual(10);
    expect(home).toEqual(sidebar);
  });

  test(`the home page says what a student needs and learns (${name})`, async ({ page }) => {
    await page.goto(url);
    const needs = page.getByRole('region', { name: 'What you need' });
    await expect(needs.getByRole('listitem')).not.toHaveCount(0);
    await expect(needs).toContainText('terminal');
    await expect(needs).toContainText('WSL 2');
    await expect(needs.getByRole('link', { name: 'Set up Docker' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'What you learn' }).getByRole('listitem')).not.toHaveCount(0);
  });
}
