import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { MAX_QUERY_WORDS } from '../../src/lib/search/ranking.ts';
import { ORIGIN } from '../support/origins.ts';

/**
 * The search box and the page a result opens, as a student meets them: typing at once on a fresh
 * page, Esc, a long pasted error at phone and desktop widths (geometry), a nonsense word, the
 * breadcrumb of a reference result, and the highlights on the opened page (significant words
 * only, "Clear highlights" by keyboard and Esc, short `?hl=`, malformed fragments).
 */
const url = (path: string) => `${ORIGIN}/${path}`;
const dialog = (page: Page) => page.locator('#search-dialog');
const input = (page: Page) => dialog(page).getByRole('searchbox');
const hits = (page: Page) => dialog(page).locator('a.search-hit');

const SOCKET_ERROR =
  'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: ' +
  'Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.24/containers/json": dial unix /var/run/docker.sock: connect: permission denied';

async function search(page: Page, q: string) {
  await page.keyboard.press('/');
  await expect(input(page)).toBeFocused();
  await input(page).fill(q);
  // The first query loads Pagefind (WebAssembly and index): allow for a busy machine.
  await expect(dialog(page).locator('ol.search-results')).toHaveAttribute('data-query', q.trim(), { timeout: 15_000 });
}

const intersects = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('on a fresh page, "/" then typing at a normal speed keeps every keystroke, even while the search code is slow', async ({ page }) => {
  // The search chunk arrives late, as on a slow connection: the dialog must not wait for it.
  await page.route(/\/_astro\/search-(?:ui|dialog)\.[^/]+\.js$/, async (route) => {
    await new Promise((r) => setTimeout(r, 800));
    await route.continue();
  });
  await page.goto(url('what-is-docker/'));
  await page.keyboard.press('/');
  await page.keyboard.type('docker run', { delay: 60 });
  await expect(input(page)).toHaveValue('docker run');
  await expect(hits(page).first()).toBeVisible();
  await expect(dialog(page).locator('ol.search-results')).toHaveAttribute('data-query', 'docker run');
});

test.describe('typing on a phone-class CPU (4x slower)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('typing "docker run -itd" at 80 ms a key: every key lands, no stale results show, few searches run, no long freeze', async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto(url('what-is-docker/'));
    // The offline code loads a few seconds after the page: not part of typing.
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/offline(?:-register)?\.[\w-]+\.js$/.test(e.name)), undefined, {
      timeout: 15_000,
    });
    await page.keyboard.press('/');
    await expect(input(page)).toBeFocused();
    // Search code and Pagefind loaded (the cold first query is another test's): what follows is typing.
    await expect(dialog(page).locator('site-search[data-loaded]')).toHaveCount(1, { timeout: 15_000 });
    await page.waitForTimeout(500);
    await page.evaluate(() => {
      const w = window as unknown as { shown: Array<[string, string]>; longest: number };
      w.shown = [];
      w.longest = 0;
      const box = document.querySelector<HTMLInputElement>('#search-dialog input[type=search]')!;
      // Each time results are put on screen: the query they are for, and what the box says then.
      new MutationObserver(() => {
        const q = document.querySelector('#search-dialog ol.search-results')?.getAttribute('data-query');
        if (q && w.shown.at(-1)?.[0] !== q) w.shown.push([q, box.value.trim()]);
      }).observe(document.querySelector('#search-dialog ol.search-results')!, { attributes: true, childList: true });
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) w.longest = Math.max(w.longest, e.duration);
      }).observe({ type: 'longtask' });
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const query = 'docker run -itd';
    await page.keyboard.type(query, { delay: 80 });
    await expect(input(page)).toHaveValue(query);
    await expect(dialog(page).locator('ol.search-results')).toHaveAttribute('data-query', query, { timeout: 30_000 });
    await expect(hits(page).first()).toBeVisible();
    const { shown, longest } = await page.evaluate(() => {
      const w = window as unknown as { shown: Array<[string, string]>; longest: number };
      return { shown: w.shown, longest: w.longest };
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    console.log(`typed at 4x CPU: results shown for ${JSON.stringify(shown.map(([q]) => q))}, longest task ${longest.toFixed(0)} ms`);
    // Results on screen are always for what the box says at that moment, never for an older prefix.
    for (const [q, box] of shown) expect(q, 'results for an older query than the box shows').toBe(box);
    // Searching runs when typing pauses, not for every key (15 keys).
    expect(shown.length).toBeLessThanOrEqual(5);
    // The bench measures the task lengths (npm run bench); here only a generous bound on a shared 2-core machine.
    expect(longest, 'longest main-thread task while typing at 4x CPU (was 830 to 1,700 ms)').toBeLessThan(400);
  });
});

