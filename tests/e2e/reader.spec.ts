import { expect, test, type Page } from '@playwright/test';

/**
 * Reading as a student does (issue 22): on a phone, open "On this page" and close it again without
 * choosing, then keep reading; on a desktop, follow a deep link to a short section; scroll a page
 * opened from search with its highlight bar; copy a heading's link under the sticky header.
 */
const FIVE = ['what-is-docker', 'how-docker-works', 'compose', 'set-up-docker', 'troubleshooting'].map((s) => `/${s}/`);

/** The section being read: the last heading whose section starts above the line at 30% of the screen. */
const sectionBeingRead = (page: Page) =>
  page.evaluate(() => {
    const links = [...document.querySelectorAll<HTMLAnchorElement>('.toc-narrow .toc-list a')];
    let id = '';
    for (const a of links) {
      const h = document.getElementById(decodeURIComponent(a.hash.slice(1)));
      const box = (h?.closest('section') ?? h)?.getBoundingClientRect();
      if (box && box.top <= innerHeight * 0.3) id = h!.id;
    }
    return id;
  });

/** Scroll to a place mid-way through the page, as a reader would have, and let it settle. */
async function readOn(page: Page, fraction: number) {
  await page.evaluate(async (f) => {
    scrollTo(0, Math.round((document.documentElement.scrollHeight - innerHeight) * f));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    // Sections that came into view have been laid out: read where the text now is.
    scrollBy(0, 1);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  }, fraction);
}

/** The first element of the text whose top is in the middle of the screen: the line being read. */
const lineBeingRead = (page: Page) =>
  page.evaluate(() => {
    const p = [...document.querySelectorAll('article .prose *')].find((e) => {
      const r = e.getBoundingClientRect();
      return r.top > innerHeight * 0.3 && r.top < innerHeight * 0.95;
    });
    if (p) p.setAttribute('data-reading', '');
    return { y: scrollY, top: p?.getBoundingClientRect().top ?? null };
  });

/**
 * The bar as a finger meets it: a tap where it is on screen (a locator's tap would first scroll the
 * sticky bar "into view", which a reader never does).
 */
async function tapTarget(page: Page) {
  const box = (await page.locator('.toc-narrow summary').boundingBox())!;
  return { tap: () => page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2) };
}

test.describe('"On this page" on a phone (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  for (const path of FIVE) {
    test(`${path}: open and close the bar without choosing, then keep reading: the page never moves`, async ({ page }) => {
      await page.goto(path);
      await readOn(page, 0.45);
      const before = await lineBeingRead(page);
      expect(before.top, 'a paragraph mid-screen').not.toBeNull();
      const reading = await sectionBeingRead(page);
      const summary = await tapTarget(page);
      await expect(page.locator('.toc-current')).toHaveText((await page.locator(`[id="${reading}"]`).textContent())!.trim());

      // Open: the list lies over the page; the text under it does not move, and the section being read is marked.
      await summary.tap();
      await expect(page.locator('.toc-narrow .toc-list')).toBeVisible();
      await expect(page.locator('.toc-narrow .toc-list a[aria-current="true"]')).toHaveAttribute('href', `#${reading}`);
      expect(await page.evaluate(() => scrollY)).toBe(before.y);
      expect(await page.locator('[data-reading]').evaluate((e) => e.getBoundingClientRect().top)).toBeCloseTo(before.top!, 0);
      // Close with the same tap: still in the same place, the same section named.
      await summary.tap();
      await expect(page.locator('.toc-narrow')).not.toHaveAttribute('open', '');
      expect(await page.evaluate(() => scrollY)).toBe(before.y);
      await expect(page.locator('.toc-current')).toHaveText((await page.locator(`[id="${reading}"]`).textContent())!.trim());
      // Keep reading: scrolling on from here goes on from the same line.
      await page.mouse.wheel(0, 300);
      await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(before.y);
      expect(await page.evaluate(() => scrollY)).toBeLessThan(before.y + 600);
    });
  }

  test('Esc and a tap outside close the list; neither moves the page nor follows what was tapped', async ({ page }) => {
    await page.goto('/compose/');
    await readOn(page, 0.5);
    const y = await page.evaluate(() => scrollY);
    const summary = await tapTarget(page);
    const details = page.locator('.toc-narrow');
    await summary.tap();
    await expect(details).toHaveAttribute('open', '');
    await page.keyboard.press('Escape');
    await expect(details).not.toHaveAttribute('open', '');
    await expect(page.locator('.toc-narrow summary')).toBeFocused();
    expect(await page.evaluate(() => scrollY)).toBe(y);
    await summary.tap();
    await expect(details).toHaveAttribute('open', '');
    // A tap low on the screen, outside the list.
    await page.touchscreen.tap(200, 820);
    await expect(details).not.toHaveAttribute('open', '');
    expect(await page.evaluate(() => scrollY)).toBe(y);
    await expect(page).toHaveURL(/\/compose\/$/);
  });

  test('the open list takes at most 60% of the screen and keeps the bar on top', async ({ page }) => {
    await page.goto('/commands/');
    await readOn(page, 0.3);
    await (await tapTarget(page)).tap();
    const list = (await page.locator('.toc-narrow .toc-list').boundingBox())!;
    expect(list.height).toBeLessThanOrEqual(844 * 0.6);
    // The current entry is shown in the list, not scrolled out of it.
    await expect(page.locator('.toc-narrow .toc-list a[aria-current="true"]')).toBeInViewport();
  });
});

