import { defineConfig, devices } from '@playwright/test';
import { BASE_ORIGIN, BASE_PORT, ORIGIN, ROOT_PORT } from './support/origins.ts';
import { chromiumExecutable } from './support/browser.ts';

/**
 * End-to-end tests against the production build (`npm run build:all` writes dist/ and
 * dist-base/), served by src/server/static-server.ts: the root build on E2E_PORT (the first
 * free ports from 4321 up, unless set) and the `BASE_PATH=/docker-basics/` build on the next port
 * (tests/support/origins.ts). The browser: tests/support/browser.ts.
 */
const chromium = chromiumExecutable();
const node = './node_modules/.bin/node';

export default defineConfig({
  testDir: './e2e',
  outputDir: '../test-results/e2e-artifacts',
  fullyParallel: true,
  workers: 2,
  retries: process.env['CI'] ? 1 : 0,
  forbidOnly: !!process.env['CI'],
  reporter: [['list'], ['json', { outputFile: '../test-results/e2e.json' }]],
  // Generous on purpose: the suite must pass on a 2-core machine that is also doing other work
  // (a build, another suite), where axe on the largest pages and Pagefind's first load take
  // several times longer than on an idle laptop. A test that fails still fails, only later.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: ORIGIN,
    navigationTimeout: 45_000,
    actionTimeout: 30_000,
    ...devices['Desktop Chrome'],
    // The offline service worker would precache the whole site in the background of every test;
    // tests/e2e/offline.spec.ts allows it where it is the subject.
    serviceWorkers: 'block',
    launchOptions: {
      ...(chromium ? { executablePath: chromium } : {}),
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: [
    {
      command: `${node} src/server/static-server.ts --dir dist --port ${ROOT_PORT}`,
      cwd: '..',
      url: `${ORIGIN}/`,
      // Never a server this run did not start: the ports are free ones (tests/support/origins.ts).
      reuseExistingServer: false,
    },
    {
      command: `${node} src/server/static-server.ts --dir dist-base --port ${BASE_PORT} --base /docker-basics/`,
      cwd: '..',
      url: `${BASE_ORIGIN}/docker-basics/`,
      // Never a server this run did not start: the ports are free ones (tests/support/origins.ts).
      reuseExistingServer: false,
    },
  ],
});
