/**
 * The nginx config of the Docker image (src/server/nginx.conf): `nginx -t` accepts it, and nginx
 * serving dist/ on a loopback port compresses text, caches hashed assets for a year, revalidates
 * pages, answers unknown paths with 404.html and sends each page's CSP as a header.
 * Skipped, with a message, where nginx is not installed (.ci/run installs it).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cspMapEntries, metaCsp, HEADER_ONLY } from '../../src/server/nginx-csp.ts';

const NGINX = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
const DIST = resolve('dist');
const PORT = 20000 + (process.pid % 20000);
const ORIGIN = `http://127.0.0.1:${PORT}`;

/** A complete nginx.conf around the checked-in site config, with paths and port for this machine. */
function fullConfig(tmp: string): string {
  const site = readFileSync('src/server/nginx.conf', 'utf8')
    .replace('listen 8080;', `listen 127.0.0.1:${PORT};`)
    .replace('root /usr/share/nginx/html;', `root ${DIST};`)
    .replace('include /etc/nginx/docker-basics/csp-map.conf;', `include ${tmp}/csp-map.conf;`);
  const mime = existsSync('/etc/nginx/mime.types') ? 'include /etc/nginx/mime.types;' : 'types { text/html html; }';
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${tmp}/${t};`).join('\n  ');
  return `daemon off;\nworker_processes 1;\npid ${tmp}/nginx.pid;\nerror_log ${tmp}/error.log warn;\nevents { worker_connections 64; }\nhttp {\n  ${mime}\n  default_type application/octet-stream;\n  access_log off;\n  ${temp}\n${site}\n}\n`;
}

describe.skipIf(!NGINX)('nginx serving dist/ (src/server/nginx.conf)', () => {
  let tmp: string;
  let conf: string;
  let nginx: ChildProcess | undefined;

  beforeAll(async () => {
    expect(existsSync(join(DIST, 'index.html')), 'dist/ is missing: run npm run build first').toBe(true);
    tmp = mkdtempSync(join(tmpdir(), 'docker-basics-nginx-'));
    writeFileSync(join(tmp, 'csp-map.conf'), cspMapEntries(DIST).join('\n') + '\n');
    conf = join(tmp, 'nginx.conf');
    writeFileSync(conf, fullConfig(tmp));
  });

  afterAll(() => {
    nginx?.kill('SIGTERM');
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('nginx -t accepts the config', () => {
    const r = spawnSync(NGINX!, ['-t', '-c', conf, '-p', tmp], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/syntax is ok/);
  });

  describe('over HTTP', () => {
    beforeAll(async () => {
      nginx = spawn(NGINX!, ['-c', conf, '-p', tmp], { stdio: ['ignore', 'ignore', 'pipe'] });
      for (let i = 0; i < 50; i++) {
        if (await fetch(`${ORIGIN}/`).then(() => true, () => false)) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`nginx did not start: ${existsSync(join(tmp, 'error.log')) ? readFileSync(join(tmp, 'error.log'), 'utf8') : ''}`);
    });

    const get = (path: string) => fetch(ORIGIN + path, { headers: { 'accept-encoding': 'gzip' }, redirect: 'manual' });

    it('serves pages gzipped, revalidated, with the page CSP plus frame-ancestors', async () => {
      const res = await get('/');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe('gzip');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toBe(`${metaCsp(readFileSync(join(DIST, 'index.html'), 'utf8'))}; ${HEADER_ONLY}`);
      expect(csp).toContain("'wasm-unsafe-eval'");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    });

    it('caches hashed assets for a year', async () => {
      const asset = readdirSync(join(DIST, '_astro')).find((f) => f.endsWith('.js'));
      expect(asset, 'no JS file in dist/_astro/').toBeDefined();
      const res = await get(`/_astro/${asset}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('content-type')).toMatch(/javascript/);
      expect(res.headers.get('content-encoding')).toBe('gzip');
    });

    it('serves the Pagefind files search needs', async () => {
      const js = await get('/pagefind/pagefind.js');
      expect(js.status).toBe(200);
      const wasm = readdirSync(join(DIST, 'pagefind')).find((f) => f.startsWith('wasm.'));
      if (wasm) expect((await get(`/pagefind/${wasm}`)).status).toBe(200);
    });

    it('redirects a page without its trailing slash, relative to the host used', async () => {
      const page = readdirSync(DIST, { withFileTypes: true }).find((e) => e.isDirectory() && existsSync(join(DIST, e.name, 'index.html')));
      const res = await get(`/${page!.name}`);
      expect(res.status).toBe(301);
      expect(res.headers.get('location')).toBe(`/${page!.name}/`);
    });

    it('answers an unknown path with 404 and the 404 page', async () => {
      const res = await get('/no-such-page/');
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('Page not found');
      expect(res.headers.get('content-security-policy')).toContain(HEADER_ONLY);
    });
  });
});

it.runIf(!NGINX)('nginx config test skipped: nginx is not installed (apt-get install nginx-light)', () => {
  console.warn('tests/build/nginx.test.ts: nginx not found; skipped the nginx config test');
});
