/**
 * The one loader of the command reference: reads content/reference/commands.yaml, parses it with
 * file, line and column in every syntax error (yaml-file.ts) and checks it against the schema with
 * the chapter slugs it may name (src/schemas/command.ts). The content collection
 * (src/content.config.ts) and every test load the reference through here, so they read it the same
 * way. Node only (it reads files); paths are relative to the project root, where the build and the
 * tests run.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { parseCommandsFile, type Command } from '../../schemas/command.ts';
import { COMMANDS_FILE } from '../docker/model.ts';
import { parseYamlFile } from './yaml-file.ts';

export { COMMANDS_FILE };

/** Where the chapters are: a reference entry's `chapter` must be one of their slugs. */
export const CHAPTERS_DIR = 'content/chapters';

/** The chapter slugs (file names without `.mdx`) in `dir`. */
export function chapterSlugs(dir = CHAPTERS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => f.slice(0, -4))
    .sort();
}

/**
 * The parsed, checked reference, entries in file order (`order`). Throws one error naming `file`
 * and every bad entry; a YAML syntax error names the line and column. Reads the file on every call
 * (the dev server reloads it on change): callers that want it once keep the result.
 */
export function loadCommands(file = COMMANDS_FILE, chapters: readonly string[] = chapterSlugs()): Command[] {
  return parseCommandsFile(parseYamlFile(readFileSync(file, 'utf8'), file), chapters, file);
}
