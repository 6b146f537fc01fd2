import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { readdirSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { chapterSchema } from './schemas/chapter.ts';
import { commandSchema, parseCommandsFile } from './schemas/command.ts';

/** Chapters: one MDX file a chapter in content/chapters/; the file name is the URL slug. */
const chapters = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/chapters' }),
  schema: chapterSchema,
});

/**
 * The command reference: content/reference/commands.yaml, one entry a command (id = anchor).
 * The whole file is checked first (duplicate ids, unknown related ids or chapters), so a bad
 * entry fails the build with its id named.
 */
const commands = defineCollection({
  loader: file('content/reference/commands.yaml', {
    parser: (text) => {
      const chapterSlugs = readdirSync('content/chapters').filter((f) => f.endsWith('.mdx')).map((f) => f.slice(0, -4));
      return parseCommandsFile(parseYaml(text), chapterSlugs);
    },
  }),
  schema: commandSchema,
});

export const collections = { chapters, commands };
