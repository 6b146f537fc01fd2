/**
 * Tabs that were open when a new version was deployed (src/scripts/boot/offline-start.ts,
 * src/scripts/chunks/offline-register.ts):
 * - a tab not controlled by the offline worker asks for code chunks the deploy replaced (search,
 *   copy, highlights load on first use); the import fails, and the page says "The course was
 *   updated" with a Reload button instead of a control that silently does nothing;
 * - with two tabs open, "Reload" in the second works after the first has already switched to the
 *   new worker;
 * - a malformed `sw-place` left in sessionStorage is ignored: the worker still registers.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { startServer } from '../../src/server/static-server.ts';
import { writeServiceWorker } from '../../src/integrations/offline-worker.ts';

/** The notice a failed chunk import shows. */
const updated = (page: Page) => page.getByRole('status').filter({ hasText: 'The course was updated' });

const staleCases: Array<[string, RegExp, (page: Page) => Promise<void>]> = [
  [
    'search',
    /\/_astro\/search-dialog\.[^/]+\.js$/,
    async (page) => {
      await page.goto('/what-is-docker/');
      await page.keyboard.press('/');
      await page.locator('#search-dialog').getByRole('searchbox').fill('volume');
    },
  ],
  [
    'copy',
    /\/_astro\/clipboard\.[^/]+\.js$/,
    async (page) => {
      await page.goto('/what-is-docker/');
      await page.locator('copy-button button').first().click();
    },
  ],
  [
    'highlights',
    /\/_astro\/search-highlight\.[^/]+\.js$/,
    async (page) => {
      await page.goto('/what-is-docker/?hl=docker');
    },
  ],
];

for (const [name, chunk, use] of staleCases) {
  test(`${name}: a chunk removed by a deploy says "The course was updated" and Reload loads the new version`, async ({ page }) => {
    // The deploy removed the file this tab's code points to.
    await page.route(chunk, (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }));
    await use(page);
    const notice = updated(page);
    await expect(notice).toBeVisible();
    await expect(page.getByText('A new version of the course is available.')).toBeHidden();
    await page.unroute(chunk);
    const reloaded = page.waitForEvent('load');
    await notice.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await expect(updated(page)).toBeHidden();
  });
}

test('a failed request that is not a chunk import shows no notice', async ({ page }) => {
  await page.goto('/what-is-docker/');
  await page.evaluate(() => void Promise.reject(new TypeError('Failed to fetch')));
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  await expect(updated(page)).toBeHidden();
});

test.describe('with the offline worker', () => {
  test.use({ serviceWorkers: 'allow' });
  let root: string;
  let server: Server;
  let origin: string;
  test.beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'after-deploy-'));
    await cp('dist', root, { recursive: true });
    server = await startServer({ dir: root, port: 0 });
    origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  });
  test.afterEach(async () => {
    await new Promise<void>((ok) => server.close(() => ok()));
    await rm(root, { recursive: true, force: true });
  });
  // Installing precaches the whole site (about 175 files): slow on a busy shared machine.
  test.describe.configure({ timeout: 180_000 });
  const availableOffline = async (page: Page) => {
    await expect(page.getByText('Available offline')).toBeVisible({ timeout: 90_000 });
  };

  test('"Reload" in a second tab works when the first has already switched to the new worker', async ({ context }) => {
    const url = `${origin}/how-docker-works/`;
    const first = await context.newPage();
    await first.goto(url);
    await availableOffline(first);
    const second = await context.newPage();
    await second.goto(url);
    await availableOffline(second);

    const file = join(root, 'how-docker-works', 'index.html');
    const html = await readFile(file, 'utf8');
    const title = /<h1 id="_top">([^<]*)<\/h1>/.exec(html)?.[1];
    expect(title).toBeTruthy();
    await writeFile(file, html.replace(`<h1 id="_top">${title}</h1>`, `<h1 id="_top">${title}, revised</h1>`));
    await writeServiceWorker(root, '/');

    await first.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const prompt = (page: Page) => page.getByRole('status').filter({ hasText: 'A new version of the course is available.' });
    await expect(prompt(first)).toBeVisible({ timeout: 90_000 });
    await expect(prompt(second)).toBeVisible({ timeout: 30_000 });

    await prompt(first).getByRole('button', { name: 'Reload' }).click();
    await expect(first.getByRole('heading', { level: 1 })).toHaveText(`${title}, revised`);
    // The new worker now controls the second tab too; its Reload must not wait for a change that happened.
    await prompt(second).getByRole('button', { name: 'Reload' }).click();
    await expect(second.getByRole('heading', { level: 1 })).toHaveText(`${title}, revised`);
  });

  test('a malformed sw-place in sessionStorage is ignored: the page still goes offline', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${origin}/security/`);
    for (const bad of ['{not json', '"a string"', '[1, 2]', '["x"]', 'null']) {
      await page.evaluate((v) => sessionStorage.setItem('sw-place', v), bad);
      await page.reload();
      await availableOffline(page);
      expect(await page.evaluate(() => sessionStorage.getItem('sw-place'))).toBeNull();
    }
    expect(errors).toEqual([]);
  });
});
