/** The command reference and the docker model, loaded the way the build loads them. */
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { parseCommandsFile, type Command } from '~/schemas/command.ts';
import { dockerModel } from './docker-model.ts';
import type { Model } from '~/lib/docker/model.ts';
import type { ExplainData } from '~/lib/docker/explain.ts';

export const COMMANDS_FILE = 'content/reference/commands.yaml';
export const chapterSlugs = (): string[] => readdirSync('content/chapters').filter((f) => f.endsWith('.mdx')).map((f) => f.slice(0, -4));

let cache: Command[] | undefined;
/** The parsed, checked reference (throws with the problems, as the build does). */
export function loadCommands(): Command[] {
  cache ??= parseCommandsFile(parse(readFileSync(COMMANDS_FILE, 'utf8')), chapterSlugs());
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
