/**
 * The nginx config of the Docker image (src/server/nginx.conf), run with a real nginx on loopback
 * ports exactly as the Dockerfile prepares it: the built site copied under its base path,
 * precompressed (src/server/precompress.ts), and the per-page CSP map and base-path settings
 * generated (src/server/nginx-csp.ts). Two sites: dist/ at `/` and dist-base/ at `/docker-basics/`.
 *
 * Where nginx is not installed the nginx tests are reported as SKIPPED with the reason (set
 * NGINX_BIN to use another binary; .ci/run installs nginx-light). The image-build checks that need
 * no nginx (a base-path mismatch fails the generator) run everywhere.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, symlinkSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metaCsp, HEADER_ONLY } from '../../src/server/nginx-csp.ts';
import { CONTENT_TYPES } from '../../src/server/static-server.ts';

const NGINX = process.env['NGINX_BIN']
  ? existsSync(process.env['NGINX_BIN'])
    ? process.env['NGINX_BIN']
    : undefined
  : ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
const SKIPPED = NGINX ? '' : ' (SKIPPED: nginx is not installed; apt-get install nginx-light, or set NGINX_BIN)';
if (!NGINX)
  console.warn(
    `tests/build/nginx.test.ts: nginx not found${process.env['NGINX_BIN'] ? ` at NGINX_BIN=${process.env['NGINX_BIN']}` : ''}; the nginx tests are skipped`,
  );

const NODE = resolve('node_modules/.bin/node');
const PORT = 20000 + (process.pid % 20000);

/** Run one of the image-build scripts as the Dockerfile does. */
function script(name: string, args: string[]) {
  const r = spawnSync(NODE, [`src/server/${name}`, ...args], { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

/** A complete nginx.conf around the checked-in site config, with paths and port for this machine. */
function fullConfig(tmp: string, port: number): string {
  const site = readFileSync('src/server/nginx.conf', 'utf8')
    .replace('listen 8080;', `listen 127.0.0.1:${port};`)
    .replace('root /usr/share/nginx/html;', `root ${tmp}/html;`)
    .replaceAll('/etc/nginx/docker-basics/', `${tmp}/conf/`);
  const mime = existsSync('/etc/nginx/mime.types')
    ? 'include /etc/nginx/mime.types;'
    : 'types { text/html html; text/xml xml; text/css css; application/javascript js; }';
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${tmp}/${t};`).join('\n  ');
  return `daemon off;\nworker_processes 1;\npid ${tmp}/nginx.pid;\nerror_log ${tmp}/error.log warn;\nevents { worker_connections 64; }\nhttp {\n  ${mime}\n  default_type application/octet-stream;\n  access_log off;\n  ${temp}\n${site}\n}\n`;
}

/**
 * Prepare and start nginx for one build, as the image does: copy the site to html/<base>,
 * precompress it, generate the CSP map and base settings.
 */
function nginxSite(dist: string, base: string, port: number) {
  const state = { tmp: '', conf: '', root: '', origin: `http://127.0.0.1:${port}`, nginx: undefined as ChildProcess | undefined };
  beforeAll(async () => {
    expect(existsSync(join(dist, 'index.html')), `${dist}/ is missing: run npm run build:all first`).toBe(true);
    state.tmp = mkdtempSync(join(tmpdir(), 'docker-basics-nginx-'));
    // nginx's workers may run as another user (www-data when the tests run as root).
    chmodSync(state.tmp, 0o755);
    state.root = join(state.tmp, 'html', base);
    mkdirSync(join(state.tmp, 'conf'), { recursive: true });
    cpSync(dist, state.root, { recursive: true });
    const pre = script('precompress.ts', [state.root]);
    expect(pre.status, pre.out).toBe(0);
    const csp = script('nginx-csp.ts', [state.root, join(state.tmp, 'conf'), '--base', base]);
    expect(csp.status, csp.out).toBe(0);
    state.conf = join(state.tmp, 'nginx.conf');
    writeFileSync(state.conf, fullConfig(state.tmp, port));
    const t = spawnSync(NGINX!, ['-t', '-c', state.conf, '-p', state.tmp], { encoding: 'utf8' });
    expect(t.status, `nginx -t: ${t.stderr}`).toBe(0);
    expect(t.stderr).toMatch(/syntax is ok/);
    state.nginx = spawn(NGINX!, ['-c', state.conf, '-p', state.tmp], { stdio: ['ignore', 'ignore', 'pipe'] });
    for (let i = 0; i < 50; i++) {
      if (
        await fetch(`${state.origin}/`).then(
          () => true,
          () => false,
        )
      )
        return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`nginx did not start: ${existsSync(join(state.tmp, 'error.log')) ? readFileSync(join(state.tmp, 'error.log'), 'utf8') : ''}`);
  });
  afterAll(() => {
    state.nginx?.kill('SIGTERM');
    if (state.tmp) rmSync(state.tmp, { recursive: true, force: true });
  });
  const get = (path: string, encoding = 'gzip') => fetch(state.origin + path, { headers: { 'accept-encoding': encoding }, redirect: 'manual' });
  return { state, get };
}

describe.skipIf(!NGINX)(`nginx serving dist/ at /${SKIPPED}`, () => {
  const { state, get } = nginxSite(resolve('dist'), '/', PORT);

  it('serves pages from the precompressed .gz (gzip_static), revalidated, with the page CSP plus frame-ancestors', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    // On-the-fly gzip is chunked; gzip_static sends the .gz file with its length.
    expect(res.headers.get('content-length')).toBe(String(statSync(join(state.root, 'index.html.gz')).size));
    expect(res.headers.get('vary')).toMatch(/Accept-Encoding/i);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toBe(`${metaCsp(readFileSync(join(state.root, 'index.html'), 'utf8'))}; ${HEADER_ONLY}`);
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });

  it('the .gz files hold exactly the built files', () => {
    for (const file of ['index.html', 'commands/index.html', 'sitemap.xml']) {
      expect(gunzipSync(readFileSync(join(state.root, `${file}.gz`))).equals(readFileSync(join(state.root, file))), file).toBe(true);
    }
  });

  it('a client without gzip gets the plain file', async () => {
    const res = await get('/commands/', 'identity');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.text()).toBe(readFileSync(join(state.root, 'commands/index.html'), 'utf8'));
  });

  it('serves sitemap.xml compressed', async () => {
    const res = await get('/sitemap.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/xml/);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(await res.text()).toContain('<urlset');
  });

  it('caches hashed assets for a year, precompressed', async () => {
    const asset = readdirSync(join(state.root, '_astro')).find((f) => f.endsWith('.js'));
    expect(asset, 'no JS file in dist/_astro/').toBeDefined();
    const res = await get(`/_astro/${asset}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('content-length')).toBe(String(statSync(join(state.root, '_astro', `${asset}.gz`)).size));
  });

  it('serves the Pagefind files search needs', async () => {
    const js = await get('/pagefind/pagefind.js');
    expect(js.status).toBe(200);
    const wasm = readdirSync(join(state.root, 'pagefind')).find((f) => f.startsWith('wasm.') && !f.endsWith('.gz'));
    if (wasm) expect((await get(`/pagefind/${wasm}`)).status).toBe(200);
  });

  it("caches Pagefind's content-hashed files for a year, and revalidates its entry points", async () => {
    const fragment = readdirSync(join(state.root, 'pagefind', 'fragment')).find((f) => f.endsWith('.pf_fragment'));
    const meta = readdirSync(join(state.root, 'pagefind')).find((f) => f.endsWith('.pf_meta'));
    expect(fragment && meta, 'no Pagefind fragment or metadata in dist/pagefind/').toBeTruthy();
    for (const path of [`/pagefind/fragment/${fragment}`, `/pagefind/${meta}`]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    for (const path of ['/pagefind/pagefind.js', '/pagefind/pagefind-entry.json']) {
      expect((await get(path)).headers.get('cache-control'), path).toBe('no-cache');
    }
  });

  it('serves nothing through a symlink out of the site (disable_symlinks)', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'docker-basics-outside-'));
    chmodSync(outside, 0o755);
    writeFileSync(join(outside, 'index.html'), '<p>SECRET outside</p>');
    chmodSync(join(outside, 'index.html'), 0o644);
    symlinkSync(join(outside, 'index.html'), join(state.root, 'leak.html'));
    symlinkSync(outside, join(state.root, 'elsewhere'));
    try {
      for (const path of ['/leak.html', '/elsewhere/', '/elsewhere/index.html']) {
        const res = await get(path, 'identity');
        expect(res.status, path).toBe(404);
        expect(await res.text()).not.toContain('SECRET');
      }
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('answers a request for many ranges with the whole file (max_ranges 1)', async () => {
    const res = await fetch(`${state.origin}/sitemap.xml`, { headers: { 'accept-encoding': 'identity', range: 'bytes=0-1,3-4,6-7' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).not.toMatch(/multipart/);
    const one = await fetch(`${state.origin}/sitemap.xml`, { headers: { 'accept-encoding': 'identity', range: 'bytes=0-4' } });
    expect(one.status).toBe(206);
    expect(await one.text()).toBe('<?xml');
  });

  it('redirects a page without its trailing slash, relative to the host used', async () => {
    const res = await get('/commands');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/commands/');
  });

  it("shows every chapter's Markdown and llms.txt as UTF-8 text, with the types the Node server sends", async () => {
    const files = [
      ...readdirSync(state.root, { withFileTypes: true }).flatMap((d) =>
        d.isDirectory() && existsSync(join(state.root, d.name, 'index.md')) ? [`${d.name}/index.md`] : [],
      ),
      'llms.txt',
    ];
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const res = await get(`/${file}`, 'identity');
      expect(res.status, file).toBe(200);
      // A type the browser shows (not application/octet-stream, which it downloads), with the charset.
      expect(res.headers.get('content-type'), file).toBe(CONTENT_TYPES[extname(file)]);
      expect(await res.text(), file).toBe(readFileSync(join(state.root, file), 'utf8'));
    }
    expect(CONTENT_TYPES['.md']).toBe('text/markdown; charset=utf-8');
    expect(CONTENT_TYPES['.txt']).toBe('text/plain; charset=utf-8');
  });

  it('answers an unknown path with 404 and the 404 page', async () => {
    const res = await get('/no-such-page/');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Page not found');
    expect(res.headers.get('content-security-policy')).toContain(HEADER_ONLY);
  });
});

describe.skipIf(!NGINX)(`nginx serving dist-base/ at /docker-basics/ (BASE_PATH in the image)${SKIPPED}`, () => {
  const BASE = '/docker-basics/';
  const { state, get } = nginxSite(resolve('dist-base'), BASE, PORT + 1);

  it.each(['', 'commands/', 'explain/', 'what-is-docker/'])(`%s under the base gets its own page CSP, not the fallback`, async (page) => {
    const res = await get(BASE + page);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toBe(`${metaCsp(readFileSync(join(state.root, page, 'index.html'), 'utf8'))}; ${HEADER_ONLY}`);
    expect(csp).toMatch(/script-src[^;]*'sha256-/);
  });

  it('the base without its slash redirects to the base', async () => {
    const res = await get('/docker-basics');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(BASE);
  });

  it.each(['/', '/commands/', '/no-such-page/', `${BASE}no-such-page/`])('%s answers 404 with the site 404 page', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('Page not found');
    expect(html).toContain(`href="${BASE}search/"`);
  });

  it('hashed assets under the base are cached for a year', async () => {
    const asset = readdirSync(join(state.root, '_astro')).find((f) => f.endsWith('.js'));
    const res = await get(`${BASE}_astro/${asset}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('serves the sitemap under the base compressed', async () => {
    const res = await get(`${BASE}sitemap.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
  });
});

describe('image build: a base-path mismatch fails with a clear message (no nginx needed)', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'docker-basics-csp-'));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('a sub-path build with BASE_PATH=/ fails, naming both bases', () => {
    const r = script('nginx-csp.ts', ['dist-base', out, '--base', '/']);
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('dist-base was built for BASE_PATH=/docker-basics/ but the nginx config is being generated for BASE_PATH=/');
    expect(r.out).not.toMatch(/^\s+at /m);
    expect(existsSync(join(out, 'csp-map.conf'))).toBe(false);
  });

  it('a root build with BASE_PATH=/docker-basics/ fails', () => {
    const r = script('nginx-csp.ts', ['dist', out, '--base', '/docker-basics/']);
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('dist was built for BASE_PATH=/ but the nginx config is being generated for BASE_PATH=/docker-basics/');
  });

  it('a matching build writes the map with the base in every key, and the 404 page under the base', () => {
    const r = script('nginx-csp.ts', ['dist-base', out, '--base', '/docker-basics/']);
    expect(r.status, r.out).toBe(0);
    const map = readFileSync(join(out, 'csp-map.conf'), 'utf8');
    const keys = [...map.matchAll(/^"([^"]+)"/gm)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.filter((k) => !k.startsWith('/docker-basics/'))).toEqual([]);
    expect(keys).toContain('/docker-basics/commands/');
    expect(readFileSync(join(out, 'site.conf'), 'utf8')).toContain('error_page 404 /docker-basics/404.html;');
  });
});
