/**
 * The glossary (content/glossary.yaml) as checked data: every problem in the file fails the build
 * in one error naming the file and the term. Pure: the caller passes the file's text and the
 * chapters' heading ids (src/lib/glossary/load.ts does, from the sources).
 */
import { parseYamlFile } from '../reference/yaml-file.ts';
import { glossaryFileSchema, termSchema, type Term } from './schema.ts';

export const GLOSSARY_FILE = 'content/glossary.yaml';

/** Ids /glossary/ already uses for its own elements: a term may not take one. */
const RESERVED_IDS = new Set(['_top', 'main-content', 'search', 'terms']);

export class GlossaryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GlossaryError';
  }
}

/** The `{#id}` of every `##`-to-`######` heading of an MDX source. */
export function headingIds(mdx: string): Set<string> {
  return new Set([...mdx.matchAll(/^#{2,6} .*\{#([A-Za-z0-9_-]+)\}\s*$/gm)].map((m) => m[1]!));
}

/**
 * Read and check the glossary. `chapters` maps a chapter id to its heading ids: a term's `see`
 * must name one of them.
 */
export function parseGlossary(text: string, chapters: ReadonlyMap<string, ReadonlySet<string>>, file = GLOSSARY_FILE): Term[] {
  const data = parseYamlFile(text, file);
  const list = glossaryFileSchema.safeParse(data);
  if (!list.success) throw new GlossaryError(`${file}: ${list.error.issues[0]!.message}`);
  const problems: string[] = [];
  const terms: Term[] = [];
  const ids = new Map<string, number>();
  const forms = new Map<string, string>();
  list.data.forEach((entry, i) => {
    const raw = entry as Record<string, unknown> | null;
    const name = raw && typeof raw === 'object' && typeof raw['term'] === 'string' ? `"${raw['term']}"` : `number ${i + 1}`;
    const where = `${file}: term ${name}`;
    const parsed = termSchema.safeParse(entry);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${where}${issue.path.length ? ` > ${issue.path.join(' > ')}` : ''}: ${issue.message}`);
      return;
    }
    const t = parsed.data;
    if (ids.has(t.id))
      problems.push(`${where}: the id "${t.id}" is used again (first by term ${ids.get(t.id)! + 1}); ids are anchors on /glossary/ and must be unique`);
    ids.set(t.id, i);
    if (RESERVED_IDS.has(t.id)) problems.push(`${where}: the id "${t.id}" is taken by the glossary page itself; choose another`);
    const [chapter, anchor] = t.see.split('/#') as [string, string];
    const headings = chapters.get(chapter);
    if (!headings) problems.push(`${where} > see: there is no chapter "${chapter}" (content/chapters/${chapter}.mdx); got "${t.see}"`);
    else if (!headings.has(anchor)) problems.push(`${where} > see: content/chapters/${chapter}.mdx has no heading {#${anchor}}; got "${t.see}"`);
    const own = t.forms ?? [t.term];
    for (const f of own) {
      const key = f.toLowerCase();
      if (forms.has(key)) problems.push(`${where} > forms: "${f}" is already a form of ${forms.get(key)}; a word can mark one term only`);
      forms.set(key, `"${t.term}"`);
    }
    terms.push({ ...t, forms: own });
  });
  if (problems.length) throw new GlossaryError(`${problems.join('\n')}\n  Fix ${file} (schema: src/lib/glossary/schema.ts) and build again.`);
  return terms;
}
