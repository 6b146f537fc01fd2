import { z } from 'astro/zod';

/**
 * One glossary term (content/glossary.yaml). The glossary is the one source for /glossary/ (an
 * anchor per term, indexed by search), the definitions shown on a term's first use in each
 * chapter, and glossary/terms.json, which the chapters' tooltip loads on first hover, focus or tap.
 */
const text = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} must not be empty`);

export const termSchema = z.strictObject({
  /** The anchor on /glossary/ (`/glossary/#bind-mount`): lower case, words joined by `-`. Published: never rename one. */
  id: z.string({ error: 'id is required' }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be lower-case words joined by "-", e.g. bind-mount'),
  /** The term as the glossary shows it, in the case it takes in a sentence: `bind mount`, `Docker Hub`. */
  term: text('term'),
  /**
   * The words marked in chapters, longest first wins (default: the term). A form written in lower
   * case also matches with a capital first letter; a plural in -s or -es is matched too.
   */
  forms: z.array(text('each form')).min(1, 'forms must list at least one form, or be left out').optional(),
  /** One or two sentences, for a beginner, checkable against Docker's documentation. */
  definition: text('definition')
    .max(280, 'definition must be one or two sentences (at most 280 characters)')
    .refine((d) => (d.match(/(?<!\.)[.!?](?=\s+[A-Z]|$)/g) ?? []).length <= 2, 'definition must be one or two sentences'),
  /** Where the site teaches the term: `<chapter>/#<heading id>`, a heading of content/chapters/<chapter>.mdx. */
  see: z
    .string({ error: 'see is required' })
    .regex(/^[a-z0-9-]+\/#[A-Za-z0-9_-]+$/, 'see must be <chapter>/#<heading id>, e.g. volumes-and-networks/#mount-types'),
});
export type TermData = z.infer<typeof termSchema>;

/** A term as the site uses it: `forms` filled in. */
export type Term = TermData & { forms: string[] };

export const glossaryFileSchema = z.array(z.unknown(), { error: 'the file must be a YAML list of terms' });
