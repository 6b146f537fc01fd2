/**
 * Precompresses the built site for nginx's `gzip_static` (and `brotli_static`, where the nginx
 * has the ngx_brotli module: the nginx:alpine image does not): writes `file.gz` (and with
 * --brotli `file.br`) next to every text file, so nginx sends the file as it is instead of
 * compressing each response. Only when the compressed file is smaller; its mtime is the
 * original's, so Last-Modified does not change. Used by the Dockerfile after `npm run build`:
 *
 *   node src/server/precompress.ts dist [--brotli]
 *
 * Symlinks are never followed (src/server/inside-root.ts): a linked folder is neither walked nor
 * written into, so a link to `/etc` gets no `.gz` files and a link to `.` cannot loop.
 *
 * Checked by tests/build/nginx.test.ts (a real nginx serves the .gz with its length) and
 * tests/build/static-server.test.ts (links out of the folder).
 */
import { lstatSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { filesInside } from './inside-root.ts';

/** Text files worth compressing. Pagefind's index and fragments are gzipped by Pagefind already. */
export const PRECOMPRESSED = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.txt', '.svg', '.wasm', '.webmanifest']);
/** Below this nginx's on-the-fly gzip would not compress either (gzip_min_length). */
const MIN_BYTES = 256;

export interface PrecompressResult {
  files: number;
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

export function precompress(dir: string, opts: { brotli?: boolean } = {}): PrecompressResult {
  const result: PrecompressResult = { files: 0, bytes: 0, gzipBytes: 0, brotliBytes: 0 };
  for (const [folder, name] of filesInside(dir)) {
    if (!PRECOMPRESSED.has(extname(name))) continue;
    const file = join(folder, name);
    const body = readFileSync(file);
    if (body.length < MIN_BYTES) continue;
    const { atime, mtime } = statSync(file);
    const outputs: Array<[string, Buffer]> = [[`${file}.gz`, gzipSync(body, { level: 9 })]];
    if (opts.brotli) outputs.push([`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })]);
    let wrote = false;
    for (const [out, packed] of outputs) {
      // Never write through a link someone left in place of the twin.
      if (packed.length >= body.length || lstatSync(out, { throwIfNoEntry: false })?.isSymbolicLink()) continue;
      writeFileSync(out, packed);
      utimesSync(out, atime, mtime);
      if (out.endsWith('.gz')) result.gzipBytes += packed.length;
      else result.brotliBytes += packed.length;
      wrote = true;
    }
    if (wrote) {
      result.files++;
      result.bytes += body.length;
    }
  }
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { brotli: { type: 'boolean', default: false } } });
  const dir = positionals[0] ?? 'dist';
  try {
    const r = precompress(dir, { brotli: values.brotli });
    if (r.files === 0) throw new Error(`no text file to compress in ${dir}/: build the site first (npm run build)`);
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
    console.log(
      `Precompressed ${r.files} files in ${dir}/: ${kb(r.bytes)} -> ${kb(r.gzipBytes)} gzip` + (values.brotli ? `, ${kb(r.brotliBytes)} Brotli` : ''),
    );
  } catch (e) {
    console.error(`precompress: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
