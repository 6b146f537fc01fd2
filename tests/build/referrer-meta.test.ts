/**
 * Hosts that cannot send a Referrer-Policy header (GitHub Pages) still send no referrer: every
 * built page of both builds says so in a <meta name="referrer">, as nginx and the Node server say
 * it in the header (src/layouts/BaseLayout.astro).
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSite } from '../../src/lib/links/link-check.ts';

describe.each(['dist', 'dist-base'])('%s/', (dir) => {
  it('every page carries <meta name="referrer" content="no-referrer"> in its head', () => {
    expect(existsSync(`${dir}/index.html`), `${dir}/ is missing: run npm run build:all first`).toBe(true);
    const pages = [...readSite(dir)].filter(([file, html]) => file.endsWith('.html') && html !== null);
    expect(pages.length).toBeGreaterThan(10);
    // Astro's redirect pages are tiny stand-alone documents; the layout's pages are the ones with a <main>.
    const missing = pages
      .filter(([, html]) => html!.includes('<main'))
      .filter(([, html]) => !/<head>[\s\S]*<meta name="referrer" content="no-referrer"\s*\/?>[\s\S]*<\/head>/.test(html!))
      .map(([file]) => file);
    expect(missing).toEqual([]);
  });
});
