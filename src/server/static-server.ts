/**
 * A small static file server for the built site: used by `npm start`, the end-to-end tests and
 * the benchmark. Like the nginx image (see Dockerfile), it serves the site under its base path,
 * compresses text with gzip or Brotli, caches hashed assets for a year, answers unknown paths
 * with 404.html, and can send the CSP as a header (CSP_HEADER=1). It answers hostile requests as
 * nginx does (tests/build/static-server.test.ts): 400 for bad encoding or `..` above the root,
 * 405 for methods other than GET and HEAD, redirects only to paths on this host, q-values in
 * Accept-Encoding, and ETag/Last-Modified with 304 answers to revalidation. It never serves a file
 * whose real path (symlinks resolved) is outside --dir, sends nginx's security headers
 * (X-Frame-Options and frame-ancestors, Referrer-Policy, nosniff), and sends the `.br`/`.gz` twin
 * a build or src/server/precompress.ts wrote when it is as new as the file; anything else is
 * compressed once, off the main thread, so no request waits for another's Brotli.
 *
 *   node src/server/static-server.ts [--dir dist] [--port 4321] [--base /docker-basics/]
 *   PORT=8080 npm start        (the port: --port, else PORT, else 4321)
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { statSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { extname, join, resolve, sep } from 'node:path';
import { brotliCompress, gzip, constants } from 'node:zlib';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { HEADER_ONLY } from './nginx-csp.ts';
import { insideRoot } from './inside-root.ts';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Content-Type by file extension; nginx (src/server/nginx.conf) sends the same for .md and .txt (tests/build/nginx.test.ts). */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.txt', '.md', '.svg', '.wasm']);

/** The headers nginx adds to every answer (src/server/nginx.conf): no framing, no referrer, no sniffing. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};

/**
 * Files whose name changes with their content, cached for a year: Astro's `_astro/` assets and
 * Pagefind's index, fragments and metadata (`pagefind/…/en_3f2a9c1.pf_fragment`). Pagefind's
 * `pagefind.js`, `pagefind-entry.json` and WebAssembly keep their names, so they are revalidated.
 */
export function isImmutable(sitePath: string): boolean {
  return /(?:^|\/)_astro\//.test(sitePath) || /(?:^|\/)pagefind\/(?:.+\/)?[^/]+\.pf_(?:meta|index|fragment)$/.test(sitePath);
}

export interface ServeOptions {
  dir: string;
  port: number;
  host?: string;
  base?: string;
  /** Send the page's CSP meta content as a Content-Security-Policy header too. */
  cspHeader?: boolean;
}

type Encoding = 'br' | 'gzip';

/**
 * The encoding to send, from Accept-Encoding with its q-values (RFC 9110 12.5.3): `gzip;q=0`
 * refuses gzip, `*` stands for any encoding not named. Brotli wins a tie.
 */
export function encodingFor(accept: string): Encoding | undefined {
  const q = new Map<string, number>();
  for (const part of accept.toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim());
    if (!name) continue;
    const qp = params.find((p) => /^q\s*=/.test(p));
    const value = qp ? Number(qp.replace(/^q\s*=\s*/, '')) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weight = (enc: Encoding) => q.get(enc) ?? q.get('*') ?? 0;
  const best = (['br', 'gzip'] as const).filter((e) => weight(e) > 0).sort((a, b) => weight(b) - weight(a))[0];
  return best;
}

/**
 * The request path decoded and normalised like nginx does: `%2F` and `%2E` decoded, repeated
 * slashes merged, `.` and `..` resolved. Undefined for a path nginx answers with 400: bad
 * percent-encoding or UTF-8, a NUL byte, or `..` above the root.
 */
export function normalisePath(rawPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0')) return undefined;
  const out: string[] = [];
  const parts = decoded.split('/');
  for (const part of parts.slice(1)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (!out.length) return undefined;
      out.pop();
    } else out.push(part);
  }
  const last = parts[parts.length - 1];
  const dirLike = last === '' || last === '.' || last === '..';
  return '/' + out.join('/') + (out.length && dirLike ? '/' : '');
}

/** Re-encode a normalised path for a Location header (one segment at a time, slashes kept). */
const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

