import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { chapterSchema } from './schemas/chapter.ts';
import { commandSchema } from './schemas/command.ts';
import { COMMANDS_FILE, loadCommands } from './lib/reference/load.ts';

/** Chapters: one MDX file a chapter in content/chapters/; the file name is the URL slug. */
const chapters = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/chapters' }),
  schema: chapterSchema,
});

/**
 * The command reference: content/reference/commands.yaml, one entry a command (id = anchor).
 * The whole file is checked first (duplicate ids, unknown related ids or chapters), so a bad
 * entry fails the build with its id named; a YAML syntax error names the file, line and column
 * (src/lib/reference/load.ts, the one loader the tests use too).
 */
const commands = defineCollection({
  // A small loader rather than file(): file() logs a parser error and carries on, and a bad
  // reference must fail the build with the entry named.
  loader: {
    name: 'command-reference',
    load: async ({ store, parseData, generateDigest, watcher, logger }) => {
      const load = async () => {
        const entries = loadCommands();
        store.clear();
        for (const entry of entries) {
          const data = await parseData({ id: entry.id, data: entry, filePath: COMMANDS_FILE });
          store.set({ id: entry.id, data, digest: generateDigest(data), filePath: COMMANDS_FILE });
        }
      };
      await load();
      watcher?.add(COMMANDS_FILE);
      watcher?.on('change', (changed) => {
        if (changed.endsWith(COMMANDS_FILE)) load().catch((e: Error) => logger.error(e.message));
      });
    },
  },
  schema: commandSchema,
});

export const collections = { chapters, commands };
