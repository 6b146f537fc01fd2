/**
 * Every chapter as Markdown beside its HTML: `/<chapter>/index.md` next to `/<chapter>/index.html`
 * (so the Markdown's address is the page's plus `index.md`, and it works under any base path),
 * written in `astro:build:done` from the built page by src/lib/markdown/page-markdown.ts. Chapters
 * are the files of content/chapters/; /llms.txt (src/pages/llms.txt.ts) lists them. Light work
 * (some 15 pages), so it stays inside `astro build`, before the search index and the offline worker.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { pageMarkdown } from '../lib/markdown/page-markdown.ts';

/** The file name of a page's Markdown, in the page's folder. */
export const MARKDOWN_FILE = 'index.md';

/** Write `<outDir>/<slug>/index.md` for every chapter; returns how many and their total size. */
export async function writeMarkdownPages(
  outDir: string,
  pageUrl: (slug: string) => string,
  chaptersDir = 'content/chapters',
): Promise<{ pages: number; bytes: number }> {
  const slugs = (await readdir(chaptersDir)).filter((f) => /\.mdx?$/.test(f)).map((f) => f.replace(/\.mdx?$/, ''));
  let bytes = 0;
  for (const slug of slugs) {
    const html = await readFile(join(outDir, slug, 'index.html'), 'utf8');
    const md = pageMarkdown({ html, url: pageUrl(slug) });
    await writeFile(join(outDir, slug, MARKDOWN_FILE), md);
    bytes += Buffer.byteLength(md);
  }
  return { pages: slugs.length, bytes };
}

export function markdownPages(): AstroIntegration {
  let origin = 'http://localhost:4321';
  let base = '/';
  return {
    name: 'docker-basics:markdown-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        origin = config.site ?? origin;
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir).replace(/[\\/]$/, '');
        const { pages, bytes } = await writeMarkdownPages(out, (slug) => new URL(`${base}${slug}/`, origin).href);
        logger.info(`${pages} chapters written as Markdown (${(bytes / 1024).toFixed(0)} KB)`);
      },
    },
  };
}
