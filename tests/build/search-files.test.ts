/**
 * The search files that ship (dist/ and dist-base/, `npm run build:all`): Pagefind's runtime, its
 * WebAssembly and the index are there, and the ready-made UIs, highlighter and worker that the site
 * never loads are not, neither in the output nor in the offline worker's precache list (a
 * student's laptop downloads that list in the background).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UNUSED_PAGEFIND_FILE } from '../../src/integrations/search-index.ts';

describe.each(['dist', 'dist-base'])('search files in %s/', (dir) => {
  const files = () => readdirSync(`${dir}/pagefind`);

  it('has what the search loads', () => {
    expect(existsSync(`${dir}/pagefind/pagefind.js`), 'run npm run build:all first').toBe(true);
    expect(files().some((f) => /^wasm\.en\.pagefind$/.test(f))).toBe(true);
    expect(readdirSync(`${dir}/pagefind/index`).length).toBeGreaterThan(0);
    expect(readdirSync(`${dir}/pagefind/fragment`).length).toBeGreaterThan(0);
  });

  it('has none of the Pagefind files the site never loads', () => {
    expect(files().filter((f) => UNUSED_PAGEFIND_FILE.test(f))).toEqual([]);
  });

  it('precaches every search file that exists, and nothing that does not', () => {
    const sw = readFileSync(`${dir}/sw.js`, 'utf8');
    const listed = [...sw.matchAll(/url:"([^"]*\/pagefind\/[^"]+)"/g)].map((m) => m[1]!.replace(/^.*\/pagefind\//, ''));
    expect(listed.length).toBeGreaterThan(0);
    const onDisk = readdirSync(`${dir}/pagefind`, { recursive: true, encoding: 'utf8' })
      .filter((f) => statSync(`${dir}/pagefind/${f}`).isFile())
      .map((f) => f.replace(/\\/g, '/'));
    expect(new Set(listed)).toEqual(new Set(onDisk));
  });
});
