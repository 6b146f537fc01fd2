import { expect, test } from '@playwright/test';
import { chapterPaths } from '../support/site.ts';
import { ORIGIN } from '../support/origins.ts';

const chapters = chapterPaths();

test.describe('navigation', () => {
  test('the sidebar lists the chapters in order and marks the current one', async ({ page }) => {
    await page.goto(chapters[1]!);
    const nav = page.getByRole('navigation', { name: 'Course' });
    const links = nav.getByRole('list').first().getByRole('link');
    await expect(links).toHaveCount(chapters.length);
    await expect(nav.locator('a[aria-current="page"]')).toHaveAttribute('href', chapters[1]!);
    await links.nth(0).click();
    await expect(page).toHaveURL(chapters[0]!);
    await expect(nav.locator('a[aria-current="page"]')).toHaveAttribute('href', chapters[0]!);
  });

  test('previous/next links walk the chapters in reading order', async ({ page }) => {
    await page.goto(chapters[0]!);
    const pn = page.getByRole('navigation', { name: 'Previous and next chapter' });
    await expect(pn.getByRole('link', { name: /Previous/ })).toHaveCount(0);
    for (let i = 1; i < chapters.length; i++) {
      await pn.getByRole('link', { name: /Next/ }).click();
      await expect(page).toHaveURL(chapters[i]!);
    }
    await expect(pn.getByRole('link', { name: /Next/ })).toHaveCount(0);
    await pn.getByRole('link', { name: /Previous/ }).click();
    await expect(page).toHaveURL(chapters[chapters.length - 2]!);
  });

  test('"On this page" links land on their sections and mark the section in view', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(chapters[0]!);
    const toc = page.getByRole('navigation', { name: 'On this page' });
    const links = toc.getByRole('list').getByRole('link');
    const n = await links.count();
    expect(n).toBeGreaterThan(1);
    const last = links.nth(n - 1);
    const hash = (await last.getAttribute('href'))!;
    await last.click();
    await expect(page).toHaveURL(new RegExp(`${hash}$`));
    const heading = page.locator(`[id="${hash.slice(1)}"]`);
    await expect(heading).toBeInViewport();
    // The sticky header must not hide the heading.
    const box = (await heading.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(56);
    await expect(toc.locator('a[aria-current="true"]')).toHaveCount(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(toc.locator('a[aria-current="true"]')).toHaveAttribute('href', (await links.first().getAttribute('href'))!);
  });

  test('every h2/h3 in a chapter has a "link to this section" anchor', async ({ page }) => {
    for (const path of chapters.slice(0, 3)) {
      await page.goto(path);
      const headings = page.locator('article :is(h2, h3)[id]');
      const count = await headings.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        const h = headings.nth(i);
        const id = await h.getAttribute('id');
        // textContent: a heading in a section off screen is not rendered, and innerText is ''.
        const text = (await h.textContent())!.trim();
        const anchor = page.getByRole('link', { name: `Link to section: ${text}`, exact: true });
        await expect(anchor).toHaveAttribute('href', `#${id}`);
      }
    }
  });
});

test.describe('mobile', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('the menu opens and closes from the keyboard and the page does not scroll sideways', async ({ page }) => {
    await page.goto(chapters[0]!);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const nav = page.getByRole('navigation', { name: 'Course' });
    await expect(nav).toBeHidden();
    const menu = page.getByRole('button', { name: 'Menu', exact: true });
    await menu.focus();
    await page.keyboard.press('Enter');
    await expect(nav).toBeVisible();
    // The browser exposes the popover button as expanded; Tab moves into the open menu.
    await page.keyboard.press('Tab');
    await expect(nav.locator(':focus')).toHaveCount(1);
    await page.keyboard.press('Escape');
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();
    await menu.click();
    await nav.getByRole('link').nth(1).click();
    await expect(page).toHaveURL(chapters[1]!);
  });
});

test.describe('theme', () => {
  test('follows the OS preference by default', async ({ browser }) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(chapters[0]!);
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).toBe(colorScheme === 'dark' ? 'rgb(15, 20, 25)' : 'rgb(255, 255, 255)');
      await context.close();
    }
  });

  test('the choice persists across pages and reloads, with no flash of the other theme', async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(chapters[0]!);
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    // Record the body colour at the first paint-relevant moment of the next page.
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        (window as unknown as { firstBg: string }).firstBg = getComputedStyle(document.body).backgroundColor;
      });
    });
    await page.goto(chapters[1]!);
    expect(await page.evaluate(() => (window as unknown as { firstBg: string }).firstBg)).toBe('rgb(15, 20, 25)');
    await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('auto');
    await page.reload();
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    await context.close();
  });
});