async function fileFor(root: string, realRoot: string, path: string): Promise<string | undefined> {
  const target = resolve(root, '.' + path);
  // Belt and braces after normalisePath: never leave root (a sibling "dist-base" starts with "dist").
  if (target !== root && !target.startsWith(root + sep)) return undefined;
  try {
    const s = await stat(target);
    const file = s.isDirectory() ? join(target, 'index.html') : target;
    if (file !== target && !(await stat(file).catch(() => undefined))?.isFile()) return undefined;
    if (file === target && !s.isFile()) return undefined;
    // A symlink (the file or any folder above it) that leads outside --dir is not served.
    return insideRoot(await realpath(file), realRoot) ? file : undefined;
  } catch {
    return undefined;
  }
}

/** Does an If-None-Match header list this ETag (weak comparison, as for GET)? */
function etagMatches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  const strip = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => strip(t) === strip(etag));
}

/** The folder to serve, or an error naming --dir when it is missing or not a folder. */
function siteRoot(dir: string): string {
  const s = (() => {
    try {
      return statSync(dir);
    } catch {
      return undefined;
    }
  })();
  if (!s) throw new Error(`--dir ${dir} does not exist: build the site first (npm run build), or pass the folder that holds it`);
  if (!s.isDirectory()) throw new Error(`--dir ${dir} is not a folder: pass the folder that holds the built site (dist)`);
  return resolve(dir);
}

export async function startServer(opts: ServeOptions): Promise<Server> {
  const root = siteRoot(opts.dir);
  const realRoot = await realpath(root);
  const base = (opts.base ?? '/').replace(/\/?$/, '/');
  /** Compressions in progress or done, keyed by encoding, file and its mtime (a rebuild while serving is picked up). */
  const cache = new Map<string, Promise<Buffer>>();
  const plain = (res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)), ...SECURITY_HEADERS, ...headers });
    res.end(text);
  };
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
    // Not new URL(): it would read "//evil.example/x" as a host.
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
    const search = q < 0 ? '' : rawUrl.slice(q);
    const normal = normalisePath(rawPath);
    if (normal === undefined) return plain(res, 400, 'Bad Request\n');
    if (`${normal}/` === base) return redirect(res, base + search);
    if (!normal.startsWith(base)) return notFound(res, req);
    const pathname = normal.slice(base.length - 1) || '/';
    const file = await fileFor(root, realRoot, pathname);
    if (file && !pathname.endsWith('/') && file.endsWith('index.html') && !pathname.endsWith('.html')) {
      return redirect(res, `${encodePath(normal)}/${search}`);
    }
    if (!file) return notFound(res, req);
    return send(res, req, 200, file, pathname);
  };
  async function notFound(res: ServerResponse, req: IncomingMessage): Promise<void> {
    const page = await fileFor(root, realRoot, '/404.html');
    if (!page) return plain(res, 404, 'Not found\n');
    return send(res, req, 404, page, '/404.html');
  }
  function redirect(res: ServerResponse, location: string): void {
    // Always a path on this host: one leading slash, never "//host".
    res.writeHead(301, { Location: location.replace(/^\/+/, '/'), 'Content-Length': '0', ...SECURITY_HEADERS });
    res.end();
  }
  /** The compressed body: the build's `.br`/`.gz` twin when it is as new as the file, else compressed once off the main thread. */
  function packed(file: string, body: Buffer, mtimeMs: number, enc: Encoding): Promise<Buffer> {
    const key = `${enc}:${mtimeMs}:${file}`;
    let job = cache.get(key);
    if (!job) {
      const twin = `${file}.${enc === 'br' ? 'br' : 'gz'}`;
      job = (async () => {
        const t = await stat(twin).catch(() => undefined);
        if (t?.isFile() && Math.floor(t.mtimeMs / 1000) >= Math.floor(mtimeMs / 1000) && insideRoot(await realpath(twin), realRoot)) return readFile(twin);
        return enc === 'br' ? brotliAsync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : gzipAsync(body, { level: 9 });
      })();
      job.catch(() => cache.delete(key));
      cache.set(key, job);
    }
    return job;
  }
  async function send(res: ServerResponse, req: IncomingMessage, status: number, file: string, sitePath: string): Promise<void> {
    let body: Buffer;
    let mtime: Date;
    try {
      [body, mtime] = await Promise.all([readFile(file), stat(file).then((s) => s.mtime)]);
    } catch {
      return plain(res, status, 'Not found\n');
    }
    const ext = extname(file);
    const headers: Record<string, string> = { 'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream', Vary: 'Accept-Encoding', ...SECURITY_HEADERS };
    headers['Cache-Control'] = status === 200 && isImmutable(sitePath) ? 'public, max-age=31536000, immutable' : 'no-cache';
    // As nginx: the page's own policy plus what only a header can say (frame-ancestors), or that alone.
    const csp = opts.cspHeader && ext === '.html' ? /http-equiv="content-security-policy" content="([^"]+)"/.exec(body.toString('utf8'))?.[1] : undefined;
    headers['Content-Security-Policy'] = csp ? `${csp.replace(/&#39;/g, "'").trim().replace(/;\s*$/, '')}; ${HEADER_ONLY}` : HEADER_ONLY;
    const enc = COMPRESSIBLE.has(ext) ? encodingFor(String(req.headers['accept-encoding'] ?? '')) : undefined;
    if (status === 200) {
      // One ETag per representation: the content hash, plus the encoding for a compressed body.
      const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
      headers['ETag'] = `"${hash}${enc ? `-${enc}` : ''}"`;
      const seconds = new Date(Math.floor(mtime.getTime() / 1000) * 1000);
      headers['Last-Modified'] = seconds.toUTCString();
      const inm = req.headers['if-none-match'];
      const ims = Date.parse(String(req.headers['if-modified-since'] ?? ''));
      const fresh = inm !== undefined ? etagMatches(inm, headers['ETag']) : Number.isFinite(ims) && seconds.getTime() <= ims;
      if (fresh) {
        delete headers['Content-Type'];
        res.writeHead(304, headers);
        res.end();
        return;
      }
    }
    if (enc) {
      body = await packed(file, body, mtime.getTime(), enc);
      headers['Content-Encoding'] = enc;
    }
    headers['Content-Length'] = String(body.length);
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }
  const server = createServer((req, res) => {
    handler(req, res).catch((e: unknown) => {
      // The error goes to the server's log, never to the client.
      console.error(`static-server: ${req.method} ${req.url}:`, e);
      if (!res.headersSent) plain(res, 500, 'Internal Server Error\n');
      else res.destroy();
    });
  });
  const host = opts.host ?? '127.0.0.1';
  return new Promise((ok, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') fail(new PortInUseError(opts.port, host));
      else if (e.code === 'EACCES')
        fail(new Error(`Not allowed to listen on port ${opts.port} on ${host} (ports below 1024 need root): pick another, e.g. PORT=8080 npm start`));
      else fail(e);
    });
    server.listen(opts.port, host, () => ok(server));
  });
}

