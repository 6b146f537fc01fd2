/**
 * A small static file server for the built site: used by `npm start`, the end-to-end tests and
 * the benchmark. Like the nginx image (see Dockerfile), it serves the site under its base path,
 * compresses text with gzip or Brotli, caches hashed assets for a year, answers unknown paths
 * with 404.html, and can send the CSP as a header (CSP_HEADER=1).
 *
 *   node src/server/static-server.ts [--dir dist] [--port 4321] [--base /docker-basics/]
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.txt', '.svg', '.wasm']);

export interface ServeOptions {
  dir: string;
  port: number;
  host?: string;
  base?: string;
  /** Send the page's CSP meta content as a Content-Security-Policy header too. */
  cspHeader?: boolean;
}

function encodingFor(req: IncomingMessage): 'br' | 'gzip' | undefined {
  const accept = String(req.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accept)) return 'br';
  if (/\bgzip\b/.test(accept)) return 'gzip';
  return undefined;
}

async function fileFor(root: string, path: string): Promise<string | undefined> {
  const target = normalize(join(root, path));
  if (!target.startsWith(root)) return undefined;
  try {
    const s = await stat(target);
    if (s.isDirectory()) {
      const index = join(target, 'index.html');
      return (await stat(index).catch(() => undefined))?.isFile() ? index : undefined;
    }
    return s.isFile() ? target : undefined;
  } catch {
    return undefined;
  }
}

export function startServer(opts: ServeOptions): Promise<Server> {
  const root = resolve(opts.dir);
  const base = (opts.base ?? '/').replace(/\/?$/, '/');
  const cache = new Map<string, Buffer>();
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(base) && `${pathname}/` !== base) return send(res, req, 404, join(root, '404.html'));
    pathname = pathname.slice(base.length - 1) || '/';
    const file = await fileFor(root, pathname);
    if (file && !pathname.endsWith('/') && file.endsWith('index.html') && !pathname.endsWith('.html')) {
      res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
      res.end();
      return;
    }
    if (!file) return send(res, req, 404, join(root, '404.html'));
    return send(res, req, 200, file);
  };
  async function send(res: ServerResponse, req: IncomingMessage, status: number, file: string): Promise<void> {
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      res.writeHead(status, { 'Content-Type': 'text/plain' });
      res.end('Not found');
      return;
    }
    const ext = extname(file);
    const headers: Record<string, string> = { 'Content-Type': TYPES[ext] ?? 'application/octet-stream', Vary: 'Accept-Encoding' };
    headers['Cache-Control'] = file.includes(`${'/'}_astro${'/'}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
    if (opts.cspHeader && ext === '.html') {
      const csp = /http-equiv="content-security-policy" content="([^"]+)"/.exec(body.toString('utf8'))?.[1];
      if (csp) headers['Content-Security-Policy'] = csp.replace(/&#39;/g, "'");
    }
    const enc = COMPRESSIBLE.has(ext) ? encodingFor(req) : undefined;
    if (enc) {
      const key = `${enc}:${file}`;
      let packed = cache.get(key);
      if (!packed) {
        packed = enc === 'br' ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : gzipSync(body, { level: 9 });
        cache.set(key, packed);
      }
      body = packed;
      headers['Content-Encoding'] = enc;
    }
    headers['Content-Length'] = String(body.length);
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }
  const server = createServer((req, res) => {
    handler(req, res).catch((e: unknown) => {
      res.writeHead(500);
      res.end(String(e));
    });
  });
  return new Promise((ok) => server.listen(opts.port, opts.host ?? '127.0.0.1', () => ok(server)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      port: { type: 'string', default: '4321' },
      host: { type: 'string', default: '127.0.0.1' },
      base: { type: 'string', default: process.env['BASE_PATH'] ?? '/' },
      'csp-header': { type: 'boolean', default: process.env['CSP_HEADER'] === '1' },
    },
  });
  const port = Number(values.port);
  await startServer({ dir: values.dir, port, host: values.host, base: values.base, cspHeader: values['csp-header'] });
  console.log(`Serving ${values.dir} at http://${values.host === '127.0.0.1' ? 'localhost' : values.host}:${port}${values.base}`);
}
