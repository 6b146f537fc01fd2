/**
 * One build path: `npm run build` is `astro build`, then src/build/finish-site.ts, which runs the
 * post-build steps (src/build/steps.ts: the search index, then the offline worker) once Astro's
 * process has exited. No integration runs those steps; a plain `astro build` ends by saying what
 * is left and how to finish. The steps themselves are tested in pagefind-integration.test.ts and
 * offline-precache.test.ts; the built site by tests/build/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { POST_BUILD_STEPS, runSteps, STEP_TIME, type BuiltSite, type PostBuildStep } from '../../src/build/steps.ts';
import { FINISH_COMMAND, nextStepLine, postBuildNotice } from '../../src/build/next-step.ts';

const script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts['build']!;
const bin = resolve('node_modules/.bin');
const run = (command: string, env: Record<string, string>) =>
  spawnSync('sh', ['-c', command], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}:${process.env['PATH']}`, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    timeout: 120_000,
  });

describe('the build script (package.json "build", as npm runs it)', () => {
  it('is astro build, then the post-build steps, with no variable that switches the integrations', () => {
    expect(script).toMatch(new RegExp(`(^|\\s)astro build && ${FINISH_COMMAND.replace(/\./g, '\\.')}$`));
    expect(script).not.toMatch(/DOCKER_BASICS_\w+=/);
  });

  it("exits with astro build's failure and its message, and runs no step after it", () => {
    const out = mkdtempSync(join(tmpdir(), 'docker-basics-build-script-'));
    try {
      const r = run(script, { SITE_URL: 'example.github.io/docker-basics', OUT_DIR: join(out, 'dist') });
      const output = `${r.stdout}\n${r.stderr}`;
      expect(r.status, output).not.toBe(0);
      expect(output).toContain('SITE_URL=example.github.io/docker-basics is not a URL');
      expect(output).not.toMatch(/Pagefind|\[docker-basics:|Service worker/i);
      expect(readdirSync(out)).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('stops at a failed step with its name and message, exits 1 and runs no later step', () => {
    // A site with no indexable page: the real Pagefind indexes 0 pages, so the search step fails.
    const out = mkdtempSync(join(tmpdir(), 'docker-basics-finish-'));
    const dist = join(out, 'dist');
    mkdirSync(dist);
    try {
      const r = run(FINISH_COMMAND, { OUT_DIR: dist, BASE_PATH: '/' });
      const output = `${r.stdout}\n${r.stderr}`;
      expect(r.status, output).toBe(1);
      expect(output).toContain('Post-build step "search-index" failed');
      expect(output).toContain('Pagefind indexed 0 pages');
      expect(output).not.toMatch(/\[docker-basics:offline-worker\]|Service worker/);
      expect(existsSync(join(dist, 'sw.js'))).toBe(false);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('a plain astro build', () => {
  it('ends with the steps still to do and the command that does them', () => {
    const logger = { info: vi.fn() };
    const hook = postBuildNotice().hooks['astro:build:done'] as unknown as (o: { logger: typeof logger }) => void;
    hook({ logger });
    expect(logger.info).toHaveBeenCalledWith(nextStepLine());
    const line = nextStepLine();
    for (const step of POST_BUILD_STEPS) expect(line).toContain(step.writes);
    expect(line).toContain(`\`${FINISH_COMMAND}\``);
    expect(line).toContain('npm run build');
  });
});

describe('the post-build steps', () => {
  const site: BuiltSite = {
    outDir: '/nowhere',
    publishTo: '/nowhere',
    base: '/',
    siteOrigin: 'https://example.org',
    offline: true,
    cacheDir: '/nowhere/cache',
  };
  const step = (name: string, result: () => Promise<string>): PostBuildStep => ({ name, writes: name, run: vi.fn(result) });

  it('search, then the offline worker (it precaches the index), then the site check, the term snapshots (after both, so neither holds their pages), and publishing last', () => {
    expect(POST_BUILD_STEPS.map((s) => s.name)).toEqual(['search-index', 'offline-worker', 'check-site', 'term-snapshots', 'staged-output']);
  });

  it('run in order, each printing its line and its time in a form the bench reads back', async () => {
    const printed: string[] = [];
    const steps = [step('first', async () => 'did one'), step('second', async () => 'did two')];
    const results = await runSteps(site, steps, (l) => printed.push(l));
    expect(results.map((r) => [r.name, r.line])).toEqual([
      ['first', 'did one'],
      ['second', 'did two'],
    ]);
    expect(printed.map((l) => STEP_TIME.exec(l)?.slice(1, 2))).toEqual([['first'], ['second']]);
    expect(printed[0]).toMatch(/\[docker-basics:first\] did one \(in \d+\.\d\d s\)$/);
    expect(steps[0]!.run).toHaveBeenCalledWith(site);
  });

  it('stop at the first failure, naming the step', async () => {
    const later = step('later', async () => 'never');
    const failing = step('broken', async () => {
      throw new Error('disk full');
    });
    await expect(runSteps(site, [failing, later], () => {})).rejects.toThrow(/Post-build step "broken" failed:\ndisk full/);
    expect(later.run).not.toHaveBeenCalled();
  });
});
