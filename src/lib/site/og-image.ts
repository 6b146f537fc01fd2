/**
 * The link-preview card of a page (og:image): an SVG template with the page title, rendered to a
 * 1200 x 630 PNG at build time by resvg, with the Inter font shipped in node_modules (no system
 * fonts, so every machine renders the same card).
 *
 * resvg runs as WebAssembly (`@resvg/resvg-wasm`), not as the native `@resvg/resvg-js` addon: the
 * addon's pixmaps and font databases live outside the JS heap and are freed only when V8 happens
 * to collect their wrappers, so a build with hundreds of cards piled up hundreds of MiB (the
 * bench's scaled build). Here every render is freed at once and reuses one wasm memory.
 *
 * A card is made once: its PNG is kept under the build cache (`<cacheDir>/og/`), named by a hash
 * of its SVG, the resvg and font versions, so a build renders only the cards whose title or kicker
 * changed. resvg only rasterises; the PNG is encoded by Node's zlib (encodePng), which costs a
 * third of the CPU time of resvg-wasm's own encoder (about half of a card's time).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { escapeHtml } from '../reference/commands.ts';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

const require = createRequire(import.meta.url);
const WASM_FILE = '@resvg/resvg-wasm/index_bg.wasm';
const FONT_FILES = ['@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf', '@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'];

let ready: Promise<Uint8Array[]> | undefined;
/** Compile resvg's wasm and read the fonts, once per process. */
function renderer(): Promise<Uint8Array[]> {
  ready ??= initWasm(readFileSync(require.resolve(WASM_FILE))).then(() => FONT_FILES.map((f) => new Uint8Array(readFileSync(require.resolve(f)))));
  return ready;
}

/** Break `text` into at most `max` lines of about `width` characters (the last line ends with … when cut). */
export function wrapTitle(text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length > max) {
    const kept = lines.slice(0, max);
    kept[max - 1] = `${kept[max - 1]!.replace(/\s*\S*$/, '')}…`;
    return kept;
  }
  return lines;
}

/** The card's SVG: site name, the title in up to three lines, and the chapter's kicker. */
export function ogSvg(title: string, kicker: string, site: string): string {
  const lines = wrapTitle(title, 24, 3);
  const size = lines.length > 2 ? 76 : 88;
  const top = 300 - ((lines.length - 1) * size * 1.15) / 2;
  const tspans = lines.map((l, i) => `<tspan x="80" y="${(top + i * size * 1.15).toFixed(0)}">${escapeHtml(l)}</tspan>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}">
  <rect width="100%" height="100%" fill="#0f1419"/>
  <rect x="0" y="0" width="24" height="${OG_HEIGHT}" fill="#79b8ff"/>
  <g fill="#79b8ff"><rect x="80" y="72" width="40" height="28" rx="4"/><rect x="128" y="72" width="40" height="28" rx="4"/><rect x="104" y="40" width="40" height="28" rx="4"/></g>
  <text x="184" y="98" font-family="Inter" font-weight="700" font-size="40" fill="#e6edf3">${escapeHtml(site)}</text>
  <text font-family="Inter" font-weight="700" font-size="${size}" fill="#ffffff">${tspans}</text>
  <text x="80" y="560" font-family="Inter" font-weight="400" font-size="34" fill="#9da7b3">${escapeHtml(kicker)}</text>
</svg>`;
}

/**
 * PNG bytes of RGBA pixels (resvg's output), deflated by Node's zlib with no row filter: the card's
 * large flat areas compress as well without one, and the whole encode takes about a third of the
 * CPU time of resvg-wasm's own encoder.
 */
export function encodePng(rgba: Uint8Array, width: number, height: number): Uint8Array<ArrayBuffer> {
  if (rgba.length !== width * height * 4) throw new Error(`encodePng: ${rgba.length} bytes are not ${width} x ${height} RGBA pixels`);
  const stride = width * 4;
  const pixels = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.length);
  // Each row: its filter type (0, none), then its pixels.
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) pixels.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return new Uint8Array(png.buffer.slice(png.byteOffset, png.byteOffset + png.length));
}

/** Render an SVG to PNG bytes. */
async function render(svg: string): Promise<Uint8Array<ArrayBuffer>> {
  const fontBuffers = await renderer();
  const resvg = new Resvg(svg, { font: { fontBuffers, loadSystemFonts: false, defaultFontFamily: 'Inter' }, fitTo: { mode: 'width', value: OG_WIDTH } });
  try {
    const image = resvg.render();
    try {
      return encodePng(image.pixels, image.width, image.height);
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}

/** What else a card's pixels depend on besides its SVG; change ENCODER when encodePng changes. */
const ENCODER = 'rgba-none-zlib-1';
let renderKey: string | undefined;

/** The cache file of a card: `<cacheDir>/og/<hash of the SVG, resvg's wasm, the fonts and the encoder>.png`. */
export function ogCacheFile(svg: string, cacheDir: string): string {
  if (!renderKey) {
    const h = createHash('sha256').update(ENCODER);
    for (const f of [WASM_FILE, ...FONT_FILES]) h.update(readFileSync(require.resolve(f)));
    renderKey = h.digest('hex');
  }
  return join(cacheDir, 'og', `${createHash('sha256').update(renderKey).update(svg).digest('hex').slice(0, 32)}.png`);
}

/**
 * The card as PNG bytes. With `cacheDir` (the build's cache folder), a card rendered before with
 * the same SVG, resvg and fonts is read from there, and a new one is written there.
 */
export async function ogPng(title: string, kicker: string, site: string, cacheDir?: string): Promise<Uint8Array<ArrayBuffer>> {
  const svg = ogSvg(title, kicker, site);
  if (!cacheDir) return render(svg);
  const file = ogCacheFile(svg, cacheDir);
  try {
    const cached = readFileSync(file);
    return new Uint8Array(cached.buffer.slice(cached.byteOffset, cached.byteOffset + cached.length));
  } catch {
    // Not rendered yet (or unreadable): render it.
  }
  const png = await render(svg);
  try {
    mkdirSync(join(cacheDir, 'og'), { recursive: true });
    // Written whole, then renamed: a build that stops mid-write leaves no half card behind.
    writeFileSync(`${file}.${process.pid}.tmp`, png);
    renameSync(`${file}.${process.pid}.tmp`, file);
  } catch {
    // A read-only cache only costs the next build the render.
  }
  return png;
}
