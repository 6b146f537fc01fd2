/**
 * Which Chromium the browser tests drive: CHROMIUM_PATH if set (a Chrome or Chromium elsewhere,
 * e.g. on macOS), else Debian's `/usr/bin/chromium` where it is installed (CI installs it:
 * .ci/run), else Playwright's own build if `npx playwright install chromium` has put it in place. tests/playwright.config.ts and the check before `npm test` (browser-check.ts)
 * both ask here, so they cannot disagree.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const SYSTEM_CHROMIUM = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';

/** The executable to launch, or undefined when neither browser is on this machine. */
export function chromiumExecutable(): string | undefined {
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  const own = chromium.executablePath();
  return own && existsSync(own) ? own : undefined;
}