test.describe('pages and metadata', () => {
  test('an unknown URL answers 404 with a helpful page', async ({ page }) => {
    const res = await page.goto('/no-such-chapter/');
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Go to the list of chapters' }).click();
    await expect(page).toHaveURL('/');
  });

  test('the seed page id redirects to the first chapter', async ({ page }) => {
    await page.goto('/preliminaries-docker-basics/');
    await expect(page).toHaveURL(chapters[0]!);
  });

  test('chapters have a description, canonical URL and Open Graph tags', async ({ page }) => {
    await page.goto(chapters[0]!);
    const title = await page.title();
    expect(title).toMatch(/\| Docker basics$/);
    const desc = await page.locator('meta[name="description"]').getAttribute('content');
    expect(desc?.length).toBeGreaterThan(20);
    expect(desc!.length).toBeLessThanOrEqual(160);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`${chapters[0]}$`));
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', title.replace(/ \| Docker basics$/, ''));
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute('content', desc!);
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  });

  test('sitemap.xml lists every chapter and not the 404 page', async ({ request }) => {
    const xml = await (await request.get('/sitemap.xml')).text();
    for (const c of chapters) expect(xml).toContain(`${c}</loc>`);
    expect(xml).not.toContain('404');
  });

  test('print hides the chrome, uses light colours and prints link URLs', async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    // The last chapter (further resources) links out; print must show where the links go.
    await page.goto(chapters[chapters.length - 1]!);
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Course' })).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'On this page' })).toBeHidden();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    const printed = await page.evaluate(() => {
      const a = document.querySelector<HTMLAnchorElement>('.prose a[href^="http"]');
      return a ? { href: a.getAttribute('href'), after: getComputedStyle(a, '::after').content } : undefined;
    });
    expect(printed, 'the last chapter should link to outside resources').toBeDefined();
    expect(printed!.after).toMatch(/attr\(href\)|https?:/);
    await context.close();
  });
});

test.describe('no request leaves the site', () => {
  test('a chapter page loads nothing from another origin and no search code until asked', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(chapters[0]!);
    await page.waitForLoadState('networkidle');
    expect(requests.filter((u) => !u.startsWith(`${ORIGIN}/`))).toEqual([]);
    expect(requests.filter((u) => /pagefind|search-(?:ui|dialog|worker|core)/.test(u))).toEqual([]);
  });
});

test.describe('reading on a phone (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('inline code never breaks inside a flag or a short path', async ({ page }) => {
    for (const path of chapters) {
      await page.goto(path);
      // Every inline code element that is one short token (as src/lib/markdown/inline-code.ts defines it)
      // must sit on one line: a single client rect. Reference entries off screen are rendered first.
      const broken = await page.evaluate(() => {
        for (const e of document.querySelectorAll<HTMLElement>('.cmd-entry, .prose-section')) e.style.contentVisibility = 'visible';
        return [...document.querySelectorAll('article code')]
          .filter((c) => !c.closest('pre'))
          .map((c) => ({ text: c.textContent ?? '', rects: c.getClientRects().length }))
          .filter((c) => c.rects > 1 && !/\s/.test(c.text) && (c.text.length <= 20 || !c.text.includes('/')));
      });
      expect(broken, `${path}: inline code broken across lines`).toEqual([]);
    }
  });

  test('a sticky "On this page" bar shows the section being read, opens to the list, and Top goes back up', async ({ page }) => {
    await page.goto(chapters[0]!);
    const bar = page.locator('.toc-bar');
    await expect(bar).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Sections of this page' })).toBeVisible();
    const headerH = (await page.locator('.site-header').boundingBox())!.height;
    const barH = (await bar.boundingBox())!.height;
    expect(barH, 'the bar is one compact line').toBeLessThanOrEqual(60);
    // Scroll past the third section: the bar sticks under the header and names that section.
    const third = page.locator('.toc-narrow .toc-list a').nth(2);
    const id = decodeURIComponent((await third.getAttribute('href'))!.slice(1));
    await page.evaluate((i) => {
      const h = document.getElementById(i)!;
      scrollTo(0, h.getBoundingClientRect().top + scrollY - 100);
    }, id);
    await expect(page.locator('.toc-current')).toHaveText((await page.locator(`[id="${id}"]`).textContent())!.trim());
    // A jump straight into the first section (it skips the line between two frames) names it too.
    const firstId = decodeURIComponent((await page.locator('.toc-narrow .toc-list a').first().getAttribute('href'))!.slice(1));
    await page.evaluate(() => scrollTo(0, 0));
    await expect(page.locator('.toc-current')).toHaveText('');
    await page.evaluate((i) => {
      const h = document.getElementById(i)!;
      scrollTo(0, h.getBoundingClientRect().top + scrollY - 100);
    }, firstId);
    await expect(page.locator('.toc-current')).toHaveText((await page.locator(`[id="${firstId}"]`).innerText()).trim());
    await page.evaluate((i) => {
      const h = document.getElementById(i)!;
      scrollTo(0, h.getBoundingClientRect().top + scrollY - 100);
    }, id);
    await expect(page.locator('.toc-current')).toHaveText((await page.locator(`[id="${id}"]`).textContent())!.trim());
    expect(Math.round((await bar.boundingBox())!.y)).toBe(Math.round(headerH));
    // Open, choose the last entry: it lands below the header and the bar, and the bar closes.
    await page.locator('.toc-narrow summary').click();
    const last = page.locator('.toc-narrow .toc-list a').last();
    await expect(last).toBeVisible();
    const lastId = decodeURIComponent((await last.getAttribute('href'))!.slice(1));
    await last.click();
    await expect(page.locator('.toc-narrow')).not.toHaveAttribute('open', '');
    const target = (await page.locator(`[id="${lastId}"]`).boundingBox())!;
    expect(target.y).toBeGreaterThanOrEqual(headerH + barH - 1);
    await page.getByRole('link', { name: 'Top of the page' }).click();
    await expect.poll(() => page.evaluate(() => scrollY)).toBeLessThan(200);
    await expect(page.locator('h1')).toBeInViewport();
  });

  test('"Related terms" under each flag stay in the page for search but take no room', async ({ page }) => {
    await page.goto(chapters.find((c) => c.includes('commands'))!);
    const terms = page.locator('.flag-keywords').first();
    await expect(terms).toContainText('Related terms');
    const box = (await terms.boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(1);
  });
});

