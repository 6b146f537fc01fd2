/**
 * A reader on a term snapshot: a snapshot cut from this repository's HEAD (src/build/cut-snapshot.ts;
 * stored in test-results/snapshot-store/ by commit, so a second run reuses it) is copied into a
 * copy of dist/ by the build's term-snapshots step and served. The reader sees the banner, follows
 * it to the same page and section on the current site, and a search on the snapshot finds only
 * snapshot pages (and one on the current site none).
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startServer } from '../../src/server/static-server.ts';
import { cutSnapshot } from '../../src/build/cut-snapshot.ts';
import { includeSnapshots } from '../../src/build/include-snapshots.ts';
import { DEFAULT_SITE } from '../../src/integrations/site-config.ts';

const TERM = '2031-spring';
const LABEL = 'Spring 2031';
let server: Server;
let site: string;
let origin: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  // One snapshot build (about a minute), unless a run before stored it for this commit.
  test.setTimeout(900_000);
  const root = resolve('.');
  const store = join(root, 'test-results/snapshot-store');
  const cut = cutSnapshot({ term: TERM, ref: 'HEAD', label: LABEL, root, store, site: DEFAULT_SITE, base: '/', stdio: 'pipe' });
  site = await mkdtemp(join(tmpdir(), 'docker-basics-snapshot-e2e-'));
  await cp(join(root, 'dist'), site, { recursive: true });
  await includeSnapshots({ outDir: site, publishTo: site, base: '/', siteOrigin: DEFAULT_SITE, offline: true, cacheDir: '', terms: [cut.term] }, root, {
    SNAPSHOT_STORE: store,
    SNAPSHOT_BUILD: 'off',
  });
  server = await startServer({ dir: site, port: 0, base: '/' });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
  if (site) await rm(site, { recursive: true, force: true });
});

const banner = (page: Page) => page.getByRole('complementary', { name: 'Term snapshot' });

test('the banner says which term it is and leads to the same section on the current site', async ({ page }) => {
  await page.goto(`${origin}/${TERM}/images-and-containers/#layers`);
  await expect(banner(page)).toContainText(`This is ${LABEL}`);
  await expect(banner(page)).toContainText('A newer version exists');
  await banner(page).getByRole('link', { name: 'read this page on the current site' }).click();
  await expect(page).toHaveURL(`${origin}/images-and-containers/#layers`);
  await expect(page.locator('#layers')).toBeInViewport();
  await expect(banner(page)).toHaveCount(0);
});

async function hits(page: Page, url: string, q: string): Promise<string[]> {
  await page.goto(url);
  await page.keyboard.press('/');
  const dialog = page.locator('#search-dialog');
  await dialog.getByRole('searchbox').fill(q);
  await dialog.locator(`ol[data-query="${q}"]`).waitFor({ state: 'attached' });
  await expect(dialog.locator('a.search-hit').first()).toBeVisible();
  return dialog.locator('a.search-hit').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

test('search on the snapshot finds only snapshot pages, and on the current site none', async ({ page }) => {
  const inSnapshot = await hits(page, `${origin}/${TERM}/what-is-docker/`, 'volume');
  expect(inSnapshot.length).toBeGreaterThan(0);
  for (const p of inSnapshot) expect(p).toMatch(new RegExp(`^/${TERM}/`));
  const current = await hits(page, `${origin}/what-is-docker/`, 'volume');
  expect(current.length).toBeGreaterThan(0);
  for (const p of current) expect(p).not.toMatch(new RegExp(`^/${TERM}/`));
});

test("a snapshot's list of terms sends the reader to the current site's", async ({ page }) => {
  await page.goto(`${origin}/${TERM}/terms/`);
  await page.getByRole('main').getByRole('link', { name: 'current site', exact: true }).click();
  await expect(page).toHaveURL(`${origin}/terms/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Term snapshots');
});

for (const theme of ['light', 'dark'] as const) {
  for (const width of [390, 1280]) {
    test(`the banner passes axe (${theme}, ${width} px): a snapshot chapter, its 404 page and the current site's /terms/`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme: theme, viewport: { width, height: 800 } });
      await context.addInitScript((t) => localStorage.setItem('theme', t), theme);
      const page = await context.newPage();
      for (const path of [`/${TERM}/what-is-docker/`, `/${TERM}/404.html`, '/terms/']) {
        await page.goto(origin + path);
        const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
        expect(
          violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
          path,
        ).toEqual([]);
      }
      await context.close();
    });
  }
}
