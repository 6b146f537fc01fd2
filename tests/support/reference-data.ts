/** The command reference and the docker model, loaded the way the build loads them. */
import type { Command } from '~/schemas/command.ts';
import { COMMANDS_FILE, chapterSlugs, loadCommands as readCommands } from '~/lib/reference/load.ts';
import { dockerModel } from './docker-model.ts';
import type { Model } from '~/lib/docker/model.ts';
import type { ExplainData } from '~/lib/docker/explain.ts';

export { COMMANDS_FILE, chapterSlugs };

let cache: Command[] | undefined;
/** The parsed, checked reference (throws with the problems, as the build does). */
export function loadCommands(): Command[] {
  cache ??= readCommands();
  return cache;
}

/** The model the explainer ships and the checker uses (sources overlaid by the reference). */
export function loadModel(): Model {
  return dockerModel().model;
}

/** The explainer's data, as /explain/ embeds it (reference at /commands/). */
export function loadExplainData(): ExplainData {
  return { referenceUrl: '/commands/', model: loadModel() };
}
