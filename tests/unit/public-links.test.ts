/**
 * A symlink in public/ that leads outside it fails the build, naming the link and its target, so
 * what it points to is never copied into dist/ nor precached by the offline worker
 * (src/integrations/public-links.ts). The build is the real one (this project's astro.config.mjs)
 * with public/ and the output folder moved to a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicLinkProblems } from '../../src/integrations/public-links.ts';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'docker-basics-public-'));
  mkdirSync(join(tmp, 'away'));
  writeFileSync(join(tmp, 'away', 'secret.txt'), 'SECRET');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A public/ folder with the given links (name -> target). */
function publicWith(name: string, links: Record<string, string>): string {
  const dir = join(tmp, name, 'public');
  mkdirSync(join(dir, 'img'), { recursive: true });
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  for (const [link, target] of Object.entries(links)) symlinkSync(target, join(dir, link));
  return dir;
}

describe('symlinks in public/', () => {
  it('links that stay inside public/ are fine', () => {
    expect(publicLinkProblems(publicWith('inside', { 'icon.svg': 'favicon.svg', pictures: 'img' }))).toBeUndefined();
  });

  it('a link to a file or folder outside, to the parent, or to nothing is named with its target', () => {
    const dir = publicWith('outside', { 'leak.txt': join(tmp, 'away', 'secret.txt'), etc: join(tmp, 'away'), up: '..', gone: 'no-such-file' });
    const problem = publicLinkProblems(dir) ?? '';
    expect(problem).toContain(`${dir}/ has 4 symlink(s) that lead outside it`);
    expect(problem).toContain(`${dir}/leak.txt -> ${join(tmp, 'away', 'secret.txt')}`);
    expect(problem).toContain(`${dir}/etc -> ${join(tmp, 'away')}`);
    expect(problem).toContain(`${dir}/up -> ${join(tmp, 'outside')}`);
    expect(problem).toContain(`${dir}/gone -> unresolvable (ENOENT)`);
    expect(problem).toContain('Copy the file into');
  });

  it('the build fails naming the link, and writes no copy of its target', () => {
    const dir = publicWith('build', { 'leak.txt': join(tmp, 'away', 'secret.txt') });
    const out = join(tmp, 'build', 'dist');
    const script = `import { build } from 'astro'; await build({ root: process.cwd(), publicDir: ${JSON.stringify(dir)}, outDir: ${JSON.stringify(out)}, logLevel: 'error' });`;
    const r = spawnSync(resolve('node_modules/.bin/node'), ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 240_000,
      env: { ...process.env, ASTRO_CACHE_DIR: join(tmp, 'cache') },
    });
    expect(r.status, r.stdout + r.stderr).not.toBe(0);
    expect(r.stderr).toContain(`${dir}/leak.txt -> ${join(tmp, 'away', 'secret.txt')}`);
    expect(existsSync(join(out, 'leak.txt'))).toBe(false);
  });
});
