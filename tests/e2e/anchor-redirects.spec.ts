/**
 * Old links land on the moved section, in the browser: for every entry of `anchorRedirects`
 * (src/lib/links/redirects.ts), opening the old `page#anchor` ends at the new page and anchor with that
 * section scrolled into view, at both bases. A fragment the page still has, or one the map does
 * not know, stays where it is.
 */
import { expect, test } from '@playwright/test';
import { anchorRedirects } from '../../src/lib/links/redirects.ts';
import { BASE_ORIGIN, ORIGIN } from '../support/origins.ts';

const entries = Object.entries(anchorRedirects);
const bases = [
  { name: 'root', origin: ORIGIN, base: '/' },
  { name: '/docker-basics/', origin: BASE_ORIGIN, base: '/docker-basics/' },
];

test('there are moved anchors to check', () => {
  expect(entries.length).toBeGreaterThan(0);
});

for (const { name, origin, base } of bases) {
  test.describe(`moved anchors (${name})`, () => {
    for (const [from, to] of entries) {
      test(`${from} lands on ${to}`, async ({ page }) => {
        const id = to.split('#')[1]!;
        await page.goto(origin + base + from.slice(1));
        await expect(page).toHaveURL(origin + base + to.slice(1));
        const target = page.locator(`[id="${id}"]`);
        await expect(target).toHaveCount(1);
        await expect(target).toBeInViewport();
      });
    }

    test('a link from another page to an old anchor follows it too', async ({ page }) => {
      const [from, to] = entries[0]!;
      await page.goto(origin + base);
      // A syllabus link: a plain <a> to the old address, clicked like a student would.
      await page.evaluate(
        (href) => {
          const a = document.createElement('a');
          a.href = href;
          a.textContent = 'old link';
          document.body.prepend(a);
        },
        base + from.slice(1),
      );
      await page.getByRole('link', { name: 'old link' }).click();
      await expect(page).toHaveURL(origin + base + to.slice(1));
      await expect(page.locator(`[id="${to.split('#')[1]}"]`)).toBeInViewport();
    });

    test('an anchor that still exists, or one the map does not know, is left alone', async ({ page }) => {
      const [from] = entries[0]!;
      const pagePath = from.split('#')[0]!;
      await page.goto(`${origin}${base}${pagePath.slice(1)}#self-check`);
      await expect(page).toHaveURL(`${origin}${base}${pagePath.slice(1)}#self-check`);
      await expect(page.locator('#self-check')).toBeInViewport();
      await page.goto(`${origin}${base}${pagePath.slice(1)}#no-such-section`);
      await page.waitForLoadState('load');
      await expect(page).toHaveURL(`${origin}${base}${pagePath.slice(1)}#no-such-section`);
    });

    test('#__proto__, #constructor and #toString are not looked up on Object.prototype', async ({ page }) => {
      const [from] = entries[0]!;
      const pagePath = from.split('#')[0]!;
      for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
        await page.goto(`${origin}${base}${pagePath.slice(1)}#${name}`);
        await page.waitForLoadState('load');
        await expect(page).toHaveURL(`${origin}${base}${pagePath.slice(1)}#${name}`);
        await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Page not found');
      }
    });

    test('a malformed fragment throws nothing, and an old link followed afterwards still redirects', async ({ page }) => {
      const [from, to] = entries[0]!;
      const pagePath = from.split('#')[0]!;
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${origin}${base}${pagePath.slice(1)}#%`);
      await page.waitForLoadState('load');
      expect(errors).toEqual([]);
      await page.evaluate((hash) => (location.hash = hash), `#${from.split('#')[1]}`);
      await expect(page).toHaveURL(origin + base + to.slice(1));
    });
  });
}
