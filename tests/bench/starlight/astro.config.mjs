/**
 * A plain Starlight site for the benchmark's side-by-side comparison (tests/bench/starlight.ts):
 * default theme, default Pagefind search, sidebar generated from the docs. The bench copies this
 * folder to a temporary directory, fills src/content/docs/ with our chapters and builds it there.
 */
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  // The bench builds into a directory of its choice, as it does for our site.
  outDir: process.env.OUT_DIR ?? './dist',
  integrations: [starlight({ title: 'Docker basics' })],
});
