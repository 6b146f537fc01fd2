/**
 * Links an instructor can take: the `#` beside a heading copies the section's full address (base
 * path included) and says so, from the mouse and the keyboard, and is still a plain link without
 * JavaScript; "Link to this course" lists every published page and section that exists, each with a
 * copy control for its full address. At / and under /docker-basics/.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { readAnchorList, splitEntry } from '../../src/lib/links/published-anchors.ts';
import { BASE_ORIGIN, ORIGIN } from '../support/origins.ts';

const builds = [
  { name: 'root', origin: ORIGIN, base: '/', dir: 'dist' },
  { name: 'sub-path', origin: BASE_ORIGIN, base: '/docker-basics/', dir: 'dist-base' },
] as const;

for (const b of builds) {
  test.describe(`course links (${b.name})`, () => {
    test.beforeEach(async ({ context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: b.origin });
    });
    const clipboard = (page: import('@playwright/test').Page) => page.evaluate(() => navigator.clipboard.readText());

    test('the # beside a heading copies the full section address and says "Link copied"', async ({ page }) => {
      await page.goto(`${b.origin}${b.base}security/`);
      const heading = page.locator('article h2[id]').first();
      const id = await heading.getAttribute('id');
      const anchor = page.locator(`.heading-wrapper:has(> #${id}) a.anchor-link`);
      await anchor.click();
      const expected = `${b.origin}${b.base}security/#${id}`;
      await expect.poll(() => clipboard(page)).toBe(expected);
      await expect(anchor).toHaveAttribute('data-copied', 'Link copied');
      await expect(page.locator('[data-link-status]')).toHaveText(`Link copied: ${expected}`);
      await expect(page).toHaveURL(expected);

      // From the keyboard: Tab to another section's # and press Enter.
      const second = page.locator('article h2[id]').nth(1);
      const id2 = await second.getAttribute('id');
      await page.evaluate(() => navigator.clipboard.writeText(''));
      await page.locator(`.heading-wrapper:has(> #${id2}) a.anchor-link`).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => clipboard(page)).toBe(`${b.origin}${b.base}security/#${id2}`);
    });

    test('"Link to this course" lists every published section that exists, each copyable', async ({ page }) => {
      await page.goto(`${b.origin}${b.base}links/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Link to this course');
      await expect(page.getByRole('heading', { name: 'What keeps working' })).toBeVisible();
      // Expected: every published entry whose page and id exist in this build (`#_top`, the h1, is
      // the page itself).
      const expected = readAnchorList().filter((e) => {
        const [path, anchor] = splitEntry(e);
        if (anchor === '_top') return false;
        const file = `${b.dir}${path}index.html`;
        try {
          const html = readFileSync(file, 'utf8');
          return !anchor || html.includes(` id="${anchor}"`);
        } catch {
          return false;
        }
      });
      // The addresses of the site as it is served (here the test server's port), not the build's SITE_URL.
      const want = expected.map((e) => new URL(`${b.base}${e.slice(1)}`, b.origin).href).sort();
      await expect.poll(async () => (await page.locator('.links-url').allTextContents()).sort()).toEqual(want);
      const item = page
        .locator('.links-list li')
        .filter({ has: page.locator(`a[href="${b.base}security/"]`) })
        .first();
      await item.getByRole('button', { name: /^Copy the address of/ }).click();
      await expect.poll(() => clipboard(page)).toBe(`${b.origin}${b.base}security/`);
    });

    test('"Link to this course": a jump list by page, and a filter narrows 500 rows to the ones wanted', async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${b.origin}${b.base}links/`);
      const jump = page.getByRole('navigation', { name: 'Jump to a page' });
      await jump.getByRole('link', { name: /^Compose/ }).click();
      await expect(page).toHaveURL(/#links--compose-$/);
      await expect(page.locator('[id="links--compose-"]')).toBeInViewport();
      const filter = page.getByRole('searchbox', { name: 'Filter the addresses' });
      await filter.fill('publish');
      await expect(page.getByRole('status').filter({ hasText: /addresses match/ })).toHaveText(/^\d+ of \d+ addresses match\.$/);
      const rows = page.locator('.links-list li:not([hidden])');
      const n = await rows.count();
      expect(n).toBeGreaterThan(0);
      expect(n).toBeLessThan(20);
      for (const t of await rows.allTextContents()) expect(t.toLowerCase()).toContain('publish');
      // Pages without a match are gone, not left as empty headings.
      await expect(page.locator('.links-group:not([hidden])').filter({ hasNot: page.locator('li:not([hidden])') })).toHaveCount(0);
      await filter.fill('');
      await expect.poll(() => page.locator('.links-list li:not([hidden])').count()).toBeGreaterThan(400);
    });
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the # is a plain link to the section', async ({ page }) => {
    await page.goto('/security/');
    const id = await page.locator('article h2[id]').first().getAttribute('id');
    await page.locator(`.heading-wrapper:has(> #${id}) a.anchor-link`).click();
    await expect(page).toHaveURL(new RegExp(`/security/#${id}$`));
    await expect(page.locator('.links-copy')).toHaveCount(0);
  });
});

test.describe('"Link copied" on a phone (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the note is drawn on screen, inside its section, under the longest heading (where the # ends the line)', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
    await page.goto('/security/');
    const id = await page.evaluate(
      () => [...document.querySelectorAll('.prose-section :is(h2, h3)')].sort((a, b) => b.textContent!.length - a.textContent!.length)[0]!.id,
    );
    const anchor = page.locator(`a.anchor-link[href="#${id}"]`);
    await anchor.click();
    await expect(anchor).toHaveAttribute('data-copied', 'Link copied');
    // The note is the anchor's ::after, placed in the anchor's box: its used offsets, translation and size.
    const box = await anchor.evaluate((a) => {
      const cs = getComputedStyle(a, '::after');
      const r = a.getBoundingClientRect();
      const s = a.closest('.prose-section')!.getBoundingClientRect();
      // translate may be in % of the note's own size.
      const len = (v: string | undefined, size: number) => (!v ? 0 : v.endsWith('%') ? (parseFloat(v) / 100) * size : parseFloat(v) || 0);
      const [sx, sy] = cs.translate === 'none' ? [] : cs.translate.split(' ');
      const [tx, ty] = [len(sx, parseFloat(cs.width)), len(sy, parseFloat(cs.height))];
      const left = r.left + parseFloat(cs.left) + tx;
      const top = r.top + parseFloat(cs.top) + ty;
      const note = { left, right: left + parseFloat(cs.width), top };
      return { note, section: { left: s.left, right: s.right, top: s.top }, width: innerWidth };
    });
    expect(box.note.left, 'on screen').toBeGreaterThanOrEqual(0);
    expect(box.note.right, 'on screen').toBeLessThanOrEqual(box.width);
    expect(box.note.left, 'inside the section (its paint containment would cut it)').toBeGreaterThanOrEqual(box.section.left);
    expect(box.note.right).toBeLessThanOrEqual(box.section.right);
    expect(box.note.top).toBeGreaterThanOrEqual(box.section.top);
  });
});

test.describe('addresses that plainly mean a page', () => {
  for (const b of builds) {
    test(`a reference entry written as a page, and a page in the wrong case, open what they mean (${b.name})`, async ({ page }) => {
      await page.goto(`${b.origin}${b.base}commands/docker-run/`);
      await expect(page).toHaveURL(`${b.origin}${b.base}commands/#docker-run`);
      await expect(page.locator('[id="docker-run"]')).toBeInViewport();
      await page.goto(`${b.origin}${b.base}Compose/`);
      await expect(page).toHaveURL(`${b.origin}${b.base}compose/`);
      await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Page not found');
      // A mistyped address still gets the 404 page and its suggestion.
      await page.goto(`${b.origin}${b.base}composer/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    });
  }
});

test('a printed chapter shows its own address, and where its external links go', async ({ page }) => {
  await page.goto('/compose/');
  const own = page.locator('.chapter-url');
  await expect(own).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(own).toBeVisible();
  await expect(own).toHaveText(/^Online: localhost:\d+\/compose\/$/);
  const after = await page
    .locator('.prose a[href^="https://"]')
    .first()
    .evaluate((a) => getComputedStyle(a, '::after').content);
  expect(after).toContain('https://');
});
