/**
 * The Tabs component on "Set up Docker" (two groups synced by `syncKey="os"`): WAI-ARIA tabs
 * from the keyboard, groups switch together, the choice survives a reload, every panel is
 * readable without JavaScript and in print, a link to a panel opens it, and axe finds nothing
 * in either theme with any tab selected.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ORIGIN } from '../support/origins.ts';

const PAGE = `${ORIGIN}/set-up-docker/`;
const OS = ['Ubuntu', 'Windows', 'macOS'];
const install = (page: Page) => page.getByRole('tablist', { name: 'Operating system' }).first();
const verify = (page: Page) => page.getByRole('tablist', { name: 'Operating system' }).nth(1);
/** The visible panel text of a group, by its id. */
const panel = (page: Page, id: string) => page.locator(`#${id}`);

test('arrow keys, Home and End move the selection with a roving tabindex', async ({ page }) => {
  await page.goto(PAGE);
  const tabs = install(page).getByRole('tab');
  await expect(tabs).toHaveText(OS);
  await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
  await tabs.nth(0).focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.nth(1)).toBeFocused();
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(tabs.nth(0)).toHaveAttribute('tabindex', '-1');
  await expect(tabs.nth(1)).toHaveAttribute('tabindex', '0');
  await expect(page.getByRole('tabpanel', { name: 'Windows' }).first()).toBeVisible();
  await expect(panel(page, 'install-os-ubuntu')).toBeHidden();
  await page.keyboard.press('End');
  await expect(tabs.nth(2)).toBeFocused();
  await page.keyboard.press('ArrowRight'); // wraps
  await expect(tabs.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowLeft'); // wraps back
  await expect(tabs.nth(2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
  // Tab leaves the tab list for the panel (one stop for the whole list).
  await page.keyboard.press('Tab');
  await expect(panel(page, 'install-os-ubuntu')).toBeFocused();
});

test('groups with the same sync key switch together, and the choice is remembered after a reload', async ({ page }) => {
  await page.goto(PAGE);
  await install(page).getByRole('tab', { name: 'macOS' }).click();
  await expect(verify(page).getByRole('tab', { name: 'macOS' })).toHaveAttribute('aria-selected', 'true');
  await expect(panel(page, 'verify-os-macos')).toBeVisible();
  await expect(panel(page, 'verify-os-ubuntu')).toBeHidden();
  await page.reload();
  for (const group of [install(page), verify(page)]) await expect(group.getByRole('tab', { name: 'macOS' })).toHaveAttribute('aria-selected', 'true');
  await expect(panel(page, 'install-os-macos')).toBeVisible();
  await expect(panel(page, 'install-os-windows')).toBeHidden();
});

test('switching a group keeps it in place on screen when a group above changes height', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(PAGE);
  const tab = verify(page).getByRole('tab', { name: 'Windows' });
  await tab.scrollIntoViewIfNeeded();
  const before = (await tab.boundingBox())!.y;
  await tab.click();
  expect(Math.abs((await tab.boundingBox())!.y - before)).toBeLessThan(2);
});

test('a link to a panel opens that tab', async ({ page }) => {
  await page.goto(`${PAGE}#install-os-windows`);
  await expect(install(page).getByRole('tab', { name: 'Windows' })).toHaveAttribute('aria-selected', 'true');
  await expect(panel(page, 'install-os-windows')).toBeInViewport();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('every panel is shown under its heading, and no dead tab list', async ({ page }) => {
    await page.goto(PAGE);
    await expect(page.getByRole('tablist')).toHaveCount(0);
    for (const group of ['install-os', 'verify-os']) {
      for (const os of ['ubuntu', 'windows', 'macos']) await expect(panel(page, `${group}-${os}`)).toBeVisible();
    }
    for (const name of OS) await expect(page.getByRole('heading', { level: 3, name, exact: true }).first()).toBeVisible();
    await expect(page.getByText('docker-ce=5:28.*').first()).toBeVisible();
    await expect(page.getByText('WSL integration').first()).toBeVisible();
  });
});

test('print shows every panel with its heading and hides the tab list', async ({ page }) => {
  await page.goto(PAGE);
  await install(page).getByRole('tab', { name: 'Windows' }).click();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('tablist')).toHaveCount(0);
  for (const os of ['ubuntu', 'windows', 'macos']) {
    await expect(panel(page, `install-os-${os}`)).toBeVisible();
    await expect(panel(page, `install-os-${os}`).locator('.tab-heading')).toBeVisible();
  }
  await page.emulateMedia({ media: 'screen' });
  await expect(panel(page, 'install-os-ubuntu')).toBeHidden();
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no violations with each tab selected (${theme})`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: theme });
    await context.addInitScript((t) => localStorage.setItem('theme', t), theme);
    const page = await context.newPage();
    await page.goto(PAGE);
    for (const name of OS) {
      await install(page).getByRole('tab', { name }).click();
      const { violations } = await new AxeBuilder({ page }).include('tab-group').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(
        violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        `${name} (${theme})`,
      ).toEqual([]);
    }
    await context.close();
  });
}
