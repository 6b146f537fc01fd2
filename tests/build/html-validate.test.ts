/**
 * html-validate over every built page of both builds: 0 errors (duplicate ids, invalid nesting,
 * missing labels, obsolete markup …). The rules are the recommended preset, less the few that
 * conflict with valid HTML that Astro and Shiki write; each exception says why.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HtmlValidate, formatterFactory, type ConfigData } from 'html-validate';
import { readSite } from '../../src/lib/links/link-check.ts';

export const htmlValidateConfig: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // Shiki colours code tokens with style attributes (custom properties only); the CSP allows
    // exactly these with style-src-attr, while <style> and scripts stay hash-locked.
    'no-inline-style': 'off',
    // Astro's redirect pages are written as `<!doctype html>`; both spellings are valid HTML.
    'doctype-style': 'off',
    // HTML allows any id without spaces; `_top` on the h1 is the browser's own "top of page" name.
    'valid-id': ['error', { relaxed: true }],
  },
};

const text = formatterFactory('text');

describe.each(['dist', 'dist-base'])('html-validate over %s/', (dir) => {
  it('every page is valid HTML', async () => {
    expect(existsSync(`${dir}/index.html`), `${dir}/ is missing: run npm run build:all first`).toBe(true);
    const hv = new HtmlValidate(htmlValidateConfig);
    const pages = [...readSite(dir)].filter((e): e is [string, string] => e[1] !== null && !e[0].startsWith('pagefind/'));
    expect(pages.length).toBeGreaterThan(3);
    const reports = await Promise.all(pages.map(([file, html]) => hv.validateString(html, `${dir}/${file}`)));
    const errors = reports.flatMap((r) => r.results);
    expect(errors.length, `html-validate found problems:\n${text(errors)}`).toBe(0);
  });
});
