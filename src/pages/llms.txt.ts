import type { APIRoute } from 'astro';
import { getChapters } from '~/lib/site/chapters.ts';
import { SITE_DESCRIPTION, SITE_TITLE, withBase } from '~/lib/site/urls.ts';

/**
 * /llms.txt (the llmstxt.org format): the course's title, what it is, and one line per chapter
 * linking its Markdown (`<chapter>/index.md`, written by src/integrations/markdown-pages.ts), in
 * reading order; the glossary page after them.
 */
export const GET: APIRoute = async ({ site }) => {
  const full = (path: string) => new URL(withBase(path), site).href;
  const chapters = (await getChapters()).map((c) => `- [${c.data.title}](${full(`${c.id}/index.md`)}): ${c.data.description}`);
  const body = [
    `# ${SITE_TITLE}`,
    '',
    `> ${SITE_DESCRIPTION}`,
    '',
    'Each chapter is also published as Markdown beside its page: the page address followed by index.md.',
    '',
    '## Chapters',
    '',
    ...chapters,
    '',
    '## Optional',
    '',
    `- [Glossary](${full('glossary/')}): the Docker words a beginner meets, each in a sentence or two.`,
    '',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
