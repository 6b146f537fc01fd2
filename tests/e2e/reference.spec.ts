/**
 * The command reference (/commands/): headings and anchors from the data, the table of contents,
 * copy buttons (clipboard, keyboard, fallback, no JavaScript), explain links and search sub-results.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { completeModel, flagsFileId, mistakesOf, type CommandDetails, type Model } from '../../src/lib/docker/model.ts';
import { parseTable } from '../../src/lib/docker/sources.ts';

const URL = '/commands/';

async function clipboardPage(page: Page) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(URL);
}

/** The code block whose title is `title`. */
const block = (page: Page, title: string) => page.locator('.code-block').filter({ has: page.locator('.code-title', { hasText: title }) });

test.describe('reference page', () => {
  test('every command and flag has a heading with its own anchor link', async ({ page }) => {
    await page.goto(URL);
    await expect(page.getByRole('heading', { level: 2, name: 'Running containers' })).toHaveAttribute('id', 'running-containers');
    await expect(page.getByRole('heading', { level: 3, name: 'docker run', exact: true })).toHaveAttribute('id', 'docker-run');
    // Other entries have rows of the same flags (docker create --privileged): look inside docker run's.
    const run = page.locator('.cmd-entry', { has: page.locator('#docker-run') });
    await expect(run.getByRole('heading', { level: 4, name: '--privileged', exact: true })).toHaveAttribute('id', 'docker-run-privileged');
    await expect(run.getByRole('heading', { level: 4, name: '-p, --publish', exact: true })).toHaveAttribute('id', 'docker-run-publish');
    await expect(page.getByRole('heading', { level: 4, name: '-a, --all' }).and(page.locator('#docker-system-prune-all'))).toBeVisible();
    await expect(page.getByRole('link', { name: 'Link to section: --privileged' })).toHaveAttribute('href', '#docker-run-privileged');
    await expect(page.getByRole('link', { name: 'Link to section: docker image ls' })).toHaveAttribute('href', '#docker-image-ls');
    for (const id of ['docker-host', 'docker-run-itd', 'docker-run-docker-sock', 'docker-system-prune-volumes', 'docker-compose-down']) {
      await expect(page.locator(`#${id}`)).toHaveCount(1);
    }
  });

  test('a deep link lands on the flag', async ({ page }) => {
    await page.goto(`${URL}#docker-run-device`);
    await expect(page.locator('#docker-run-device')).toBeInViewport();
  });

  test('links written with an alias or a wrong spelling land on the right entry', async ({ page }) => {
    await page.goto(`${URL}#docker-images`);
    await expect(page.getByRole('heading', { level: 3, name: 'docker image ls' })).toBeInViewport();
    await page.goto(`${URL}#docker-run-port`);
    await expect(page.locator('#docker-run-publish')).toBeInViewport();
  });

  test('"On this page" lists the groups and commands, not the flags', async ({ page }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(URL);
    const toc = page.getByRole('navigation', { name: 'On this page' });
    await expect(toc.getByRole('link', { name: 'Running containers' })).toHaveAttribute('href', '#running-containers');
    await expect(toc.getByRole('link', { name: 'docker system prune' })).toHaveAttribute('href', '#docker-system-prune');
    await expect(toc.getByRole('link', { name: '--privileged' })).toHaveCount(0);
  });

  test('aliases and wrong spellings are on the page, in the right entry', async ({ page }) => {
    await page.goto(URL);
    // Every mistake the reference lists, in the entry or the flag row it leads to: read from the model
    // the site publishes (the explainer's core and each command's flags), as the page was built from it.
    const read = <T>(f: string) => JSON.parse(readFileSync(`dist/explain/${f}`, 'utf8')) as T;
    const core = read<Model>('model.json');
    const flags = Object.fromEntries(core.commands.filter((c) => c.partial).map((c) => [c.name, read<CommandDetails>(`flags/${flagsFileId(c.name)}.json`)]));
    const mistakes = mistakesOf(completeModel(core, flags));
    expect(mistakes.length).toBeGreaterThan(3);
    for (const m of mistakes) {
      const anchor = page.locator(`[id="${m.anchor}"]`);
      const where = m.command ? page.locator('tr', { has: anchor }) : page.locator('.cmd-entry', { has: anchor });
      await expect(where, m.wrong).toContainText(`${m.command ? 'Not a flag' : 'Not a command'}: ${m.wrong}. Use ${m.right}.`);
    }
    const network = page.locator('tr', { has: page.locator('#docker-run-network') });
    await expect(network).toContainText('--net=host');
    await expect(network).toContainText('Also accepted: --net');
    const ls = page.locator('.cmd-entry', { has: page.locator('#docker-image-ls') });
    await expect(ls).toContainText('Also typed as: docker images, docker image list');
  });
});

