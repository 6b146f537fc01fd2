/**
 * Accessibility sweep: axe-core over every URL in the sitemap (and the 404 page and the open
 * search dialog), in the light and the dark theme, at a phone width (390 px, where the header
 * controls drop their text labels) and a desktop one, with the WCAG 2.0–2.2 A/AA rules: 0 violations.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { sitemapUrlPaths } from '../support/sitemap.ts';
import { ORIGIN } from '../support/origins.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const THEMES = ['light', 'dark'] as const;
/** A phone (below every narrow-screen breakpoint of the header and the layout) and a desktop. */
const WIDTHS = [
  { name: 'phone', viewport: { width: 390, height: 844 } },
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
] as const;
type Width = (typeof WIDTHS)[number];
/** Every sitemap URL, and an unknown one (answered with the 404 page). */
const paths = [...sitemapUrlPaths('dist'), '/no-such-page/'];

/** A page in a fresh context whose OS preference and stored choice are both `theme`. */
async function themedPage(browser: Browser, theme: (typeof THEMES)[number], width: Width): Promise<Page> {
  const context = await browser.newContext({ colorScheme: theme, viewport: width.viewport });
  await context.addInitScript((t) => localStorage.setItem('theme', t), theme);
  return context.newPage();
}

async function expectNoViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`).join('\n')}`)
    .join('\n');
  expect(violations, `axe violations on ${what}:\n${summary}`).toEqual([]);
}

for (const width of WIDTHS)
  for (const theme of THEMES) {
    test.describe(`axe, ${theme} theme, ${width.name} (${width.viewport.width} px)`, () => {
      for (const path of paths) {
        test(path, async ({ browser }) => {
          // The command reference (70+ entries) and the links page (some 500 rows) are the largest
          // pages: axe needs 20-60 s there on a busy machine.
          test.slow(path === '/commands/' || path === '/links/');
          const page = await themedPage(browser, theme, width);
          const res = await page.goto(ORIGIN + path);
          expect(res?.status()).toBe(path === '/no-such-page/' ? 404 : 200);
          await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
          await expectNoViolations(page, `${path} (${theme}, ${width.viewport.width} px)`);
          await page.context().close();
        });
      }

      test('search dialog with results', async ({ browser }) => {
        const page = await themedPage(browser, theme, width);
        await page.goto(`${ORIGIN}${paths.find((p) => p !== '/' && !p.includes('search') && !p.includes('explain')) ?? '/'}`);
        await page.keyboard.press('/');
        const input = page.getByRole('searchbox', { name: 'Search the course' }).first();
        await expect(input).toBeFocused();
        await input.fill('docker run');
        await expect(page.locator('#search-dialog .search-results li').first()).toBeVisible();
        await expectNoViolations(page, `the search dialog (${theme}, ${width.viewport.width} px)`);
        await page.context().close();
      });
    });
  }