/** Another program (often a second `npm start`) already listens on the port. */
export class PortInUseError extends Error {
  readonly port: number;
  readonly host: string;
  constructor(port: number, host: string) {
    super(
      `port ${port} on ${host} is already in use (another \`npm start\` or dev server?). Stop that program, ` +
        `or pick another port: PORT=${port === 4321 ? 4322 : port + 1} npm start (or --port with npm run serve -- --port N)`,
    );
    this.name = 'PortInUseError';
    this.port = port;
    this.host = host;
  }
}

/** A TCP port from PORT= or --port, or an error naming where the bad value came from. */
export function parsePort(value: string, from: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new Error(`${from}=${value} is not a port number (0 to 65535), e.g. ${from}=8080`);
  return port;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const { values } = parseArgs({
      options: {
        dir: { type: 'string', default: 'dist' },
        port: { type: 'string' },
        host: { type: 'string', default: '127.0.0.1' },
        base: { type: 'string', default: process.env['BASE_PATH'] || '/' },
        'csp-header': { type: 'boolean', default: process.env['CSP_HEADER'] === '1' },
      },
    });
    const port = values.port !== undefined ? parsePort(values.port, '--port') : process.env['PORT'] ? parsePort(process.env['PORT'], 'PORT') : 4321;
    const server = await startServer({ dir: values.dir, port, host: values.host, base: values.base, cspHeader: values['csp-header'] });
    const actual = (server.address() as AddressInfo).port;
    console.log(`Serving ${values.dir} at http://${values.host === '127.0.0.1' ? 'localhost' : values.host}:${actual}${values.base}`);
  } catch (e) {
    console.error(`static-server: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
