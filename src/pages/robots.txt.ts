import type { APIRoute } from 'astro';
import { withBase } from '~/lib/site/urls.ts';

/** robots.txt: everything may be crawled; the Sitemap line carries the full address (with the base path). */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(withBase('sitemap.xml'), site).href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
