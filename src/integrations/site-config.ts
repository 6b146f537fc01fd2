/**
 * Where the site is published, from the SITE_URL and BASE_PATH variables (read by
 * astro.config.mjs). A mistake fails the build at once, naming the variable and showing a value
 * that works, instead of Astro's bare "Invalid URL" or canonical URLs silently missing a path.
 * Checked by tests/build/site-config.test.ts.
 */
import { resolve } from 'node:path';
import type { AstroIntegration } from 'astro';

export interface SiteConfig {
  /** The origin only (`https://example.github.io`): canonical URLs and the sitemap. */
  site: string;
  /** The sub-path the site lives under, with both slashes (`/docker-basics/`), or `/`. */
  base: string;
}

export const DEFAULT_SITE = 'http://localhost:4321';

export class SiteConfigError extends Error {
  constructor(message: string) {
    super(`${message}\n  Example: SITE_URL=https://example.github.io BASE_PATH=/docker-basics/ npm run build (see README, "Building for a sub-path")`);
    this.name = 'SiteConfigError';
  }
}

/** Read and check SITE_URL and BASE_PATH (an empty variable counts as unset). */
export function siteConfig(env: Record<string, string | undefined> = process.env): SiteConfig {
  const rawSite = env['SITE_URL'] || DEFAULT_SITE;
  const rawBase = env['BASE_PATH'] || '/';

  let url: URL;
  try {
    url = new URL(rawSite);
  } catch {
    const guess = /^[\w.-]+(:\d+)?(\/.*)?$/.test(rawSite) ? `https://${rawSite.replace(/\/.*$/, '')}` : 'https://example.github.io';
    throw new SiteConfigError(`SITE_URL=${rawSite} is not a URL: write the origin with its scheme, e.g. SITE_URL=${guess}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SiteConfigError(`SITE_URL=${rawSite} must start with http:// or https://, e.g. SITE_URL=https://${url.host || 'example.github.io'}`);
  }
  if (url.search || url.hash || rawSite.includes('?') || rawSite.includes('#')) {
    throw new SiteConfigError(`SITE_URL=${rawSite} has a query or fragment; SITE_URL is the origin only, e.g. SITE_URL=${url.origin}`);
  }
  if (url.pathname !== '/') {
    const sub = url.pathname.replace(/\/?$/, '/');
    throw new SiteConfigError(
      `SITE_URL=${rawSite} has a path (${url.pathname.replace(/\/$/, '')}), which canonical URLs would silently drop. ` +
        `SITE_URL is the origin only; the sub-path goes in BASE_PATH: SITE_URL=${url.origin} BASE_PATH=${sub}`,
    );
  }

  if (!rawBase.startsWith('/')) {
    throw new SiteConfigError(`BASE_PATH=${rawBase} must start with /, e.g. BASE_PATH=/${rawBase.replace(/^\/*/, '').replace(/\/?$/, '/')}`);
  }
  const segments = rawBase.split('/').filter(Boolean);
  if (segments.some((s) => s === '.' || s === '..') || !segments.every((s) => /^[A-Za-z0-9._~-]+$/.test(s))) {
    throw new SiteConfigError(
      `BASE_PATH=${rawBase} may hold only letters, digits and . _ ~ - between slashes (no spaces, "..", "?" or "#"), e.g. BASE_PATH=/docker-basics/`,
    );
  }
  return { site: url.origin, base: segments.length ? `/${segments.join('/')}/` : '/' };
}

/**
 * A warning for a production build whose SITE_URL is set to a loopback address (the README's own
 * `SITE_URL=http://localhost:8080` example, built for a lab host): canonical URLs, the sitemap and
 * link previews would then point at the reader's own machine. Links that readers copy (the `#`
 * beside a heading, /links/) use the address the page is served from, so they stay right.
 * Undefined when SITE_URL is unset (the local default) or not loopback.
 */
export function siteUrlWarning(env: Record<string, string | undefined> = process.env): string | undefined {
  if (!env['SITE_URL']) return undefined;
  const { site } = siteConfig(env);
  const host = new URL(site).hostname;
  if (!(host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '[::1]')) return undefined;
  return `SITE_URL=${site} is a loopback address: canonical URLs, sitemap.xml and link previews will point at the reader's own machine. For a site others open, set SITE_URL to its public origin (e.g. SITE_URL=http://lab-host.example:8080); copied links use the served address either way.`;
}

/** Says siteUrlWarning's warning once, when a build starts. */
export function siteUrlCheck(): AstroIntegration {
  return {
    name: 'docker-basics:site-url',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const warning = command === 'build' ? siteUrlWarning() : undefined;
        if (warning) logger.warn(warning);
      },
    },
  };
}

export interface BuildOutput {
  /** Where the site is written: OUT_DIR, or dist/ (absolute, from the working directory). */
  outDir: string;
  /** Offline reading (the Workbox service worker); SERVICE_WORKER=off builds a site without it. */
  offline: boolean;
  /**
   * Astro's cache folder, which also keeps the rendered link-preview cards: ASTRO_CACHE_DIR, or
   * node_modules/.astro (parallel builds, e.g. two working copies' tests, can use separate caches).
   */
  cacheDir: string;
}

/** Read OUT_DIR, SERVICE_WORKER and ASTRO_CACHE_DIR: one reading for astro.config.mjs, the pages and src/build/. */
export function buildOutput(env: Record<string, string | undefined> = process.env): BuildOutput {
  return {
    outDir: resolve(env['OUT_DIR'] || 'dist'),
    offline: env['SERVICE_WORKER'] !== 'off',
    cacheDir: resolve(env['ASTRO_CACHE_DIR'] || 'node_modules/.astro'),
  };
}
