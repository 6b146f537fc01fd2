import type { APIRoute, GetStaticPaths } from 'astro';
import { getChapters } from '~/lib/site/chapters.ts';
import { ogPng } from '~/lib/site/og-image.ts';
import { SITE_TITLE } from '~/lib/site/urls.ts';
import { buildOutput } from '~/integrations/site-config.ts';

/**
 * og/<slug>.png: one link-preview card per chapter, and og/index.png for the other pages. Cards
 * are kept in the build's cache folder and rendered again only when their text changes.
 */
export const getStaticPaths = (async () => {
  const chapters = await getChapters();
  return [
    ...chapters.map((c, i) => ({
      params: { slug: c.id },
      props: { title: c.data.title, kicker: `Chapter ${i + 1} of ${chapters.length} · A Docker course for robotics students` },
    })),
    { params: { slug: 'index' }, props: { title: 'Learn Docker for robotics', kicker: 'Containers, images, Compose and the docker CLI, for robot builders' } },
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { title, kicker } = props as { title: string; kicker: string };
  return new Response(await ogPng(title, kicker, SITE_TITLE, buildOutput(process.env).cacheDir), { headers: { 'Content-Type': 'image/png' } });
};
