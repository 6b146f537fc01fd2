import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { chapterSchema } from './schemas/chapter.ts';

/** Chapters: one MDX file a chapter in content/chapters/; the file name is the URL slug. */
const chapters = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/chapters' }),
  schema: chapterSchema,
});

export const collections = { chapters };
