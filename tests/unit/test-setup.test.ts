/**
 * The two set-up commands on a newcomer's machine: the end-to-end suite picks free ports (so
 * `npm test` runs while `npm start` serves on 4321), and without a browser `npm test` stops in
 * seconds with the command to run instead of failing every browser test after the builds.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const node = process.execPath;
const portsOf = (env: NodeJS.ProcessEnv) =>
  JSON.parse(
    execFileSync(
      node,
      [
        '--input-type=module',
        '-e',
        "const o = await import('./tests/support/origins.ts'); console.log(JSON.stringify([o.ROOT_PORT, o.BASE_PORT, ...o.OFFLINE_PORTS]))",
      ],
      {
        encoding: 'utf8',
        env,
      },
    ),
  ) as number[];
const listen = (port: number) =>
  new Promise<Server>((resolve, reject) => {
    const s = createServer().once('error', reject);
    s.listen({ port, host: '127.0.0.1' }, () => resolve(s));
  });

describe('end-to-end ports', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  });

  it('skips a port that is serving (npm start in another terminal) and keeps every port it uses free', async () => {
    const env = { ...process.env };
    delete env['E2E_PORT'];
    const first = portsOf(env);
    servers.push(await listen(first[0]!)); // what `npm start` does on 4321
    const next = portsOf(env);
    expect(next).not.toContain(first[0]);
    for (const p of next) servers.push(await listen(p)); // each one it chose is really free
  });

  it('keeps E2E_PORT when it is set', () => {
    expect(portsOf({ ...process.env, E2E_PORT: '5500' })).toEqual([5500, 5501, 5600, 5601]);
  });
});

describe('no browser on the machine', () => {
  it('stops before the builds, in seconds, naming the commands that install one', () => {
    const started = Date.now();
    const r = spawnSync(node, ['tests/support/browser-check.ts'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        CHROMIUM_PATH: join(tmpdir(), 'no-such-chromium'),
        PLAYWRIGHT_BROWSERS_PATH: mkdtempSync(join(tmpdir(), 'no-browsers-')),
        BROWSER_DOWNLOAD: 'off',
      },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('npx playwright install chromium');
    expect(r.stderr).toContain('apt-get install -y chromium');
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('passes where a browser is installed', () => {
    const r = spawnSync(node, ['tests/support/browser-check.ts'], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toContain('browser for the end-to-end tests:');
    expect(r.status).toBe(0);
  });
});