test.describe('"On this page" on a desktop (1280 px)', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('a deep link to any section marks that section, short or last ones included', async ({ page }) => {
    for (const path of ['/compose/', '/volumes-and-networks/']) {
      await page.goto(path);
      const hrefs = await page.locator('.toc-wide .toc-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      const wrong: string[] = [];
      for (const href of hrefs) {
        await page.goto(`${path}${href}`);
        const current = page.locator('.toc-wide a[aria-current="true"]');
        await expect(current).toHaveCount(1);
        await page.waitForTimeout(150);
        const got = await current.getAttribute('href');
        if (got !== href) wrong.push(`${path}${href} marked ${got}`);
      }
      expect(wrong).toEqual([]);
    }
  });

  test('scrolling on from a deep link marks the section being read again', async ({ page }) => {
    await page.goto('/compose/#sources');
    await expect(page.locator('.toc-wide a[aria-current="true"]')).toHaveAttribute('href', '#sources');
    await page.evaluate(() => scrollTo(0, 0));
    await expect(page.locator('.toc-wide a[aria-current="true"]')).toHaveAttribute(
      'href',
      (await page.locator('.toc-wide .toc-list a').first().getAttribute('href'))!,
    );
  });
});

for (const width of [390, 1280]) {
  test.describe(`fixed UI while scrolling at ${width} px`, () => {
    test.use({ viewport: { width, height: width < 800 ? 844 : 800 } });

    test('the highlight bar of a page opened from search stays at the bottom of the screen while reading on', async ({ page }) => {
      await page.goto('/compose/?hl=compose#environment');
      const bar = page.getByRole('region', { name: 'Search highlights' });
      await expect(bar).toBeVisible();
      const vh = page.viewportSize()!.height;
      for (let i = 0; i < 6; i++) {
        const box = (await bar.boundingBox())!;
        expect(box.y, `after ${i} scrolls`).toBeGreaterThan(vh - 120);
        expect(box.y + box.height).toBeLessThanOrEqual(vh);
        await page.mouse.wheel(0, i < 3 ? 700 : -900);
        await page.waitForTimeout(100);
      }
      await bar.getByRole('button', { name: 'Clear highlights' }).click();
      await expect(bar).toHaveCount(0);
    });

    test("the sticky header, the phones' bar and the skip link never cover the section a link lands on", async ({ page }) => {
      await page.goto('/compose/#devices');
      const header = (await page.locator('.site-header').boundingBox())!;
      const bar = page.locator('.toc-bar');
      const bottom = (await bar.isVisible()) ? (await bar.boundingBox())!.y + (await bar.boundingBox())!.height : header.y + header.height;
      await expect.poll(async () => (await page.locator('#devices').boundingBox())!.y).toBeGreaterThanOrEqual(bottom - 1);
      for (let i = 0; i < 4; i++) {
        await page.mouse.wheel(0, 500);
        await page.waitForTimeout(80);
        expect(Math.round((await page.locator('.site-header').boundingBox())!.y)).toBe(0);
        if (await bar.isVisible()) expect(Math.round((await bar.boundingBox())!.y)).toBe(Math.round(header.height));
      }
    });

    test('"Link copied" beside a heading that is just under the sticky header is fully on screen, below the header', async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.goto('/compose/#devices');
      const anchor = page.locator('#devices + a.anchor-link');
      await anchor.click();
      await expect(anchor).toHaveAttribute('data-copied', 'Link copied');
      const note = await anchor.evaluate((a) => {
        const r = a.getBoundingClientRect();
        const s = getComputedStyle(a, '::after');
        const [w, h] = [parseFloat(s.width), parseFloat(s.height)];
        // translate may be in % of the note's own size.
        const len = (v: string | undefined, size: number) => (!v ? 0 : v.endsWith('%') ? (parseFloat(v) / 100) * size : parseFloat(v) || 0);
        const [tx, ty] = s.translate === 'none' ? [] : s.translate.split(' ');
        const top = r.top + parseFloat(s.top) + len(ty, h);
        const left = r.left + parseFloat(s.left) + len(tx, w);
        return { top, bottom: top + h, left, right: left + w };
      });
      const header = (await page.locator('.site-header').boundingBox())!;
      const bar = page.locator('.toc-bar');
      const covered = (await bar.isVisible()) ? (await bar.boundingBox())!.y + (await bar.boundingBox())!.height : header.height;
      expect(note.top).toBeGreaterThanOrEqual(covered);
      expect(note.left).toBeGreaterThanOrEqual(0);
      expect(note.right).toBeLessThanOrEqual(width);
    });
  });
}

