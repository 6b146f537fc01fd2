/**
 * The site's docker model, built once a build from content/reference/ and the commands
 * collection, for the explainer page and its flags file. A reference entry that contradicts the
 * CLI data fails the build here, with every entry named.
 */
import type { Command } from '../../schemas/command.ts';
import { loadSources } from './data.ts';
import { buildModel, splitModel, type Model, type ModelFlag } from './model.ts';

let cache: { model: Model; core: Model; flags: Record<string, ModelFlag[]> } | undefined;

export function siteModel(commands: readonly Command[]): { model: Model; core: Model; flags: Record<string, ModelFlag[]> } {
  if (cache) return cache;
  const sorted = [...commands].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  const { model, problems } = buildModel(loadSources(), sorted);
  if (problems.length) throw new Error(`The command reference does not match the CLI data (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  ${problems.join('\n  ')}`);
  cache = { model, ...splitModel(model) };
  return cache;
}
