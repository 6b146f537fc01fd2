// @ts-check
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { contentLint } from './src/integrations/lint-content.ts';
import { publicLinks } from './src/integrations/public-links.ts';
import { redirects } from './src/lib/links/redirects.ts';
import { lazyUrl } from './src/integrations/lazy-url.ts';
import { buildOutput, siteConfig, siteUrlCheck } from './src/integrations/site-config.ts';
import { stagedOutput } from './src/integrations/staged-output.ts';
import { markdownPages } from './src/integrations/markdown-pages.ts';
import { codeTransformers } from './src/lib/markdown/code-meta.ts';
import { readChapterDates } from './src/lib/site/git-dates.ts';
import { postBuildNotice } from './src/build/next-step.ts';
import { MDX_ELEMENT_OVERRIDES } from './src/lib/markdown/mdx-overrides.ts';
import { tagPositions } from './src/lib/markdown/tag-positions.ts';
import { snapshotMode } from './src/lib/terms/snapshot-mode.ts';

/**
 * Where the site is published: SITE_URL is the origin, BASE_PATH=/docker-basics/ builds it for a
 * sub-path. A bad value fails here, naming the variable (src/integrations/site-config.ts).
 */
const { site, base } = siteConfig(process.env);
/** OUT_DIR, offline reading (a Workbox service worker; SERVICE_WORKER=off builds a site without it), the cache folder. */
const { outDir, offline, cacheDir } = buildOutput(process.env);
/** A term snapshot (SNAPSHOT_TERM, set by `npm run snapshot`): the banner, canonical URLs to the current site. */
const snapshot = snapshotMode(process.env, base) ?? null;

/** The tiny inline script that applies the stored theme before first paint; hashed for the CSP. */
const themeInit = readFileSync(new URL('./src/scripts/boot/theme-init.js', import.meta.url), 'utf8');
/** @type {`sha256-${string}`} */
const themeInitHash = `sha256-${createHash('sha256').update(themeInit).digest('base64')}`;

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  outDir,
  // ASTRO_CACHE_DIR: parallel builds (e.g. two working copies' tests) can use separate caches.
  cacheDir,
  // Astro prefixes redirect sources with the base path but not their targets: add it here, so a
  // redirect also works under /docker-basics/ (the link checker in tests/build catches this).
  redirects: Object.fromEntries(Object.entries(redirects).map(([from, to]) => [from, base.replace(/\/$/, '') + to])),
  scopedStyleStrategy: 'where',
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  markdown: {
    processor: satteri({
      features: { headingAttributes: true, smartPunctuation: false },
      // Each component tag of a chapter carries its file, line and column, for the component's own
      // build errors (src/lib/markdown/tag-positions.ts); nothing of it is rendered.
      mdastPlugins: [tagPositions(fileURLToPath(new URL('.', import.meta.url)))],
    }),
    syntaxHighlight: 'shiki',
    shikiConfig: {
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      defaultColor: false,
      // File titles, line highlighting and diff markers (src/lib/markdown/code-meta.ts documents the syntax).
      transformers: codeTransformers(),
    },
  },
  integrations: [
    // A loopback SITE_URL in a build: canonical URLs and the sitemap would point at the reader's machine.
    siteUrlCheck(),
    // A symlink in public/ that leaves it fails the build, naming the link.
    publicLinks(),
    contentLint(),
    // Static parts of a chapter compile to HTML strings, except the elements [slug].astro renders
    // with its own components (src/lib/markdown/mdx-overrides.ts): less for the bundler to hold per chapter.
    mdx({ optimize: { ignoreElementNames: [...MDX_ELEMENT_OVERRIDES] } }),
    // Every chapter as Markdown beside its HTML (<chapter>/index.md), written when Astro's pages are.
    markdownPages(),
    // The search index and the offline worker are written after Astro exits, by
    // src/build/finish-site.ts (src/build/steps.ts); a plain `astro build` says so at its end.
    postBuildNotice(),
    // Last: the site is built in <outDir>.building; src/build/finish-site.ts publishes it to outDir
    // once every post-build step has passed.
    stagedOutput(),
  ],
  vite: {
    plugins: [lazyUrl()],
    build: {
      rollupOptions: {
        // Astro marks every MDX chapter with a "use astro:head-inject" directive that it reads
        // itself; the bundler warns once per chapter that it may not keep it. Harmless (Astro's
        // own head injection works, and the e2e tests check every page's head): not printed.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
    define: {
      'import.meta.env.SERVICE_WORKER_ENABLED': JSON.stringify(offline),
      'import.meta.env.SNAPSHOT': JSON.stringify(snapshot),
      // "Last updated" and <lastmod>, read from git once, before the build's process grows.
      'import.meta.env.CHAPTER_DATES': JSON.stringify(readChapterDates()),
    },
  },
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // Pagefind compiles WebAssembly; the theme script is inline so it runs before first paint.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: [themeInitHash] },
      // Shiki colours tokens with style attributes (CSS custom properties only).
      styleDirective: {
        resources: [{ resource: "'unsafe-inline'", kind: 'attribute' }],
      },
    },
  },
});
