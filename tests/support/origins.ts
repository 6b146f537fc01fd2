/**
 * Where the end-to-end tests find the two builds: the root build (dist/) on E2E_PORT and the
 * BASE_PATH=/docker-basics/ build (dist-base/) on the port after it; tests/e2e/offline.spec.ts
 * also serves copies on E2E_PORT + 100 and + 101.
 *
 * Without E2E_PORT the suite picks the first free set of ports from 4321 up, when the config
 * loads, and writes it to E2E_PORT so that Playwright's workers (which inherit the environment)
 * agree: `npm test` then passes while `npm start` is serving on 4321 in another terminal. Set
 * E2E_PORT to pin the ports (two working copies' suites side by side, say).
 */
import { execFileSync } from 'node:child_process';

/** Offsets from E2E_PORT of every port the suite serves on. */
const OFFSETS = [0, 1, 100, 101] as const;

/** The first port from `from` up whose OFFSETS ports are all free on loopback (asks a child process: the config is synchronous). */
function firstFreePorts(from: number): number {
  const probe = `
    const net = require('node:net');
    const offsets = ${JSON.stringify(OFFSETS)};
    const free = (port) => new Promise((done) => {
      const s = net.createServer().once('error', () => done(false)).listen({ port, host: '127.0.0.1', exclusive: true }, () => s.close(() => done(true)));
    });
    (async () => {
      for (let p = ${from}; p < ${from} + 200; p += 2) {
        let ok = true;
        for (const o of offsets) if (!(await free(p + o))) { ok = false; break; }
        if (ok) { process.stdout.write(String(p)); return; }
      }
      process.exit(1);
    })();`;
  try {
    return Number(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8', timeout: 20_000 }));
  } catch {
    throw new Error(
      `No free ports for the end-to-end servers from ${from} to ${from + 200}: set E2E_PORT to a free port (it and the next one, +100 and +101 are used)`,
    );
  }
}

if (process.env['E2E_PORT'] === undefined) process.env['E2E_PORT'] = String(firstFreePorts(4321));
const port = Number(process.env['E2E_PORT']);
if (!Number.isInteger(port) || port < 1024 || port > 65434) {
  throw new Error(`E2E_PORT must be a port number from 1024 to 65434, got "${process.env['E2E_PORT']}"`);
}
export const ROOT_PORT = port;
export const BASE_PORT = port + OFFSETS[1];
/** Ports tests/e2e/offline.spec.ts serves its own copies on (it stops them to cut the network). */
export const OFFLINE_PORTS = [port + OFFSETS[2], port + OFFSETS[3]] as const;
/** Origin of the root build, e.g. http://localhost:4321. */
export const ORIGIN = `http://localhost:${ROOT_PORT}`;
/** Origin of the sub-path build, e.g. http://localhost:4322 (pages live under /docker-basics/). */
export const BASE_ORIGIN = `http://localhost:${BASE_PORT}`;