test.describe('copy buttons', () => {
  test('copy exactly the command: no prompt, no output', async ({ page }) => {
    await clipboardPage(page);
    const b = block(page, 'List every container, running or stopped');
    await b.getByRole('button', { name: 'Copy command' }).click();
    await expect(b.getByText('Copied', { exact: true })).toBeAttached();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('docker ps -a');
  });

  test('chapter code blocks (Markdown fences) copy the same way', async ({ page }) => {
    await clipboardPage(page);
    const b = page.locator('.code-block', { hasText: 'docker run --rm --name hello ubuntu:22.04 echo hello' }).first();
    await b.getByRole('button', { name: 'Copy command' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('docker run --rm --name hello ubuntu:22.04 echo hello');
  });

  test('continuation lines are kept', async ({ page }) => {
    await clipboardPage(page);
    await block(page, 'start a container in the background with the camera').getByRole('button', { name: 'Copy command' }).click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(
        'docker -H duckiebot.local run -itd --name bot \\\n  --device /dev/video0 \\\n  -v /data:/data \\\n  --network host \\\n  duckietown/dt-core:ente-arm64v8',
      );
  });

  test('work from the keyboard and announce "Copied"', async ({ page }) => {
    await clipboardPage(page);
    const b = block(page, 'Open a bash shell inside the running container');
    const button = b.getByRole('button', { name: 'Copy command' });
    await button.focus();
    await page.keyboard.press('Enter');
    const live = b.locator('[aria-live="polite"]');
    await expect(live).toHaveText('Copied');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('docker exec -it bot bash');
    await page.keyboard.press('Space');
    await expect(live).toHaveText('Copied');
  });

  test('fall back when the Clipboard API is refused', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', {
        configurable: true,
        get: () => ({ writeText: () => Promise.reject(new DOMException('refused', 'NotAllowedError')) }),
      });
    });
    await page.goto(URL);
    await page.evaluate(() => {
      (window as unknown as { copied: string[] }).copied = [];
      document.addEventListener('copy', () => (window as unknown as { copied: string[] }).copied.push(String(document.getSelection())));
    });
    const b = block(page, 'Delete the stopped container shell');
    const button = b.getByRole('button', { name: 'Copy command' });
    await button.click();
    await expect(b.locator('[aria-live="polite"]')).toHaveText('Copied');
    expect(await page.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual(['docker rm shell']);
    await expect(button).toBeFocused();
  });

  test('every example offers "Explain this command"', async ({ page }) => {
    await page.goto(URL);
    const b = block(page, 'Start a web server in the background');
    const explain = b.getByRole('link', { name: 'Explain this command' });
    await expect(explain).toHaveAttribute('href', `/explain/?cmd=${encodeURIComponent('docker run -d --name web -p 8080:80 nginx')}`);
    await explain.click();
    await expect(page.getByRole('heading', { name: 'What each part does' })).toBeVisible();
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('there are no copy buttons, and the commands are still there', async ({ page }) => {
    await page.goto(URL);
    await expect(page.getByRole('button', { name: 'Copy command' })).toHaveCount(0);
    await expect(page.locator('.code-block').first()).toBeVisible();
  });
});

/** The flags of `docker run` in the newest Engine table (content/reference/cli/), `--help` aside. */
function runFlagsOfTable(): string[] {
  const file = readdirSync('content/reference/cli').find((f) => f.startsWith('docker-cli-'))!;
  const table = parseTable(readFileSync(`content/reference/cli/${file}`, 'utf8'), file);
  return table.commands
    .find((c) => c.aliases.includes('docker run'))!
    .flags.map((f) => f.long)
    .filter((l) => l !== '--help');
}

