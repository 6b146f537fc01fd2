/**
 * The docker model of the site, built once at build/test time from content/reference/ (the
 * captures, the tables and commands.yaml), and the one-line check other tests reuse. Never import
 * this from browser code.
 */
import { loadCommands } from '../../src/lib/reference/load.ts';
import { checkLine, type CheckOptions } from '../../src/lib/docker/check.ts';
import { loadSources } from '../../src/lib/docker/data.ts';
import { buildModel, indexModel, type Model, type ModelIndex } from '../../src/lib/docker/model.ts';

let cache: { model: Model; problems: string[]; index: ModelIndex } | undefined;

/** The model and the inconsistencies between the reference and the CLI data (empty when all is well). */
export function dockerModel(): { model: Model; problems: string[]; index: ModelIndex } {
  if (!cache) {
    const built = buildModel(loadSources(), loadCommands());
    cache = { ...built, index: indexModel(built.model) };
  }
  return cache;
}

/**
 * Check a docker command line against every CLI version of the model. Returns problems, each
 * naming `source` (e.g. "content/chapters/x.mdx:12"), the command, the flag and, when only one
 * version lacks it, that version; an empty list when it is fine.
 */
export function checkDockerCommandLine(line: string, source: string, options: Omit<CheckOptions, 'source'> = {}): string[] {
  return checkLine(line, dockerModel().index, { ...options, source });
}
