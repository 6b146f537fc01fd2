/**
 * The link-preview cards (src/lib/site/og-image.ts): the PNG encoder gives back exactly the pixels
 * resvg drew, and a card is rendered once: the next build reads it from the cache folder, and a
 * changed title renders a new one.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { encodePng, OG_HEIGHT, OG_WIDTH, ogCacheFile, ogPng, ogSvg } from '../../src/lib/site/og-image.ts';

const temp: string[] = [];
afterAll(() => temp.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A PNG decoder for what encodePng writes (8-bit RGBA, any of the five row filters), by the PNG specification. */
function decodeRgba(png: Uint8Array): { width: number; height: number; rgba: Buffer } {
  const b = Buffer.from(png);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  for (let o = 8; o < b.length;) {
    const len = b.readUInt32BE(o);
    const type = b.toString('latin1', o + 4, o + 8);
    const data = b.subarray(o + 8, o + 8 + len);
    if (type === 'IHDR') {
      [width, height] = [data.readUInt32BE(0), data.readUInt32BE(4)];
      expect([data[8], data[9]], 'bit depth 8, colour type RGBA').toEqual([8, 6]);
    }
    if (type === 'IDAT') idat.push(data);
    o += len + 12;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rgba = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? rgba[y * stride + x - 4]! : 0;
      const up = y > 0 ? rgba[(y - 1) * stride + x]! : 0;
      const c = x >= 4 && y > 0 ? rgba[(y - 1) * stride + x - 4]! : 0;
      const p = a + up - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - up) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - up) <= Math.abs(p - c) ? up : c;
      const predictor = [0, a, up, (a + up) >> 1, paeth][filter]!;
      rgba[y * stride + x] = (raw[y * (stride + 1) + 1 + x]! + predictor) & 0xff;
    }
  }
  return { width, height, rgba };
}

describe('the PNG encoder', () => {
  it('keeps every pixel', () => {
    const [w, h] = [7, 5];
    const pixels = new Uint8Array(w * h * 4).map((_, i) => (i * 37 + (i >> 5) * 11) & 0xff);
    const { width, height, rgba } = decodeRgba(encodePng(pixels, w, h));
    expect([width, height]).toEqual([w, h]);
    expect([...rgba]).toEqual([...pixels]);
  });

  it('refuses pixels that do not match the size', () => {
    expect(() => encodePng(new Uint8Array(10), 2, 2)).toThrow(/10 bytes are not 2 x 2 RGBA pixels/);
  });
});

describe('a card', () => {
  it('is a 1200 x 630 image with text drawn on the dark background', async () => {
    const { width, height, rgba } = decodeRgba(await ogPng('Set up Docker', 'Chapter 2 of 14', 'Docker basics'));
    expect([width, height]).toEqual([OG_WIDTH, OG_HEIGHT]);
    const at = (x: number, y: number) => [...rgba.subarray((y * width + x) * 4, (y * width + x) * 4 + 4)];
    expect(at(600, 620), 'background').toEqual([0x0f, 0x14, 0x19, 0xff]);
    expect(at(10, 300), 'the accent bar').toEqual([0x79, 0xb8, 0xff, 0xff]);
    // Somewhere on the title's line, white text.
    const titleRow = Array.from({ length: 600 }, (_, x) => at(80 + x, 290));
    expect(titleRow.some(([r, g, b]) => r! > 200 && g! > 200 && b! > 200)).toBe(true);
  });

  it('is rendered once: the same card comes from the cache, a changed title is rendered anew', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'docker-basics-og-'));
    temp.push(cache);
    const first = await ogPng('Compose', 'Chapter 5 of 14', 'Docker basics', cache);
    const file = ogCacheFile(ogSvg('Compose', 'Chapter 5 of 14', 'Docker basics'), cache);
    expect(readFileSync(file)).toEqual(Buffer.from(first));
    // Mark the cached file: a second build must return exactly it, not render again.
    utimesSync(file, new Date(2000, 0, 1), new Date(2000, 0, 1));
    const second = await ogPng('Compose', 'Chapter 5 of 14', 'Docker basics', cache);
    expect(Buffer.from(second)).toEqual(Buffer.from(first));
    expect(statSync(file).mtime.getFullYear()).toBe(2000);
    await ogPng('Compose, revised', 'Chapter 5 of 14', 'Docker basics', cache);
    expect(readdirSync(join(cache, 'og')).filter((f) => f.endsWith('.png'))).toHaveLength(2);
    expect(readdirSync(join(cache, 'og')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