test.describe('wide things on a phone (390 px) show that they scroll', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const theme of ['light', 'dark'] as const) {
    test(`a wide table and a long code line: a shadow at the edge with more to see, none at the end (${theme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto('/set-up-docker/');
      const boxes = {
        table: page.locator('.table-wrap').first(),
        code: page.locator('pre.astro-code').filter({ hasNotText: '\u0000' }),
      };
      // The first code block whose lines are wider than the box.
      const codeIndex = await boxes.code.evaluateAll((pres) => pres.findIndex((p) => p.scrollWidth > p.clientWidth + 20));
      expect(codeIndex, 'a code block with a long line on this page').toBeGreaterThanOrEqual(0);
      for (const [name, box] of [
        ['table', boxes.table],
        ['code', boxes.code.nth(codeIndex)],
      ] as const) {
        await box.scrollIntoViewIfNeeded();
        expect(await box.evaluate((e) => e.scrollWidth > e.clientWidth), `${name} is wider than the screen`).toBe(true);
        // The right edge as shown, and as it would be without the indicator.
        const edge = async () => {
          const b = (await box.boundingBox())!;
          return page.screenshot({ clip: { x: b.x + b.width - 10, y: b.y + 4, width: 8, height: Math.min(b.height - 8, 200) } });
        };
        const plain = async () => {
          await box.evaluate((e) => e.style.setProperty('background', getComputedStyle(e).backgroundColor, 'important'));
          const shot = await edge();
          await box.evaluate((e) => e.style.removeProperty('background'));
          return shot;
        };
        expect((await edge()).equals(await plain()), `${name}: the right edge shows that there is more`).toBe(false);
        await box.evaluate((e) => (e.scrollLeft = e.scrollWidth));
        expect((await edge()).equals(await plain()), `${name}: scrolled to the end, no shadow at the right edge`).toBe(true);
      }
    });
  }
});
