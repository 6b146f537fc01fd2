/** The explainer (/explain/?cmd=...): parts explained in order, linked to the reference; unknown flags. */
import { expect, test } from '@playwright/test';
import { BASE_ORIGIN } from '../support/origins.ts';

const EXAMPLE = 'docker run -itd --privileged -v /dev:/dev --name bot -p 8080:80 duckietown/dt-core:ente ls';
const explainUrl = (cmd: string, base = '/') => `${base}explain/?cmd=${encodeURIComponent(cmd)}`;

test('explains the Duckietown command token by token, each linked to the reference', async ({ page }) => {
  await page.goto(explainUrl(EXAMPLE));
  const list = page.getByRole('list').filter({ has: page.locator('[data-kind]') });
  const items = list.getByRole('listitem');
  const expected: Array<[string, string, string | undefined]> = [
    ['docker', 'program', 'docker'],
    ['run', 'command', 'docker-run'],
    ['-i', 'flag', 'docker-run-interactive'],
    ['-t', 'flag', 'docker-run-tty'],
    ['-d', 'flag', 'docker-run-detach'],
    ['--privileged', 'flag', 'docker-run-privileged'],
    ['-v', 'flag', 'docker-run-volume'],
    ['/dev:/dev', 'value', 'docker-run-volume'],
    ['--name', 'flag', 'docker-run-name'],
    ['bot', 'value', 'docker-run-name'],
    ['-p', 'flag', 'docker-run-publish'],
    ['8080:80', 'value', 'docker-run-publish'],
    ['duckietown/dt-core:ente', 'image', 'docker-run'],
    ['ls', 'inner-command', 'docker-run'],
  ];
  await expect(items).toHaveCount(expected.length);
  for (const [i, [text, kind, anchor]] of expected.entries()) {
    const item = items.nth(i);
    await expect(item.locator('code').first()).toHaveText(text);
    await expect(item).toHaveAttribute('data-kind', kind);
    if (anchor) await expect(item.getByRole('link', { name: /In the reference/ })).toHaveAttribute('href', `/commands/#${anchor}`);
  }
  await expect(items.nth(2)).toContainText('part of -itd');
  await expect(items.nth(5)).toContainText('Caution');
  await expect(items.nth(11)).toContainText('port 8080 of the host to port 80 inside the container');
  await expect(page.getByRole('textbox', { name: 'Docker command' })).toHaveValue(EXAMPLE);
});

test('an unknown flag is marked, with a suggestion that links to the right flag', async ({ page }) => {
  await page.goto(explainUrl('docker run --port 8080:80 nginx'));
  const unknown = page.locator('[data-kind="unknown-flag"]');
  await expect(unknown).toContainText('Unknown flag');
  await expect(unknown).toContainText('--port');
  const suggestion = unknown.getByRole('link', { name: '-p, --publish' });
  await expect(suggestion).toHaveAttribute('href', '/commands/#docker-run-publish');
  await suggestion.click();
  await expect(page.locator('#docker-run-publish')).toBeInViewport();
});

test('the form explains what is typed and makes the URL linkable', async ({ page }) => {
  await page.goto('/explain/');
  await page.getByRole('textbox', { name: 'Docker command' }).fill('docker image details ubuntu');
  await page.getByRole('button', { name: 'Explain' }).click();
  await expect(page).toHaveURL(/\?cmd=docker\+image\+details\+ubuntu$/);
  const unknown = page.locator('[data-kind="unknown-command"]');
  await expect(unknown.getByRole('link', { name: 'docker image inspect' })).toHaveAttribute('href', '/commands/#docker-image-inspect');
});

test('links keep the base path in the sub-path build', async ({ page }) => {
  await page.goto(`${BASE_ORIGIN}${explainUrl('docker run --net=host ubuntu', '/docker-basics/')}`);
  await expect(page.locator('[data-kind="flag"]').getByRole('link', { name: /In the reference/ })).toHaveAttribute('href', '/docker-basics/commands/#docker-run-network');
});

test('the explainer script loads only on the explainer page', async ({ page }) => {
  const scripts = async (path: string) => {
    const urls: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') urls.push(new URL(r.url()).pathname);
    });
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    page.removeAllListeners('request');
    return urls;
  };
  const onChapter = await scripts('/commands/');
  const onExplain = await scripts(explainUrl(EXAMPLE));
  expect(onExplain.filter((u) => !onChapter.includes(u)).length).toBeGreaterThan(0);
  await page.goto('/commands/');
  await expect(page.locator('#explain-data')).toHaveCount(0);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the form and a note are shown', async ({ page }) => {
    await page.goto(explainUrl(EXAMPLE));
    await expect(page.getByRole('textbox', { name: 'Docker command' })).toBeVisible();
    await expect(page.getByText('needs JavaScript')).toBeVisible();
    await expect(page.getByRole('link', { name: 'command reference' })).toHaveAttribute('href', '/commands/');
  });
});
