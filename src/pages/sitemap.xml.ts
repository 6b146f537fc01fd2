import type { APIRoute } from 'astro';
import { getChapters } from '~/lib/site/chapters.ts';
import { TOOL_PAGES, withBase } from '~/lib/site/urls.ts';
import { chapterDate } from '~/lib/site/git-dates.ts';
import { courseExercises } from '~/lib/exercises/course-exercises.ts';

/** sitemap.xml: the home page, every chapter, the tool pages and the exercise worksheets (not the 404 page). */
export const GET: APIRoute = async ({ site }) => {
  const chapters = await getChapters();
  // <lastmod> for chapters, from the same git dates as their "Last updated" line.
  const pages: Array<[string, Date | undefined]> = [
    ['', undefined],
    ...chapters.map((c): [string, Date | undefined] => [`${c.id}/`, chapterDate(c.filePath ?? `content/chapters/${c.id}.mdx`)]),
    ...TOOL_PAGES.map((t): [string, Date | undefined] => [t.path, undefined]),
    // The worksheets of each chapter and the solutions (src/pages/exercises/).
    ...[...new Set((await courseExercises()).map((e) => e.chapter))].map((c): [string, Date | undefined] => [`exercises/${c}/`, undefined]),
    ['exercises/solutions/', undefined],
  ];
  const urls = pages
    .map(([p, d]) => `  <url><loc>${new URL(withBase(p), site).href}</loc>${d ? `<lastmod>${d.toISOString().slice(0, 10)}</lastmod>` : ''}</url>`)
    .join('\n');
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`, {
    headers: { 'Content-Type': 'application/xml' },
  });
};
