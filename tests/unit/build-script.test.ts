/**
 * `npm run build` runs `astro build` with DOCKER_BASICS_AFTER_ASTRO=1, under which the search and
 * offline integrations leave their step, then src/build/finish-site.ts, which runs those steps once
 * Astro's process has exited (the peak memory of the build's process tree is then Astro's or the
 * steps', not both). A plain `astro build` keeps doing both steps itself
 * (tests/unit/pagefind-integration.test.ts); the built site is checked by tests/build/.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';

const pf = vi.hoisted(() => ({ createIndex: vi.fn(), close: vi.fn(async () => null) }));
vi.mock('pagefind', () => pf);

const { AFTER_ASTRO_ENV } = await import('../../src/build/after-astro.ts');
const { pagefindIndex } = await import('../../src/integrations/search-index.ts');
const { serviceWorker } = await import('../../src/integrations/offline-worker.ts');

afterEach(() => vi.unstubAllEnvs());

describe('under npm run build, the integrations leave their step to the build script', () => {
  it('neither indexes nor writes a worker inside astro build, and each says who does', async () => {
    vi.stubEnv(AFTER_ASTRO_ENV, '1');
    const out = mkdtempSync(join(tmpdir(), 'docker-basics-after-'));
    try {
      const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
      const done = (i: { hooks: Record<string, unknown> }) =>
        (i.hooks['astro:build:done'] as (o: { dir: URL; logger: typeof logger }) => Promise<void>)({ dir: pathToFileURL(out + '/'), logger });
      await done(pagefindIndex());
      await done(serviceWorker({ enabled: true }));
      expect(pf.createIndex).not.toHaveBeenCalled();
      expect(readdirSync(out)).toEqual([]);
      expect(logger.info.mock.calls.map((c) => c[0])).toEqual([
        'Search index: left to src/build/finish-site.ts, which runs it after Astro exits',
        'Offline worker: left to src/build/finish-site.ts, which runs it after Astro exits',
      ]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('the build script (package.json "build", as npm runs it)', () => {
  const script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts['build']!;

  it('sets the variable for astro build and runs the steps after it', () => {
    expect(script).toMatch(new RegExp(`\\b${AFTER_ASTRO_ENV}=1 astro build && node src/build/finish-site\\.ts$`));
  });

  it("exits with astro build's failure and its message, and runs no step after it", () => {
    const out = mkdtempSync(join(tmpdir(), 'docker-basics-build-script-'));
    const bin = resolve('node_modules/.bin');
    try {
      const r = spawnSync('sh', ['-c', script], {
        encoding: 'utf8',
        env: { ...process.env, PATH: `${bin}:${process.env['PATH']}`, SITE_URL: 'example.github.io/docker-basics', OUT_DIR: join(out, 'dist'), NO_COLOR: '1', FORCE_COLOR: '0' },
        timeout: 120_000,
      });
      const output = `${r.stdout}\n${r.stderr}`;
      expect(r.status, output).not.toBe(0);
      expect(output).toContain('SITE_URL=example.github.io/docker-basics is not a URL');
      expect(output).not.toMatch(/Pagefind|Search index|Offline worker|Service worker/i);
      expect(readdirSync(out)).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
