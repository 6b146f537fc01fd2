import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { siteModel } from '~/lib/docker/content-model.ts';

/**
 * /explain/model.json: the core docker model (every command with its arguments, the global
 * options, hidden flag spellings; not every flag), the one /explain/ embeds. Exercises load it on
 * first focus, then the full flag lists of the commands a line uses (/explain/flags/<command>.json).
 */
export const GET: APIRoute = async () => {
  const { core } = siteModel((await getCollection('commands')).map((e) => e.data));
  return new Response(JSON.stringify(core), { headers: { 'Content-Type': 'application/json' } });
};
