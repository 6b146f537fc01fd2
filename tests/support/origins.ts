/**
 * Where the end-to-end tests find the two builds: the root build (dist/) on E2E_PORT (default
 * 4321) and the BASE_PATH=/docker-basics/ build (dist-base/) on the port after it. Set E2E_PORT
 * to run two working copies' suites side by side without one reusing the other's server.
 */
const port = Number(process.env['E2E_PORT'] ?? 4321);
if (!Number.isInteger(port) || port < 1024 || port > 65434) {
  throw new Error(`E2E_PORT must be a port number from 1024 to 65434, got "${process.env['E2E_PORT']}"`);
}
export const ROOT_PORT = port;
export const BASE_PORT = port + 1;
/** Ports tests/e2e/offline.spec.ts serves its own copies on (it stops them to cut the network). */
export const OFFLINE_PORTS = [port + 100, port + 101] as const;
/** Origin of the root build, e.g. http://localhost:4321. */
export const ORIGIN = `http://localhost:${ROOT_PORT}`;
/** Origin of the sub-path build, e.g. http://localhost:4322 (pages live under /docker-basics/). */
export const BASE_ORIGIN = `http://localhost:${BASE_PORT}`;