test.describe('wide screens (1280 px)', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('there is no phone bar, and the sticky table of contents never covers the footer', async ({ page }) => {
    let checked = 0;
    for (const path of chapters) {
      await page.goto(path);
      await expect(page.locator('.toc-bar')).toBeHidden();
      if ((await page.locator('.toc-wide').count()) === 0) continue; // a chapter without sections yet
      await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
      const [toc, footer] = await Promise.all([page.locator('.toc-wide').boundingBox(), page.locator('.site-footer').boundingBox()]);
      if (!toc || !footer) continue;
      checked++;
      const overlap = toc.x < footer.x + footer.width && footer.x < toc.x + toc.width && toc.y < footer.y + footer.height && footer.y < toc.y + toc.height;
      expect(overlap, `${path}: toc ${JSON.stringify(toc)} intersects footer ${JSON.stringify(footer)}`).toBe(false);
    }
    expect(checked, 'chapters with a table of contents').toBeGreaterThan(3);
  });

  test('the sidebar lists the reference groups: open on the reference page, collapsed elsewhere', async ({ page }) => {
    const reference = chapters.find((c) => c.includes('commands'))!;
    await page.goto(chapters[0]!);
    const nav = page.getByRole('navigation', { name: 'Course' });
    const groups = nav.locator('.sidebar-groups');
    await expect(groups).not.toHaveAttribute('open', '');
    await page.goto(reference);
    await expect(groups).toHaveAttribute('open', '');
    const links = groups.getByRole('link');
    expect(await links.count()).toBeGreaterThan(1);
    const last = links.last();
    const hash = new URL((await last.getAttribute('href'))!, 'http://x').hash;
    await last.click();
    await expect(page).toHaveURL(new RegExp(`${hash}$`));
    await expect(page.locator(hash)).toBeInViewport();
  });
});

test.describe('reference entries off screen', () => {
  test('stand in at least as tall as they render, at 320 px and 1280 px (no overlap for tools that measure them)', async ({ browser }) => {
    for (const width of [320, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(chapters.find((c) => c.includes('commands'))!);
      const short = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.cmd-entry')].flatMap((e) => {
          const guess = parseFloat(e.style.containIntrinsicSize.replace('auto', ''));
          e.style.contentVisibility = 'visible';
          const real = e.getBoundingClientRect().height;
          return real > guess ? [`${e.getAttribute('aria-labelledby')}: ${Math.round(real)} px > ${guess} px`] : [];
        }),
      );
      expect(short, `at ${width} px`).toEqual([]);
      await page.close();
    }
  });
});

