import type { APIRoute } from 'astro';
import { glossaryTerms } from '~/lib/glossary/load.ts';

/**
 * glossary/terms.json: each term's name and definition by id, fetched by the chapters' tooltip
 * (src/scripts/chunks/glossary-tip.ts) the first time a reader hovers, focuses or taps a term.
 */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(Object.fromEntries(glossaryTerms().map((t) => [t.id, [t.term, t.definition]]))), {
    headers: { 'Content-Type': 'application/json' },
  });
