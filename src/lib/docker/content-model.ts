/**
 * The site's docker model, built once a build from content/reference/ and the commands
 * collection, for the explainer page and its flags file, and the reference page (every flag of an
 * entry, the synopses). A reference entry that contradicts the CLI data fails the build here, with
 * every entry named.
 */
import type { Command } from '../../schemas/command.ts';
import { referenceSynopses } from '../reference/synopsis.ts';
import { loadSources } from './data.ts';
import { buildModel, splitModel, type CommandDetails, type Model } from './model.ts';

export interface SiteModel {
  model: Model;
  core: Model;
  flags: Record<string, CommandDetails>;
  /** Each entry's synopsis by id (src/lib/reference/synopsis.ts). */
  synopses: Map<string, string>;
}

let cache: SiteModel | undefined;

export function siteModel(commands: readonly Command[]): SiteModel {
  if (cache) return cache;
  const sorted = [...commands].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  const sources = loadSources();
  const { model, problems } = buildModel(sources, sorted);
  const { synopses, problems: synopsisProblems } = referenceSynopses(sorted, sources);
  problems.push(...synopsisProblems);
  if (problems.length)
    throw new Error(
      `The command reference does not match the CLI data (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  ${problems.join('\n  ')}`,
    );
  cache = { model, ...splitModel(model), synopses };
  return cache;
}
