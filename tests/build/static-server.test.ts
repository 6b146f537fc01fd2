/**
 * The development server (src/server/static-server.ts, used by `npm start`, the e2e tests and the
 * benchmark) answers hostile and unusual requests the way nginx does. Requests are sent raw with
 * node:http, so the path reaches the server exactly as written (fetch would normalise it).
 * The site is a tiny fixture written to a temporary folder, with a sibling folder next to it that
 * must never be served.
 */
import { spawn } from 'node:child_process';
import { request, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/static-server.ts';
import { precompress } from '../../src/server/precompress.ts';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

let tmp: string;
let server: Server;
let baseServer: Server;
const PAGE = `<!doctype html><html><head><title>Commands</title></head><body>${'<p>docker run --rm hello-world</p>'.repeat(40)}</body></html>`;

function raw(srv: Server, path: string, method = 'GET', headers: Record<string, string> = {}): Promise<Answer> {
  const { port } = srv.address() as AddressInfo;
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { 'accept-encoding': 'identity', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'docker-basics-static-'));
  const site = join(tmp, 'dist');
  for (const dir of ['commands', '_astro']) mkdirSync(join(site, dir), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>Home</title><p>Home page</p>');
  writeFileSync(join(site, '404.html'), '<!doctype html><title>Not found</title><p>Page not found</p>');
  writeFileSync(join(site, 'commands', 'index.html'), PAGE);
  writeFileSync(join(site, '_astro', 'site.abc123.js'), 'console.log("site");'.repeat(30));
  // A sibling folder whose name starts with the site folder's name: must stay out of reach.
  mkdirSync(join(tmp, 'dist-base'));
  writeFileSync(join(tmp, 'dist-base', 'sitemap.xml'), '<urlset>SECRET sibling</urlset>');
  writeFileSync(join(tmp, 'secret.txt'), 'SECRET parent');
  // Links: out of the site (a file, a folder, the parent) and one that stays inside.
  mkdirSync(join(tmp, 'outside'));
  writeFileSync(join(tmp, 'outside', 'index.html'), '<p>SECRET outside folder</p>');
  symlinkSync(join(tmp, 'secret.txt'), join(site, 'leak.txt'));
  symlinkSync(join(tmp, 'outside'), join(site, 'elsewhere'));
  symlinkSync('..', join(site, 'up'));
  symlinkSync('index.html', join(site, 'home.html'));
  // Pagefind's content-hashed files and its fixed-name entry point.
  mkdirSync(join(site, 'pagefind', 'fragment'), { recursive: true });
  writeFileSync(join(site, 'pagefind', 'fragment', 'en_1b7533c.pf_fragment'), 'fragment');
  writeFileSync(join(site, 'pagefind', 'pagefind.en_c7ea749f99.pf_meta'), 'meta');
  writeFileSync(join(site, 'pagefind', 'pagefind-entry.json'), '{}');
  const old = new Date('2026-01-01T00:00:00Z');
  utimesSync(join(site, 'commands', 'index.html'), old, old);
  server = await startServer({ dir: site, port: 0 });
  baseServer = await startServer({ dir: site, port: 0, base: '/docker-basics/' });
});

