import type { APIRoute } from 'astro';
import { getChapters } from '~/lib/chapters.ts';
import { withBase } from '~/lib/site.ts';

/** sitemap.xml: the home page, every chapter and the tool pages (not the 404 page). */
export const GET: APIRoute = async ({ site }) => {
  const chapters = await getChapters();
  const paths = ['', ...chapters.map((c) => `${c.id}/`), 'explain/', 'search/'];
  const urls = paths.map((p) => `  <url><loc>${new URL(withBase(p), site).href}</loc></url>`).join('\n');
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`,
    { headers: { 'Content-Type': 'application/xml' } },
  );
};
