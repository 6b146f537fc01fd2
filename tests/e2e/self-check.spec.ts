/**
 * Self-check progress as a student uses it: "I answered this" under each question, remembered on
 * this device only (no request is made), the sidebar marks a chapter whose questions are all
 * answered, and Reset clears it. Without JavaScript the questions work as plain <details>.
 */
import { expect, test } from '@playwright/test';

const chapter = 'what-is-docker';

test('answers are kept on the device, the sidebar marks the chapter done, Reset clears it', async ({ page }) => {
  await page.goto(`/${chapter}/`);
  const boxes = page.getByRole('checkbox', { name: /^I answered this/ });
  const count = await boxes.count();
  expect(count).toBeGreaterThanOrEqual(2);
  const sidebarLink = page.locator('#sidebar').getByRole('link', { name: /What is Docker/ });
  await expect(sidebarLink.locator('.check-done')).toBeHidden();
  await expect(page.locator('self-check-progress')).toBeHidden();

  // Ticking a box may fetch the progress code (a GET of a built /_astro/ file); nothing else may
  // go out: the answers never leave the device.
  const requests: string[] = [];
  page.on('request', (r) => {
    if (!(r.method() === 'GET' && new URL(r.url()).pathname.startsWith('/_astro/'))) requests.push(`${r.method()} ${r.url()}`);
  });
  for (let i = 0; i < count - 1; i++) await boxes.nth(i).check();
  await expect(sidebarLink.locator('.check-done')).toBeHidden();
  await boxes.nth(count - 1).check();
  await expect(sidebarLink.locator('.check-done')).toBeVisible();
  expect(requests).toEqual([]);

  await page.reload();
  for (let i = 0; i < count; i++) await expect(boxes.nth(i)).toBeChecked();
  await expect(sidebarLink.locator('.check-done')).toBeVisible();
  await expect(sidebarLink).toHaveAccessibleName(/What is Docker\?.*\(self-check done\)/);
  const progress = page.locator('self-check-progress');
  await expect(progress).toContainText(/Self-checks done: 1 of \d+ chapters/);

  // Another chapter's sidebar shows the same progress.
  await page.goto('/security/');
  await expect(
    page
      .locator('#sidebar')
      .getByRole('link', { name: /What is Docker/ })
      .locator('.check-done'),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Reset self-check progress' }).click();
  await expect(page.locator('#sidebar .check-done:visible')).toHaveCount(0);
  await expect(progress).toBeHidden();
  await page.goto(`/${chapter}/`);
  for (let i = 0; i < count; i++) await expect(boxes.nth(i)).not.toBeChecked();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the questions work as before and no progress controls show', async ({ page }) => {
    await page.goto(`/${chapter}/`);
    await expect(page.getByRole('checkbox')).toHaveCount(0);
    const answer = page.locator('.self-check-answer').first();
    await answer.locator('summary').click();
    await expect(answer.locator('.self-check-body')).toBeVisible();
  });
});
