/**
 * The first step of `npm test`: make sure there is a browser for the end-to-end tests before
 * several minutes of builds, instead of failing every browser test at the end. Without Debian's
 * Chromium or Playwright's own, it runs `npx playwright install chromium` once (where the network
 * allows a download); if that fails it stops with the command to run, in seconds.
 */
import { spawnSync } from 'node:child_process';
import { SYSTEM_CHROMIUM, chromiumExecutable } from './browser.ts';

const found = chromiumExecutable();
if (found) {
  console.log(`browser for the end-to-end tests: ${found}`);
  process.exit(0);
}
// BROWSER_DOWNLOAD=off skips the download attempt (its own test uses it).
const tryDownload = process.env['BROWSER_DOWNLOAD'] !== 'off';
if (tryDownload) console.log(`No Chromium at ${SYSTEM_CHROMIUM} and no Playwright browser: trying "npx playwright install chromium"`);
const install = tryDownload ? spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit', timeout: 600_000 }) : undefined;
const after = chromiumExecutable();
if (install?.status === 0 && after) {
  console.log(`browser for the end-to-end tests: ${after}`);
  process.exit(0);
}
console.error(
  [
    '',
    'The end-to-end tests need Chromium, and none could be installed here (no download, or it failed).',
    'Install one, then run npm test again:',
    '  Debian or Ubuntu (apt):  sudo apt-get install -y chromium   (used from /usr/bin/chromium)',
    '  anywhere with network:   npx playwright install chromium',
    '  a Chrome you already have: CHROMIUM_PATH=/path/to/chrome npm test',
    '',
  ].join('\n'),
);
process.exit(1);