test.describe('chapter sections off screen', () => {
  // src/lib/markdown/prose-sections.ts: one section per h2 and h3, skipped while off screen, standing in at
  // a phone's estimate until first rendered.
  test('every h2 and h3 starts its own section, and the text before the first heading is in none', async ({ page }) => {
    for (const path of chapters) {
      await page.goto(path);
      const r = await page.evaluate(() => ({
        // Each section's headings: exactly one, its first.
        headings: [...document.querySelectorAll('.prose > .prose-section')].flatMap((s) => {
          const hs = [...s.querySelectorAll('.heading-wrapper:is(.level-h2, .level-h3) :is(h2, h3)')];
          return hs.length === 1 && s.textContent!.trimStart().startsWith(hs[0]!.textContent!.trim())
            ? [hs[0]!.id]
            : [`${hs.map((h) => h.id).join(' + ')} in one section`];
        }),
        all: [...document.querySelectorAll('.prose .heading-wrapper:is(.level-h2, .level-h3) :is(h2, h3)')]
          .filter((h) => !h.closest('[data-skips-offscreen]'))
          .map((h) => h.id),
        intro: document.querySelector('.prose > :first-child')?.matches('.prose-section') === false,
      }));
      expect(r.intro, `${path}: the first block (the chapter's opening, its Largest Contentful Paint) is outside every section`).toBe(true);
      expect(r.headings, `${path}: a section for each heading, in order`).toEqual(r.all);
      expect(r.headings.length, `${path}: has sections`).toBeGreaterThan(0);
    }
  });

  test('stand in at least as tall as they render at 320 and 390 px, and at most 5 times as tall at 1280 px', async ({ browser }) => {
    for (const width of [320, 390, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      const off: string[] = [];
      for (const path of chapters) {
        await page.goto(path);
        off.push(
          ...(await page.evaluate((w) => {
            const sections = [...document.querySelectorAll<HTMLElement>('.prose-section')];
            // Read every estimate first: once rendered, `auto` would report the real size.
            const guesses = sections.map((s) => parseFloat(s.style.containIntrinsicSize.replace('auto', '')));
            for (const s of sections) s.style.contentVisibility = 'visible';
            return sections.flatMap((s, i) => {
              const real = s.getBoundingClientRect().height;
              const guess = guesses[i]!;
              const bad = w < 1000 ? real > guess : guess > real * 5;
              return bad ? [`${location.pathname}#${s.querySelector('h2, h3')!.id}: renders ${Math.round(real)} px, stands in at ${guess} px`] : [];
            });
          }, width)),
        );
      }
      expect(off, `at ${width} px`).toEqual([]);
      await page.close();
    }
  });

  test('a link to the last section lands on its heading, and scrolling back up keeps the text in place', async ({ page }) => {
    const path = chapters.find((c) => c.includes('images-and-containers'))!;
    await page.goto(path);
    const last = await page.locator('.prose-section').last().locator('h2, h3').first().getAttribute('id');
    await page.goto(`${path}#${last}`);
    const heading = page.locator(`[id="${last}"]`);
    await expect(heading).toBeInViewport();
    // Sections above render as they come into view; scroll anchoring keeps the reader's place.
    const before = (await heading.boundingBox())!.y;
    await page.mouse.wheel(0, -600);
    await page.waitForTimeout(200);
    const after = (await heading.boundingBox())!.y;
    expect(Math.abs(after - before - 600), 'the heading moved by the scroll, not by sections above it changing size').toBeLessThanOrEqual(2);
  });
});

test.describe('links page groups off screen', () => {
  test('stand in at least as tall as they render (no overlap for tools that measure them, such as axe) and at most 40% taller, at 390 px and 1280 px', async ({
    browser,
  }) => {
    for (const width of [390, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.goto('/links/');
      const groups = page.locator('.links-group');
      expect(await groups.count(), 'a group per chapter at least').toBeGreaterThanOrEqual(chapters.length);
      const off = await groups.evaluateAll((all: HTMLElement[]) =>
        all.flatMap((g) => {
          const guess = parseFloat(getComputedStyle(g).containIntrinsicHeight.replace('auto', ''));
          g.style.contentVisibility = 'visible';
          const real = g.getBoundingClientRect().height;
          return real > guess || guess > real * 1.4
            ? [`${g.getAttribute('aria-labelledby')}: renders ${Math.round(real)} px, stands in at ${Math.round(guess)} px`]
            : [];
        }),
      );
      expect(off, `at ${width} px`).toEqual([]);
      await page.close();
    }
  });
});