afterAll(async () => {
  await Promise.all([server, baseServer].map((s) => s && new Promise<void>((ok) => s.close(() => ok()))));
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('paths that try to leave --dir or the host', () => {
  const escapes = [
    '/..%2fdist-base%2fsitemap.xml',
    '/..%2f..%2f' + 'dist-base/sitemap.xml',
    '/%2e%2e/dist-base/sitemap.xml',
    '/../secret.txt',
    '/commands/..%2f..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
  ];
  it.each(escapes)('%s is refused (400 like nginx) and shows nothing outside --dir', async (path) => {
    const res = await raw(server, path);
    expect(res.status).toBe(400);
    expect(res.body.toString()).not.toContain('SECRET');
  });

  it('/..%2fcommands under a base path cannot reach outside it either', async () => {
    const res = await raw(baseServer, '/docker-basics/..%2f..%2fdist-base%2fsitemap.xml');
    expect(res.status).toBe(400);
    expect(res.body.toString()).not.toContain('SECRET');
  });

  it('a NUL byte in the path is refused', async () => {
    expect((await raw(server, '/commands%00/index.html')).status).toBe(400);
  });

  const offHost = ['/.//evil.example/..%2fcommands', '//evil.example/..%2fcommands', '/.%2f%2fevil.example%2f..%2fcommands', '//commands'];
  it.each(offHost)('%s redirects only to a path on this host', async (path) => {
    const res = await raw(server, path);
    expect(res.status).toBe(301);
    const location = res.headers.location ?? '';
    expect(location).toBe('/commands/');
    // A browser resolves the Location against the page: it must stay on 127.0.0.1.
    expect(new URL(location, 'http://127.0.0.1/x/').host).toBe('127.0.0.1');
  });

  it('a directory without its slash redirects to the same path with the slash (query kept)', async () => {
    const res = await raw(server, '/commands?x=1');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/commands/?x=1');
  });

  it('the base path without its slash redirects to the base path', async () => {
    const res = await raw(baseServer, '/docker-basics');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/docker-basics/');
  });
});

describe('symlinks (compared by real path)', () => {
  it.each(['/leak.txt', '/elsewhere/', '/elsewhere/index.html', '/up/secret.txt', '/up/dist-base/sitemap.xml'])(
    '%s, through a link that leaves --dir, is a 404 showing nothing outside',
    async (path) => {
      const res = await raw(server, path);
      expect(res.status).toBe(404);
      expect(res.body.toString()).not.toContain('SECRET');
      expect(res.body.toString()).toContain('Page not found');
    },
  );

  it('a link that stays inside --dir is served', async () => {
    const res = await raw(server, '/home.html');
    expect(res.status).toBe(200);
    expect(res.body.toString()).toContain('Home page');
  });
});

describe('headers nginx sends too', () => {
  it.each(['/commands/', '/no-such-page/', '/_astro/site.abc123.js'])('%s: no framing, no referrer, no sniffing', async (path) => {
    const res = await raw(server, path);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('with the CSP as a header, a page gets its own policy plus frame-ancestors', async () => {
    const dir = join(tmp, 'csp-site');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.html'), `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self'"><p>x</p>`);
    const s = await startServer({ dir, port: 0, cspHeader: true });
    try {
      const res = await raw(s, '/');
      expect(res.headers['content-security-policy']).toBe("default-src 'self'; script-src 'self'; frame-ancestors 'none'");
    } finally {
      await new Promise<void>((ok) => s.close(() => ok()));
    }
  });

  it.each([
    ['/pagefind/fragment/en_1b7533c.pf_fragment', 'public, max-age=31536000, immutable'],
    ['/pagefind/pagefind.en_c7ea749f99.pf_meta', 'public, max-age=31536000, immutable'],
    ['/pagefind/pagefind-entry.json', 'no-cache'],
    ['/_astro/site.abc123.js', 'public, max-age=31536000, immutable'],
  ])('%s is cached as %s', async (path, cacheControl) => {
    const res = await raw(server, path);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe(cacheControl);
  });
});

describe('precompressed files', () => {
  let dir: string;
  let s: Server;
  const text = (marker: string) => `<!doctype html><title>${marker}</title>${'<p>docker compose up --build</p>'.repeat(50)}`;
  beforeAll(async () => {
    dir = join(tmp, 'packed');
    mkdirSync(join(dir, 'fresh'), { recursive: true });
    mkdirSync(join(dir, 'stale'), { recursive: true });
    const when = new Date('2026-03-01T00:00:00Z');
    writeFileSync(join(dir, 'fresh', 'index.html'), text('fresh'));
    utimesSync(join(dir, 'fresh', 'index.html'), when, when);
    // Twins the build wrote, marked so that a response from them can be told apart.
    writeFileSync(join(dir, 'fresh', 'index.html.br'), brotliCompressSync(text('from the .br file')));
    writeFileSync(join(dir, 'fresh', 'index.html.gz'), gzipSync(text('from the .gz file')));
    for (const twin of ['br', 'gz']) utimesSync(join(dir, 'fresh', `index.html.${twin}`), when, when);
    // A twin older than its file (the file was rebuilt since) is not used.
    writeFileSync(join(dir, 'stale', 'index.html'), text('rebuilt'));
    writeFileSync(join(dir, 'stale', 'index.html.gz'), gzipSync(text('old build')));
    utimesSync(join(dir, 'stale', 'index.html.gz'), new Date('2025-01-01'), new Date('2025-01-01'));
    // A large file nobody precompressed.
    writeFileSync(join(dir, 'big.js'), Array.from({ length: 25_000 }, (_, i) => `const v${i} = "${(i * 7919).toString(36)}";`).join('\n'));
    writeFileSync(join(dir, 'small.txt'), 'small '.repeat(100));
    s = await startServer({ dir, port: 0 });
  });
  afterAll(() => new Promise<void>((ok) => s.close(() => ok())));

  it('sends the .br and .gz files the build wrote, not a new compression', async () => {
    const br = await raw(s, '/fresh/', 'GET', { 'accept-encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toContain('from the .br file');
    const gz = await raw(s, '/fresh/', 'GET', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toContain('from the .gz file');
  });

  it('ignores a twin older than its file', async () => {
    const gz = await raw(s, '/stale/', 'GET', { 'accept-encoding': 'gzip' });
    expect(gunzipSync(gz.body).toString()).toBe(text('rebuilt'));
  });

  it('a request for a small file does not wait while a large one is compressed', async () => {
    const order: string[] = [];
    const big = raw(s, '/big.js', 'GET', { 'accept-encoding': 'br' }).then((r) => (order.push('big'), r));
    // Sent after the large one has reached the server.
    await new Promise((r) => setTimeout(r, 50));
    const small = raw(s, '/small.txt', 'GET', { 'accept-encoding': 'identity' }).then((r) => (order.push('small'), r));
    const [b, sm] = await Promise.all([big, small]);
    expect(sm.status).toBe(200);
    expect(b.headers['content-encoding']).toBe('br');
    expect(order).toEqual(['small', 'big']);
  });
});

describe('precompress.ts and symlinks', () => {
  it('writes no file through a link out of the folder and does not loop on a link to .', () => {
    const dir = join(tmp, 'pre');
    const away = join(tmp, 'pre-away');
    mkdirSync(join(dir, 'docs'), { recursive: true });
    mkdirSync(away);
    writeFileSync(join(away, 'passwd.txt'), 'x'.repeat(2000));
    writeFileSync(join(dir, 'docs', 'index.html'), '<p>page</p>'.repeat(200));
    symlinkSync(away, join(dir, 'etc'));
    symlinkSync('.', join(dir, 'docs', 'self'));
    symlinkSync(join(away, 'passwd.txt'), join(dir, 'passwd.txt'));
    const r = precompress(dir);
    expect(r.files).toBe(1);
    expect(existsSync(join(dir, 'docs', 'index.html.gz'))).toBe(true);
    expect(readdirSync(away)).toEqual(['passwd.txt']);
    expect(existsSync(join(dir, 'passwd.txt.gz'))).toBe(false);
    expect(statSync(join(dir, 'docs', 'index.html.gz')).mtimeMs).toBeGreaterThan(0);
  });
});

describe('malformed requests', () => {
  it.each(['/%E0%A4%A', '/%', '/%zz/', '/commands/%C0%AF'])('%s answers 400 without an error text', async (path) => {
    const res = await raw(server, path);
    expect(res.status).toBe(400);
    expect(res.body.toString()).not.toMatch(/URIError|Error:|at .*\.ts/);
  });
});

describe('methods', () => {
  it.each(['POST', 'DELETE', 'PUT', 'PATCH'])('%s answers 405 with Allow: GET, HEAD', async (method) => {
    const res = await raw(server, '/commands/', method);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
  });

  it('HEAD answers like GET without a body', async () => {
    const get = await raw(server, '/commands/', 'GET', { 'accept-encoding': 'gzip' });
    const head = await raw(server, '/commands/', 'HEAD', { 'accept-encoding': 'gzip' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
    expect(head.headers['content-encoding']).toBe('gzip');
    expect(head.headers.etag).toBe(get.headers.etag);
  });
});

describe('Accept-Encoding with q-values', () => {
  const cases: Array<[string, string | undefined]> = [
    ['gzip', 'gzip'],
    ['gzip;q=0', undefined],
    ['gzip; q=0.0, identity', undefined],
    ['br;q=0, gzip', 'gzip'],
    ['br, gzip', 'br'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['*', 'br'],
    ['*;q=0', undefined],
    ['br;q=0, *', 'gzip'],
    ['identity', undefined],
    ['GZIP', 'gzip'],
    ['x-gzip-ish', undefined],
  ];
  it.each(cases)('Accept-Encoding: %s → %s', async (accept, expected) => {
    const res = await raw(server, '/commands/', 'GET', { 'accept-encoding': accept });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe(expected);
    if (expected === 'gzip') expect(gunzipSync(res.body).toString()).toBe(PAGE);
    if (!expected) expect(res.body.toString()).toBe(PAGE);
  });
});

describe('revalidation: ETag and Last-Modified', () => {
  it('a page carries an ETag, a Last-Modified date and no-cache', async () => {
    const res = await raw(server, '/commands/');
    expect(res.headers.etag).toMatch(/^"[^"]+"$/);
    expect(res.headers['last-modified']).toBe('Thu, 01 Jan 2026 00:00:00 GMT');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('If-None-Match with the current ETag answers 304 with no body', async () => {
    for (const enc of ['identity', 'gzip', 'br']) {
      const first = await raw(server, '/commands/', 'GET', { 'accept-encoding': enc });
      const again = await raw(server, '/commands/', 'GET', { 'accept-encoding': enc, 'if-none-match': first.headers.etag! });
      expect(again.status, enc).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers.etag).toBe(first.headers.etag);
    }
  });

  it('the compressed and the plain response have different ETags', async () => {
    const plain = await raw(server, '/commands/', 'GET', { 'accept-encoding': 'identity' });
    const gzip = await raw(server, '/commands/', 'GET', { 'accept-encoding': 'gzip' });
    expect(plain.headers.etag).not.toBe(gzip.headers.etag);
  });

  it('If-None-Match in a list, or weak, also matches; a stale one gets the file', async () => {
    const { headers } = await raw(server, '/commands/');
    expect((await raw(server, '/commands/', 'GET', { 'if-none-match': `"old", W/${headers.etag}` })).status).toBe(304);
    const stale = await raw(server, '/commands/', 'GET', { 'if-none-match': '"old"' });
    expect(stale.status).toBe(200);
    expect(stale.body.toString()).toBe(PAGE);
  });

  it('If-Modified-Since at or after the file date answers 304; before it, the file', async () => {
    expect((await raw(server, '/commands/', 'GET', { 'if-modified-since': 'Thu, 01 Jan 2026 00:00:00 GMT' })).status).toBe(304);
    expect((await raw(server, '/commands/', 'GET', { 'if-modified-since': 'Wed, 31 Dec 2025 23:59:59 GMT' })).status).toBe(200);
    expect((await raw(server, '/commands/', 'GET', { 'if-modified-since': 'not a date' })).status).toBe(200);
  });

  it('the 404 page is never a 304', async () => {
    const res = await raw(server, '/no-such-page/', 'GET', { 'if-none-match': '*' });
    expect(res.status).toBe(404);
    expect(res.body.toString()).toContain('Page not found');
  });
});

describe('the command line (npm start / npm run serve)', () => {
  const NODE = resolve('node_modules/.bin/node');
  /** Run the server's command line until it prints its address or exits. */
  function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; kill: () => void }> {
    return new Promise((ok) => {
      const child = spawn(NODE, ['src/server/static-server.ts', '--dir', join(tmp, 'dist'), ...args], {
        env: { ...process.env, PORT: '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      const kill = () => child.kill('SIGTERM');
      const onData = (d: Buffer) => {
        out += d.toString();
        if (/Serving /.test(out)) ok({ code: null, out, kill });
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', (code) => ok({ code, out, kill }));
    });
  }
  const freePort = () =>
    new Promise<number>((ok) => {
      const s = createTcpServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as AddressInfo;
        s.close(() => ok(port));
      });
    });

  it('a port in use ends with which port and how to pick another, not a stack trace', async () => {
    const blocker = createTcpServer();
    await new Promise<void>((ok) => blocker.listen(0, '127.0.0.1', () => ok()));
    const { port } = blocker.address() as AddressInfo;
    try {
      const r = await run(['--port', String(port)]);
      expect(r.code, r.out).toBe(1);
      expect(r.out).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(r.out).toMatch(/PORT=\d+ npm start/);
      expect(r.out).not.toMatch(/^\s+at /m);
    } finally {
      blocker.close();
    }
  });

  it('PORT= picks the port when --port is not given', async () => {
    const port = await freePort();
    const r = await run([], { PORT: String(port) });
    try {
      expect(r.out).toContain(`http://localhost:${port}/`);
      const res = await new Promise<number>((ok, fail) =>
        request({ host: '127.0.0.1', port, path: '/' }, (x) => {
          x.resume();
          ok(x.statusCode ?? 0);
        })
          .on('error', fail)
          .end(),
      );
      expect(res).toBe(200);
    } finally {
      r.kill();
    }
  });

  it('a --dir that does not exist is named, and nothing starts', async () => {
    const child = spawn(NODE, ['src/server/static-server.ts', '--dir', join(tmp, 'no-such-dist'), '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 10_000,
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((ok) => child.on('exit', ok));
    expect(code).toBe(1);
    expect(out).toContain(`--dir ${join(tmp, 'no-such-dist')} does not exist`);
    expect(out).not.toContain('Serving');
  });

  it('a PORT that is not a port number is named', async () => {
    const r = await run([], { PORT: 'eighty' });
    expect(r.code).toBe(1);
    expect(r.out).toContain('PORT=eighty is not a port number');
  });
});
