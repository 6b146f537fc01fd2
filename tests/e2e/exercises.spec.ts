/**
 * Practice exercises as a student uses them: type a line, press Enter (or Check), read why it is
 * not right yet, fix it, see it solved; the progress stays on the device with the self-checks
 * (sidebar, Reset); the checker loads only on first focus; without JavaScript the task and its
 * solution remain; an instructor links to one exercise and prints the worksheet without solutions.
 * The exercises are read from content/exercises/, not listed here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { parse } from 'yaml';

const FILES = readdirSync('content/exercises').filter((f) => f.endsWith('.yaml'));
const ALL = FILES.flatMap((f) =>
  (parse(readFileSync(`content/exercises/${f}`, 'utf8')) as Array<{ id: string; task: string; solution: string; wrong: Array<{ line: string }> }>).map((e) => ({
    ...e,
    chapter: f.slice(0, -5),
  })),
);
const first = ALL.find((e) => e.id === 'run-nginx-background')!;

const exercise = (page: Page, id: string) => page.locator(`[data-exercise="${id}"]`);

async function check(page: Page, id: string, line: string) {
  const ex = exercise(page, id);
  const input = ex.getByRole('textbox', { name: 'Your command' });
  await input.fill(line);
  await input.press('Enter');
}

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
]) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('a wrong line gets its reason and a link to the explainer; a right one is solved and remembered; Reset clears it', async ({ page }) => {
      await page.goto(`/${first.chapter}/#exercise-${first.id}`);
      const ex = exercise(page, first.id);
      await expect(ex).toBeInViewport();
      const status = ex.getByRole('status');

      await check(page, first.id, 'docker run -d -p 80:8080 --rm nginx');
      await expect(ex).toHaveAttribute('data-state', 'wrong');
      await expect(status).toContainText('Not yet');
      await expect(status).toContainText('reversed');
      await expect(status.getByRole('link', { name: 'Explain my line' })).toHaveAttribute('href', /\/explain\/\?cmd=docker%20run%20-d%20-p%2080%3A8080/);

      await check(page, first.id, 'docker container run --rm --publish=8080:80 --detach nginx:latest');
      await expect(ex).toHaveAttribute('data-state', 'solved');
      await expect(status).toContainText('Right');
      await expect(ex.getByText('solved')).toBeVisible();

      await page.reload();
      await expect(exercise(page, first.id)).toHaveAttribute('data-state', 'solved');
      const reset = page.getByRole('button', { name: 'Reset self-check progress' });
      if (viewport.width < 1000) await page.getByRole('button', { name: /menu/i }).first().click();
      await reset.click();
      await page.reload();
      await expect(exercise(page, first.id)).not.toHaveAttribute('data-state', 'solved');
    });

    test('the solution and the hint open on request', async ({ page }) => {
      await page.goto(`/${first.chapter}/`);
      const ex = exercise(page, first.id);
      await expect(ex.getByText(first.solution, { exact: true })).toBeHidden();
      await ex.locator('summary', { hasText: /^Solution/ }).click();
      await expect(ex.getByText(first.solution, { exact: true })).toBeVisible();
      await expect(ex).toHaveAttribute('data-solution', first.solution);
    });
  });
}

test('every exercise checks its solution as right and its sample wrong lines as not right, in the browser', async ({ page }) => {
  test.slow();
  for (const chapter of [...new Set(ALL.map((e) => e.chapter))]) {
    await page.goto(`/${chapter}/`);
    for (const e of ALL.filter((x) => x.chapter === chapter)) {
      await check(page, e.id, e.wrong[0]!.line);
      await expect(exercise(page, e.id), `${e.id}: ${e.wrong[0]!.line}`).toHaveAttribute('data-state', 'wrong');
      await check(page, e.id, e.solution);
      await expect(exercise(page, e.id), `${e.id}: ${e.solution}`).toHaveAttribute('data-state', 'solved');
    }
  }
});

test('the checker loads on first focus of an exercise, not with the page, and nothing is sent anywhere', async ({ page }) => {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(`${r.method()} ${new URL(r.url()).pathname}`));
  await page.goto(`/${first.chapter}/`);
  await page.waitForLoadState('networkidle');
  expect(urls.filter((u) => u.includes('model.json') || u.includes('/explain/flags/'))).toEqual([]);
  const before = urls.length;
  await exercise(page, first.id).getByRole('textbox').focus();
  await expect.poll(() => urls.some((u) => u.endsWith('/explain/model.json'))).toBe(true);
  await check(page, first.id, 'docker run -d -p 8080:80 --rm nginx');
  await expect(exercise(page, first.id)).toHaveAttribute('data-state', 'solved');
  expect(urls.slice(before).filter((u) => !u.startsWith('GET '))).toEqual([]);
});

test('an answer checked before the checker arrived is checked when it does', async ({ page }) => {
  await page.route('**/explain/model.json', async (route) => {
    await new Promise((r) => setTimeout(r, 500));
    await route.continue();
  });
  await page.goto(`/${first.chapter}/`);
  await check(page, first.id, 'docker run -dp 8080:80 --rm nginx');
  await expect(exercise(page, first.id)).toHaveAttribute('data-state', 'solved');
  expect(page.url()).not.toContain('/explain/');
});

test('axe finds nothing on an exercise with feedback shown, in both themes', async ({ browser }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ colorScheme, viewport: { width: 390, height: 844 } });
    await context.addInitScript((t) => localStorage.setItem('theme', t), colorScheme);
    const page = await context.newPage();
    await page.goto(`/${first.chapter}/`);
    await check(page, first.id, 'docker run -d -p 80:8080 --rm nginx');
    await expect(exercise(page, first.id)).toHaveAttribute('data-state', 'wrong');
    await exercise(page, first.id).locator('summary', { hasText: /^Hint/ }).click();
    const { violations } = await new AxeBuilder({ page })
      .include(`[data-exercise="${first.id}"]`)
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await context.close();
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the task and its revealable solution remain, and no input that cannot check', async ({ page }) => {
    await page.goto(`/${first.chapter}/`);
    const ex = exercise(page, first.id);
    await expect(ex.getByText(first.task)).toBeVisible();
    await expect(ex.getByRole('textbox')).toBeHidden();
    await ex.locator('summary', { hasText: /^Solution/ }).click();
    await expect(ex.getByText(first.solution, { exact: true })).toBeVisible();
  });
});

test('the worksheet lists every task, without solutions, printed too; the solutions page has each solution', async ({ page }) => {
  await page.goto('/exercises/');
  for (const e of ALL) await expect(page.locator(`#task-${e.id}`), e.id).toContainText(e.task);
  await page.emulateMedia({ media: 'print' });
  const printed = await page.locator('main').innerText();
  for (const e of ALL) expect(printed, e.id).not.toContain(e.solution);
  await page.emulateMedia({ media: 'screen' });
  await page.locator(`#task-${first.id}`).getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/${first.chapter}/#exercise-${first.id}$`));
  await expect(exercise(page, first.id)).toBeInViewport();

  await page.goto(`/exercises/${first.chapter}/`);
  const tasks = ALL.filter((e) => e.chapter === first.chapter);
  await expect(page.locator('.worksheet-list > li')).toHaveCount(tasks.length);
  await page.goto('/exercises/solutions/');
  for (const e of ALL) await expect(page.locator(`#solution-${e.id}`), e.id).toContainText(e.solution);
});
