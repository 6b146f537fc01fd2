/**
 * What a student relies on from the glossary, the Markdown copy and the report link, at / and
 * under /docker-basics/:
 * - a chapter's first use of a term shows its definition on hover, on keyboard focus (tied to the
 *   link with aria-describedby, so a screen reader reads it) and on a first tap; Esc hides it; it
 *   moves nothing; without JavaScript it is a plain link to /glossary/#term;
 * - /glossary/ has a heading per term of content/glossary.yaml, and search finds a term there;
 * - "Copy page as Markdown" copies the chapter's index.md;
 * - "Report a problem" without SITE_REPO is a pre-filled e-mail naming the section in the address.
 * Axe over the glossary page and a shown tooltip, both themes, 390 and 1280 px.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import { BASE_ORIGIN, ORIGIN } from '../support/origins.ts';

const TERMS = parseYaml(readFileSync('content/glossary.yaml', 'utf8')) as Array<{ id: string; term: string; definition: string }>;
const byId = new Map(TERMS.map((t) => [t.id, t]));
const builds = [
  { name: 'root', origin: ORIGIN, base: '/' },
  { name: 'sub-path', origin: BASE_ORIGIN, base: '/docker-basics/' },
] as const;
const CHAPTER = 'images-and-containers';

/** The first marked term of the chapter and its glossary entry. */
async function firstTerm(page: Page) {
  const link = page.locator('article a.term').first();
  const id = new URL((await link.getAttribute('href'))!, page.url()).hash.slice(1);
  return { link, entry: byId.get(id)! };
}

for (const b of builds) {
  test.describe(`glossary (${b.name})`, () => {
    test('hover shows the definition; leaving hides it; nothing moves', async ({ page }) => {
      await page.goto(`${b.origin}${b.base}${CHAPTER}/`);
      const { link, entry } = await firstTerm(page);
      expect(entry, 'a marked term is in content/glossary.yaml').toBeDefined();
      const before = await page.locator('article .prose p').first().boundingBox();
      await link.hover();
      const tip = page.getByRole('tooltip');
      await expect(tip).toBeVisible();
      await expect(tip).toHaveText(`${entry.term}: ${entry.definition}`);
      expect(await page.locator('article .prose p').first().boundingBox()).toEqual(before);
      await page.mouse.move(0, 0);
      await expect(tip).toBeHidden();
    });

    test("keyboard focus shows it as the link's description; Esc hides it", async ({ page }) => {
      await page.goto(`${b.origin}${b.base}${CHAPTER}/`);
      const { link, entry } = await firstTerm(page);
      await link.focus();
      await expect(link).toHaveAccessibleDescription(`${entry.term}: ${entry.definition}`);
      await expect(link).toHaveAccessibleName(await link.innerText());
      await page.keyboard.press('Escape');
      await expect(page.getByRole('tooltip')).toBeHidden();
      await expect(link).not.toHaveAttribute('aria-describedby');
    });

    test('without JavaScript a term is a plain link to its glossary entry', async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${b.origin}${b.base}${CHAPTER}/`);
      const { link, entry } = await firstTerm(page);
      await link.click();
      await expect(page).toHaveURL(`${b.origin}${b.base}glossary/#${entry.id}`);
      await expect(page.locator(`h2#${entry.id}`)).toHaveText(entry.term);
      await context.close();
    });

    test('the glossary page has a heading per term, with its definition and a link that resolves', async ({ page }) => {
      await page.goto(`${b.origin}${b.base}glossary/`);
      await expect(page.locator('article h2[id]')).toHaveCount(TERMS.length);
      for (const t of TERMS) await expect(page.locator(`h2#${t.id} + p`)).toHaveText(t.definition);
      const see = page.locator('.glossary-see a').first();
      const href = await see.getAttribute('href');
      await see.click();
      await expect(page).toHaveURL(new URL(href!, `${b.origin}${b.base}glossary/`).href);
      await expect(page.locator(`[id="${decodeURIComponent(new URL(page.url()).hash.slice(1))}"]`)).toBeAttached();
    });

    test('search finds a term on the glossary page, at its anchor', async ({ page }) => {
      const t = byId.get('dangling-image')!;
      await page.goto(`${b.origin}${b.base}`);
      await page.keyboard.press('/');
      const dialog = page.locator('#search-dialog');
      await dialog.getByRole('searchbox').fill(t.term);
      await dialog.locator(`ol[data-query="${t.term}"]`).waitFor({ state: 'attached' });
      // Among the results, after the chapters' sections that teach it (the glossary ranks at 0.4).
      await expect(dialog.locator(`a.search-hit[href^="${b.base}glossary/?hl="][href$="#${t.id}"]`)).toHaveCount(1);
    });
  });
}

