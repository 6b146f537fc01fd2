/**
 * Offline reading (src/integrations/offline-worker.ts, src/scripts/chunks/offline-register.ts), as a lab uses
 * it: one visit with a connection, then the server is really gone (stopped, and the browser set
 * offline): another chapter opens, search finds results, the explainer explains. A deploy of a
 * changed page installs in the background and offers "reload", which shows the new page at the
 * reader's place. At / and under the /docker-basics/ sub-path.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { startServer } from '../../src/server/static-server.ts';
import { writeServiceWorker } from '../../src/integrations/offline-worker.ts';
import { OFFLINE_PORTS } from '../support/origins.ts';

test.use({ serviceWorkers: 'allow' });
// Each test waits for the worker's whole precache first (see availableOffline).
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const builds = [
  { name: 'root', dir: 'dist', base: '/', port: OFFLINE_PORTS[0] },
  { name: 'sub-path', dir: 'dist-base', base: '/docker-basics/', port: OFFLINE_PORTS[1] },
] as const;

async function serveCopy(dir: string, base: string, port: number): Promise<{ root: string; server: Server }> {
  const root = await mkdtemp(join(tmpdir(), 'offline-'));
  await cp(dir, root, { recursive: true });
  const server = await startServer({ dir: root, port, base });
  return { root, server };
}
const stop = (server: Server) => new Promise<void>((ok) => server.close(() => ok()));

/**
 * Wait until the page says it is available offline (the worker controls it and has precached). The
 * worker downloads about 3 MB in 175 requests: on a busy 2-core machine that took 30 s.
 */
async function availableOffline(page: Page) {
  await expect(page.getByText('Available offline')).toBeVisible({ timeout: 90_000 });
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

/**
 * One visit with a connection, as a lab does it: serve a copy of the build, open `address` until the
 * page is available offline, then stop the server, delete the copy and take the browser offline.
 */
async function visitOnceThenGoOffline(page: Page, context: BrowserContext, build: (typeof builds)[number], address: string) {
  const { root, server } = await serveCopy(build.dir, build.base, build.port);
  try {
    await page.goto(address);
    await availableOffline(page);
  } finally {
    await stop(server);
    await rm(root, { recursive: true, force: true });
  }
  await context.setOffline(true);
}

for (const b of builds) {
  test.describe(`offline reading (${b.name})`, () => {
    const origin = `http://localhost:${b.port}`;
    const url = (path: string) => `${origin}${b.base}${path}`;

    test('after one visit, chapters, search and the explainer work with no server and no network', async ({ page, context }) => {
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await visitOnceThenGoOffline(page, context, b, url('what-is-docker/'));

      await page.goto(url('security/'));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Security essentials');
      await expect(page.getByText('Available offline')).toBeVisible();

      await page.keyboard.press('/');
      const dialog = page.locator('#search-dialog');
      await dialog.getByRole('searchbox').fill('privileged');
      await expect(dialog.locator('a.search-hit').first()).toBeVisible({ timeout: 15_000 });
      await expect(dialog.locator('a.search-hit').first()).toContainText(/privileged/i);
      await page.keyboard.press('Escape');

      await page.goto(url(`explain/?cmd=${encodeURIComponent('docker run --rm -it ubuntu bash')}`));
      await expect(page.locator(`a[href="${b.base}commands/#docker-run"]`).first()).toBeVisible();

      await page.goto(url('commands/#docker-run-publish'));
      await expect(page.locator('#docker-run-publish')).toBeInViewport();

      // A practice exercise checks an answer offline (the model and flag lists are precached).
      await page.goto(url('compose/#exercise-compose-up-background'));
      const exercise = page.locator('[data-exercise="compose-up-background"]');
      await exercise.getByRole('textbox', { name: 'Your command' }).fill('docker compose up --detach');
      await exercise.getByRole('textbox', { name: 'Your command' }).press('Enter');
      await expect(exercise).toHaveAttribute('data-state', 'solved');
      expect(errors).toEqual([]);
    });

    test('offline, a mistyped address shows the course’s 404 page with its suggestion, not the browser’s error', async ({ page, context }) => {
      await visitOnceThenGoOffline(page, context, b, url('what-is-docker/'));

      // Typed into the address bar: a letter swapped in a chapter's address.
      await page.goto(url('secruity/'));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
      const hint = page.locator('[data-did-you-mean]');
      await expect(hint).toBeVisible();
      await expect(hint.getByRole('link')).toHaveAttribute('href', `${b.base}security/`);
      await hint.getByRole('link').click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Security essentials');
    });

    test('a deploy of a changed page installs in the background and offers "reload", keeping the place', async ({ page }) => {
      const copy = await serveCopy(b.dir, b.base, b.port);
      const { root } = copy;
      let { server } = copy;
      try {
        await page.goto(url('how-docker-works/'));
        await availableOffline(page);
        await expect(page.getByRole('status').filter({ hasText: 'new version' })).toBeHidden();

        // The deploy: one page changes, and the build writes a new worker for the new files.
        const file = join(root, 'how-docker-works', 'index.html');
        const html = await readFile(file, 'utf8');
        const title = /<h1 id="_top">([^<]*)<\/h1>/.exec(html)?.[1];
        expect(title).toBeTruthy();
        await writeFile(file, html.replace(`<h1 id="_top">${title}</h1>`, `<h1 id="_top">${title}, revised</h1>`));
        await writeServiceWorker(root, b.base);
        // A deploy restarts the server (the development server keeps compressed files in memory).
        await stop(server);
        server = await startServer({ dir: root, port: b.port, base: b.base });

        await page.evaluate(() => window.scrollTo(0, 1500));
        // The browser checks the worker on the next navigation (or reg.update()).
        await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
        const prompt = page.getByRole('status').filter({ hasText: 'A new version of the course is available.' });
        await expect(prompt).toBeVisible({ timeout: 30_000 });
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(title!);

        await prompt.getByRole('button', { name: 'Reload' }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${title}, revised`);
        await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBeGreaterThan(1000);
        await expect(prompt).toBeHidden();
      } finally {
        await stop(server);
        await rm(root, { recursive: true, force: true });
      }
    });
  });
}
