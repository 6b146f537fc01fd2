import { z } from 'astro/zod';

/**
 * The message for a missing field or a value of the wrong type (`title: 12345` is a number, not a
 * missing title): `required` names the field and what to write.
 */
const typeError =
  (field: string, required: string, expected: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined
      ? required
      : `${field} must be ${expected}, but it is ${typeof issue.input === 'object' ? JSON.stringify(issue.input) : `the ${typeof issue.input} ${String(issue.input)}`}${typeof issue.input === 'number' || typeof issue.input === 'boolean' ? ` (write it in quotes if it is text: ${field}: "${String(issue.input)}")` : ''}`;

/** Control characters (a tab, an escape) break the link-preview image and the page title. */
const NO_CONTROL = (field: string) =>
  [(s: string) => !/[\u0000-\u001f\u007f]/.test(s), `${field} contains a control character (a tab, an escape or a line break); remove it`] as const;

/** Frontmatter of a chapter in content/chapters/*.mdx. The file name is the URL slug. */
export const chapterSchema = z.strictObject({
  /** Page title, shown as the h1, in the sidebar and in search results. */
  title: z
    .string({ error: typeError('title', 'title is required: the chapter title as a short phrase, e.g. "What is Docker?"', 'text') })
    .min(3, 'title must be at least 3 characters')
    .max(70, 'title must be at most 70 characters so it fits the sidebar')
    .refine(...NO_CONTROL('title')),
  /**
   * One sentence for search engines and link previews (meta description and og:description).
   * At most 160 characters.
   */
  description: z
    .string({ error: typeError('description', 'description is required: one sentence that says what the chapter teaches', 'text') })
    .min(20, 'description must be at least 20 characters')
    .max(160, 'description must be at most 160 characters (search engines cut longer ones)')
    .refine(...NO_CONTROL('description')),
  /** Position in the sidebar and in previous/next navigation: 1 for the first chapter. Unique. */
  order: z
    .number({
      error: typeError('order', 'order is required: the chapter position as a whole number, 1 for the first', 'a whole number, 1 for the first chapter'),
    })
    .int('order must be a whole number')
    .positive('order must be 1 or more'),
  /** Shorter label for the sidebar when the title is long. @default the title */
  sidebarLabel: z
    .string({ error: typeError('sidebarLabel', 'sidebarLabel must be text', 'text') })
    .max(40, 'sidebarLabel must be at most 40 characters')
    .refine(...NO_CONTROL('sidebarLabel'))
    .optional(),
});

export type ChapterFrontmatter = z.infer<typeof chapterSchema>;