test('in print a term is a plain word: no underline, no tooltip', async ({ page }) => {
  await page.goto(`${ORIGIN}/${CHAPTER}/`);
  const { link } = await firstTerm(page);
  await link.focus();
  await page.emulateMedia({ media: 'print' });
  await expect(link).toHaveCSS('text-decoration-line', 'none');
  await expect(page.locator('#glossary-tip')).toBeHidden();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  test('the first tap shows the definition, the second follows the link', async ({ page }) => {
    await page.goto(`${ORIGIN}/${CHAPTER}/`);
    const { link, entry } = await firstTerm(page);
    await link.scrollIntoViewIfNeeded();
    await link.tap();
    await expect(page.getByRole('tooltip')).toHaveText(`${entry.term}: ${entry.definition}`);
    expect(new URL(page.url()).pathname).toBe(`/${CHAPTER}/`);
    const box = (await page.getByRole('tooltip').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await link.tap();
    await expect(page).toHaveURL(`${ORIGIN}/glossary/#${entry.id}`);
  });
});

test('"Copy page as Markdown" copies the chapter\'s Markdown and says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_ORIGIN });
  await page.goto(`${BASE_ORIGIN}/docker-basics/compose/`);
  await page.getByRole('button', { name: 'Copy page as Markdown' }).click();
  await expect(page.locator('[data-markdown-status]')).toHaveText('Page copied as Markdown');
  const expected = readFileSync('dist-base/compose/index.md', 'utf8');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
});

test('"Report a problem" without SITE_REPO is an e-mail naming page, section and version', async ({ page }) => {
  await page.goto(`${ORIGIN}/security/#privileged`);
  const report = page.getByRole('link', { name: 'Report a problem' });
  // Keep the mail program closed: the page's own click listener runs first (capture), then this.
  await report.evaluate((a) => a.addEventListener('click', (e) => e.preventDefault()));
  await report.click();
  const body = new URLSearchParams(new URL((await report.getAttribute('href'))!).search).get('body')!;
  expect(body).toContain(`Page: ${new URL('/security/', process.env['SITE_URL'] ?? 'http://localhost:4321').href}\n`);
  expect(body).toContain(`Section: ${ORIGIN}/security/#privileged\n`);
  expect(body).toMatch(/Site version: \S/);
  await page.getByText('Details to paste into a report').click();
  await expect(page.locator('.page-meta-report dd').last()).not.toBeEmpty();
});

for (const theme of ['light', 'dark'] as const) {
  for (const width of [390, 1280]) {
    test(`axe: glossary page and a shown definition (${theme}, ${width} px)`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(`${ORIGIN}/glossary/`);
      expect((await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze()).violations).toEqual([]);
      await page.goto(`${ORIGIN}/${CHAPTER}/`);
      const { link } = await firstTerm(page);
      await link.focus();
      await expect(page.getByRole('tooltip')).toBeVisible();
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
        .include('#glossary-tip')
        .include('article .prose')
        .analyze();
      expect(results.violations).toEqual([]);
    });
  }
}
