import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { flagsFileId } from '~/lib/docker/model.ts';
import { siteModel } from '~/lib/docker/content-model.ts';

/**
 * /explain/flags/<command>.json (e.g. docker-run.json): one command's full flag list and its arguments' meanings, loaded by
 * /explain/ only when a line uses that command (see splitModel in src/lib/docker/model.ts).
 */
export const getStaticPaths = (async () => {
  const { flags } = siteModel((await getCollection('commands')).map((e) => e.data));
  return Object.entries(flags).map(([name, list]) => ({ params: { id: flagsFileId(name) }, props: { list } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(JSON.stringify(props['list']), { headers: { 'Content-Type': 'application/json' } });