test.describe('every flag', () => {
  test('every flag of docker run in the CLI table has a row with its anchor; curated and CLI text are told apart', async ({ page }) => {
    await page.goto(URL);
    const longs = runFlagsOfTable();
    expect(longs.length).toBeGreaterThan(90);
    const entry = page.locator('.cmd-entry', { has: page.locator('#docker-run') });
    const ids = await entry.locator('h4[id]').evaluateAll((hs) => hs.map((h) => h.id));
    expect(longs.filter((l) => !ids.includes(`docker-run-${l.slice(2)}`))).toEqual([]);
    // The curated table and the CLI's own table, each under its own caption.
    await expect(entry.locator('caption').filter({ hasText: 'explained by this course' })).toHaveCount(1);
    const cli = entry.locator('.cli-flags');
    await expect(cli.locator('caption')).toHaveText('Every other flag of docker run, as the CLI describes it');
    await expect(cli).toContainText('Taken unchanged from Docker CLI 28.2.2 and 29.7.2');
    // A flag 29.7 dropped is marked, with its 28.2 description.
    await expect(page.locator('tr', { has: page.locator('#docker-run-kernel-memory') })).toContainText('Not in Docker CLI 29.7.2.');
  });

  test("a deep link to a flag the course does not explain lands on its row, and the synopsis is the CLI's", async ({ page }) => {
    await page.goto(`${URL}#docker-run-oom-score-adj`);
    await expect(page.locator('#docker-run-oom-score-adj')).toBeInViewport();
    await expect(page.locator('tr', { has: page.locator('#docker-run-oom-score-adj') })).toContainText('Tune host');
    await expect(page.locator('.cmd-entry', { has: page.locator('#docker-run') }).locator('.cmd-synopsis')).toHaveText(
      'docker run [OPTIONS] IMAGE [COMMAND] [ARG...]',
    );
  });

  test('a robotics flag has curated text and a link to the Docker page it was checked against', async ({ page }) => {
    await page.goto(`${URL}#docker-run-shm-size`);
    const row = page.locator('tr', { has: page.locator('#docker-run-shm-size') });
    await expect(row).toBeInViewport();
    await expect(row).toContainText('64 MB');
    await expect(row.getByRole('link', { name: "Docker's documentation" })).toHaveAttribute('href', /^https:\/\/docs\.docker\.com\//);
  });
});

for (const [query, anchor] of [
  ['--shm-size', 'docker-run-shm-size'],
  ['--oom-score-adj', null],
] as const) {
  test(`search for ${query} lands on its row`, async ({ page }) => {
    await page.goto(URL);
    // A flag the course does not explain lands on one of the rows that have it (docker run, docker create ...).
    const rows = await page.locator(`h4[id]:has(> code:text-is("${query}"))`).evaluateAll((hs) => hs.map((h) => h.id));
    expect(rows.length).toBeGreaterThan(0);
    await page.keyboard.press('/');
    const dialog = page.locator('#search-dialog');
    await dialog.getByRole('searchbox').fill(query);
    const first = dialog.locator('a.search-hit').first();
    await expect(first).toBeVisible({ timeout: 15_000 });
    const href = (await first.getAttribute('href'))!;
    expect(href).toMatch(/\/commands\/\?hl=[^#]*#/);
    expect(anchor ? [anchor] : rows).toContain(href.slice(href.indexOf('#') + 1));
  });
}

test('search for a flag lands on its section', async ({ page }) => {
  // Through the site's search box, as a student types it (Pagefind alone ranks whole pages, and
  // the reference is the longest page; the section ranking in src/lib/search/ranking.ts picks the flag).
  await page.goto(URL);
  await page.keyboard.press('/');
  const dialog = page.locator('#search-dialog');
  await dialog.getByRole('searchbox').fill('--privileged');
  const first = dialog.locator('a.search-hit').first();
  await expect(first).toBeVisible({ timeout: 15_000 });
  await expect(first).toHaveAttribute('href', /\/commands\/\?hl=[^#]*#docker-run-privileged$/);
});