test('a fresh /search/?q= with a dozen misspelled words answers without a long main-thread task', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { tasks: number[][] };
    w.tasks = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) w.tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
  const q = 'contaner imagee volumne netwrok compse dockr permision socekt devise grafics restrat enviroment';
  await page.goto(url(`search/?q=${encodeURIComponent(q)}`));
  const box = page.locator('site-search.search-page');
  await expect(box.locator('ol.search-results')).toHaveAttribute('data-query', q, { timeout: 15_000 });
  await expect(box.getByRole('status')).toContainText(/results? for/);
  const tasks = await page.evaluate(() => {
    const dcl = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd;
    return (window as unknown as { tasks: number[][] }).tasks.filter(([start]) => start! > dcl).map(([, d]) => Math.round(d!));
  });
  console.log(`/search/?q= with 12 misspelled words: long tasks after DOMContentLoaded ${JSON.stringify(tasks)} ms`);
  // Before the search ran in a worker: 259-280 ms (issue 24.5). A loose bound on a shared machine; 100 ms is the goal.
  expect(Math.max(0, ...tasks)).toBeLessThan(200);
});

test.describe('the dialog on a phone (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("takes the whole screen; results sit under their page's title; no excerpt starts mid-sentence", async ({ page }) => {
    await page.goto(url('what-is-docker/'));
    await search(page, 'docker daemon socket');
    const box = (await dialog(page).boundingBox())!;
    expect(box).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    const groups = dialog(page).locator('ol.search-results > li.search-group');
    expect(await groups.count()).toBeGreaterThan(0);
    // Each group: the page's title, then its sections, each of which belongs to that page.
    for (const g of await groups.all()) {
      const title = (await g.locator('.hit-group').textContent())!;
      const list = g.getByRole('list', { name: title });
      for (const a of await list.locator('a.search-hit').all()) await expect(a.locator('.hit-page')).toContainText(title);
    }
    for (const ex of await dialog(page).locator('.hit-excerpt').allTextContents()) {
      expect(ex, 'an excerpt starts at a sentence or says it is cut').toMatch(/^(…|[A-Z0-9`"'“([$&<-])/);
    }
  });
});

test('Esc on a box with text closes the dialog in one press; the text is kept for the next time', async ({ page }) => {
  await page.goto(url('what-is-docker/'));
  await search(page, 'docker run');
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await page.keyboard.press('/');
  await expect(input(page)).toBeFocused();
  await expect(input(page)).toHaveValue('docker run');
  // The Close button is reachable by keyboard and closes too.
  await page.keyboard.press('Tab');
  await expect(dialog(page).getByRole('button', { name: 'Close search' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toBeHidden();
});

for (const width of [390, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: width < 600 ? 844 : 800 } });

    test('a long pasted error: the status line stays above the first result', async ({ page }) => {
      await page.goto(url('what-is-docker/'));
      await search(page, SOCKET_ERROR);
      const status = await dialog(page).getByRole('status').boundingBox();
      const first = await hits(page).first().boundingBox();
      expect(status && first).toBeTruthy();
      expect(intersects(status!, first!), `status ${JSON.stringify(status)} overlaps first result ${JSON.stringify(first)}`).toBe(false);
      expect(status!.y + status!.height).toBeLessThanOrEqual(first!.y);
      await page.screenshot({ path: `test-results/search-long-error-${width}.png` });
    });

    test("results use the dialog's full width", async ({ page }) => {
      await page.goto(url('what-is-docker/'));
      await search(page, 'docker run');
      const box = (await dialog(page).locator('.search-dialog-inner').boundingBox())!;
      const pad = await dialog(page)
        .locator('.search-dialog-inner')
        .evaluate((e) => parseFloat(getComputedStyle(e).paddingLeft) + parseFloat(getComputedStyle(e).paddingRight));
      const list = (await dialog(page).locator('ol.search-results').boundingBox())!;
      expect(list.width).toBeGreaterThanOrEqual(box.width - pad - 1);
      const close = (await dialog(page).getByRole('button', { name: 'Close search' }).boundingBox())!;
      expect(close.y + close.height, 'the Close button sits in the row of the input, above the results').toBeLessThanOrEqual(list.y);
    });

    test('a pasted 30,000-character log is capped with a visible message and does not block the page', async ({ page }) => {
      await page.goto(url('what-is-docker/'));
      await search(page, 'docker'); // Pagefind loaded: what follows is the paste alone
      await page.evaluate(() => {
        (window as unknown as { longest: number }).longest = 0;
        new PerformanceObserver((l) => {
          for (const e of l.getEntries())
            (window as unknown as { longest: number }).longest = Math.max((window as unknown as { longest: number }).longest, e.duration);
        }).observe({ type: 'longtask', buffered: false });
      });
      const log = Array.from({ length: 3000 }, (_, i) => `step${i} error failed`)
        .join(' ')
        .slice(0, 30_000);
      const t = Date.now();
      await input(page).fill(log);
      await expect(dialog(page).locator('.search-capped')).toHaveText(new RegExp(`Only the first ${MAX_QUERY_WORDS} words .* were searched`));
      const ms = Date.now() - t;
      const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
      console.log(`30,000-character paste at ${width} px: capped results in ${ms} ms, longest main-thread task ${longest.toFixed(0)} ms`);
      expect(ms).toBeLessThan(3000);
      expect(longest, 'longest main-thread task (loose bound on a shared machine; 100 ms is the goal)').toBeLessThan(500);
      await expect(dialog(page).getByRole('status')).toContainText('…');
    });
  });
}

test('a nonsense word gets no result, with the way on', async ({ page }) => {
  await page.goto(url('what-is-docker/'));
  await search(page, 'xyzzy');
  await expect(hits(page)).toHaveCount(0);
  await expect(dialog(page).getByRole('status')).toContainText('No results for “xyzzy”');
  await expect(dialog(page).getByRole('link', { name: 'the command reference' })).toBeVisible();
});

test('a reference result says which command it belongs to', async ({ page }) => {
  await page.goto(url('what-is-docker/'));
  await search(page, '-itd');
  const first = hits(page).first();
  await expect(first).toHaveAttribute('href', /#docker-run-itd$/);
  await expect(first.locator('.hit-page')).toContainText('docker run');
});

test('a correctly spelled compound is searched as typed (multi-stage is not "corrected")', async ({ page }) => {
  await page.goto(url('what-is-docker/'));
  await search(page, 'multi-stage');
  await expect(dialog(page).locator('.search-corrected')).toHaveCount(0);
  await expect(dialog(page).getByRole('status')).toContainText('“multi-stage”');
});

test.describe('the page a result opens', () => {
  test('marks only the significant words of a pasted error, with a short ?hl=; Clear highlights by keyboard, and Esc', async ({ page }) => {
    await page.goto(url('what-is-docker/'));
    await search(page, SOCKET_ERROR);
    const href = (await hits(page).first().getAttribute('href'))!;
    const hl = new URL(href, ORIGIN).searchParams.get('hl')!;
    expect(hl.length).toBeLessThanOrEqual(200);
    expect(hl.split(' ').length).toBeLessThanOrEqual(8);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.has('hl'));
    const marks = page.locator('[data-pagefind-body] mark.search-hl');
    await expect(marks.first()).toBeVisible();
    const words = (await marks.allTextContents()).map((w) => w.toLowerCase());
    expect(words).not.toContain('the');
    expect(words).not.toContain('then');
    expect(words.filter((w) => ['to', 'at', 'while', 'a'].includes(w))).toEqual([]);
    const clear = page.getByRole('button', { name: 'Clear highlights' });
    await expect(clear).toBeVisible();
    // Keyboard: from the section the link opened, the next Tabs reach it.
    for (let i = 0; i < 4 && !(await clear.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(clear).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(marks).toHaveCount(0);
    await expect(clear).toHaveCount(0);
    expect(new URL(page.url()).searchParams.has('hl')).toBe(false);
  });

  test('Esc clears the highlights', async ({ page }) => {
    await page.goto(url('commands/?hl=--privileged#docker-run-privileged'));
    const marks = page.locator('[data-pagefind-body] mark.search-hl');
    await expect(marks.first()).toBeVisible();
    await expect(page.locator('#docker-run-privileged')).toBeInViewport();
    await page.keyboard.press('Escape');
    await expect(marks).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Clear highlights' })).toHaveCount(0);
  });

  for (const hash of ['#%', '#%E0%A4%A', '#docker-r%75n']) {
    test(`a fragment such as ${hash} throws nothing; the section still scrolls into view when one matches`, async ({ page }) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(url(`commands/?hl=docker${hash}`));
      await expect(page.locator('[data-pagefind-body] mark.search-hl').first()).toBeAttached();
      if (hash === '#docker-r%75n') await expect(page.locator('#docker-run')).toBeInViewport();
      expect(errors).toEqual([]);
    });
  }

  for (const theme of ['light', 'dark'] as const) {
    for (const width of [390, 1280]) {
      test(`highlights and the search dialog pass axe (${theme}, ${width} px)`, async ({ browser }) => {
        const context = await browser.newContext({ colorScheme: theme, viewport: { width, height: 800 } });
        await context.addInitScript((t) => localStorage.setItem('theme', t), theme);
        const page = await context.newPage();
        await page.goto(url('troubleshooting/?hl=permission+denied+socket#permission-denied-socket'));
        await expect(page.getByRole('button', { name: 'Clear highlights' })).toBeVisible();
        const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
        // The header's icon-only search button at phone width is another change's (issue 13.1): not checked here.
        const a = await new AxeBuilder({ page }).withTags(tags).exclude('.search-button').analyze();
        expect(a.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        await page.screenshot({ path: `test-results/search-hl-${theme}-${width}.png` });
        await page.keyboard.press('Escape');
        await search(page, SOCKET_ERROR);
        const b = await new AxeBuilder({ page }).withTags(tags).include('#search-dialog').analyze();
        expect(b.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        await page.screenshot({ path: `test-results/search-dialog-${theme}-${width}.png` });
        await context.close();
      });
    }
  }
});
