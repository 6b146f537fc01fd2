/**
 * CSP and privacy: every page of both builds loads, and search, a copy button and the theme menu
 * are used, with 0 CSP violations, 0 console errors and 0 requests to any other origin. The same
 * run against a server that also sends the CSP as a header (as the nginx image does).
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { startServer } from '../../src/server/static-server.ts';
import { sitemapUrlPaths } from '../support/sitemap.ts';
import { BASE_ORIGIN, ORIGIN } from '../support/origins.ts';

interface Watch {
  csp: string[];
  console: string[];
  foreign: string[];
}

/** Block and record every request to another origin; record CSP violations and console errors. */
async function watch(context: BrowserContext, origin: string): Promise<Watch> {
  const w: Watch = { csp: [], console: [], foreign: [] };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    w.foreign.push(url);
    return route.abort('blockedbyclient');
  });
  await context.exposeFunction('__reportCsp', (s: string) => w.csp.push(s));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCsp(s: string): void }).__reportCsp(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  context.on('console', (m) => {
    if (m.type() === 'error') w.console.push(`${m.location().url}: ${m.text()}`);
  });
  context.on('weberror', (e) => w.console.push(`uncaught: ${e.error().message}`));
  return w;
}

/** Use what a student uses: the theme menu, a copy button, search. */
async function exercise(page: Page) {
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const copy = page.locator('copy-button button').first();
  if (await copy.count()) {
    await copy.click();
    await expect(page.locator('copy-button [aria-live]').first()).toHaveText(/Cop/);
  }
  const onSearchPage = (await page.locator('site-search[data-url-sync]').count()) > 0;
  const box = onSearchPage ? page.locator('main site-search') : page.locator('#search-dialog site-search');
  if (!onSearchPage) await page.keyboard.press('/');
  const input = box.getByRole('searchbox');
  await expect(input).toBeVisible();
  await input.fill('container');
  // The first search of a page loads Pagefind (WASM and index); on the command reference (the
  // largest page, ~7,000 elements) that took 4-6 s on the shared 2-core test machine.
  await expect(box.locator('.search-results li').first()).toBeVisible({ timeout: 15_000 });
  await input.fill('--rm');
  await expect(box.locator('[role=status]')).toContainText('--rm');
}

function expectClean(w: Watch) {
  expect(w.csp, 'CSP violations').toEqual([]);
  expect(w.console, 'console errors').toEqual([]);
  expect(w.foreign, 'requests to other origins').toEqual([]);
}

const builds = [
  { name: 'root build', dir: 'dist', origin: ORIGIN },
  { name: 'sub-path build', dir: 'dist-base', origin: BASE_ORIGIN },
];

for (const b of builds) {
  test.describe(`CSP, console and privacy, ${b.name}`, () => {
    for (const path of sitemapUrlPaths(b.dir)) {
      test(path, async ({ browser }) => {
        const context = await browser.newContext();
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: b.origin });
        const w = await watch(context, b.origin);
        const page = await context.newPage();
        const res = await page.goto(b.origin + path);
        expect(res?.status()).toBe(200);
        await exercise(page);
        expectClean(w);
        await context.close();
      });
    }
  });
}

test.describe('CSP sent as a header too (like the nginx image)', () => {
  let server: Server;
  let origin: string;
  test.beforeAll(async () => {
    server = await startServer({ dir: 'dist', port: 0, cspHeader: true });
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  test.afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  for (const path of sitemapUrlPaths('dist')) {
    test(path, async ({ browser }) => {
      const context = await browser.newContext();
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
      const w = await watch(context, origin);
      const page = await context.newPage();
      const res = await page.goto(origin + path);
      expect(res?.status()).toBe(200);
      const header = res?.headers()['content-security-policy'] ?? '';
      expect(header).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(header).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      await exercise(page);
      expectClean(w);
      await context.close();
    });
  }
});

test('the CSP allows no inline script without a hash', async ({ request }) => {
  const html = await (await request.get(`${ORIGIN}/`)).text();
  const csp = /http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1]?.replace(/&#39;/g, "'") ?? '';
  const script = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
  expect(script).toContain("'self'");
  expect(script).not.toContain("'unsafe-inline'");
  expect(script).not.toContain("'unsafe-eval'");
  expect(csp).toContain("object-src 'none'");
});
