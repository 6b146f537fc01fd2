import { z } from 'astro/zod';

/** Frontmatter of a chapter in content/chapters/*.mdx. The file name is the URL slug. */
export const chapterSchema = z.strictObject({
  /** Page title, shown as the h1, in the sidebar and in search results. */
  title: z
    .string({ error: 'title is required: the chapter title as a short phrase, e.g. "What is Docker?"' })
    .min(3, 'title must be at least 3 characters')
    .max(70, 'title must be at most 70 characters so it fits the sidebar'),
  /**
   * One sentence for search engines and link previews (meta description and og:description).
   * At most 160 characters.
   */
  description: z
    .string({ error: 'description is required: one sentence that says what the chapter teaches' })
    .min(20, 'description must be at least 20 characters')
    .max(160, 'description must be at most 160 characters (search engines cut longer ones)'),
  /** Position in the sidebar and in previous/next navigation: 1 for the first chapter. Unique. */
  order: z
    .number({ error: 'order is required: the chapter position as a whole number, 1 for the first' })
    .int('order must be a whole number')
    .positive('order must be 1 or more'),
  /** Shorter label for the sidebar when the title is long. @default the title */
  sidebarLabel: z.string().max(40, 'sidebarLabel must be at most 40 characters').optional(),
});

export type ChapterFrontmatter = z.infer<typeof chapterSchema>;
