/**
 * The link-preview card of a page (og:image): an SVG template with the page title, rendered to a
 * 1200 x 630 PNG at build time by resvg, with the Inter font shipped in node_modules (no system
 * fonts, so every machine renders the same card).
 *
 * resvg runs as WebAssembly (`@resvg/resvg-wasm`), not as the native `@resvg/resvg-js` addon: the
 * addon's pixmaps and font databases live outside the JS heap and are freed only when V8 happens
 * to collect their wrappers, so a build with hundreds of cards piled up hundreds of MiB (the
 * bench's scaled build). Here every render is freed at once and reuses one wasm memory.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { escapeHtml } from '../reference/commands.ts';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

const require = createRequire(import.meta.url);
const FONT_FILES = ['@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf', '@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'];

let ready: Promise<Uint8Array[]> | undefined;
/** Compile resvg's wasm and read the fonts, once per process. */
function renderer(): Promise<Uint8Array[]> {
  ready ??= initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm'))).then(() =>
    FONT_FILES.map((f) => new Uint8Array(readFileSync(require.resolve(f)))),
  );
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

/** Render the card to PNG bytes. */
export async function ogPng(title: string, kicker: string, site: string): Promise<Uint8Array<ArrayBuffer>> {
  const fontBuffers = await renderer();
  const resvg = new Resvg(ogSvg(title, kicker, site), { font: { fontBuffers, loadSystemFonts: false, defaultFontFamily: 'Inter' }, fitTo: { mode: 'width', value: OG_WIDTH } });
  try {
    const image = resvg.render();
    try {
      // asPng() already copies out of wasm memory; the wrap only gives the ArrayBuffer type.
      return new Uint8Array(image.asPng());
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}
