/**
 * "Copy page as Markdown" under a chapter's lead (src/components/site/CopyMarkdown.astro): the
 * fetching and copying (src/scripts/chunks/markdown-copy.ts) load on the first click.
 */
import chunkUrl from '../chunks/markdown-copy.ts?lazy-url';

document.addEventListener('click', (e) => {
  const button = e.target instanceof Element ? e.target.closest<HTMLButtonElement>('button[data-copy-markdown]') : null;
  if (button) void (import(/* @vite-ignore */ chunkUrl) as Promise<typeof import('../chunks/markdown-copy.ts')>).then((m) => m.copyMarkdown(button));
});
