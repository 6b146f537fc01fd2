/**
 * The glossary as the site uses it, read once at build from content/glossary.yaml and checked
 * against the chapters' headings (src/lib/glossary/glossary.ts).
 */
import { GLOSSARY_FILE, headingIds, parseGlossary } from './glossary.ts';
import type { Term } from './schema.ts';

const FILE = import.meta.glob<string>('/content/glossary.yaml', { query: '?raw', import: 'default', eager: true });
const CHAPTERS = import.meta.glob<string>('/content/chapters/*.mdx', { query: '?raw', import: 'default', eager: true });

let terms: Term[] | undefined;

/** Every term, in the file's order. Throws a GlossaryError naming the file and term on bad data. */
export function glossaryTerms(): Term[] {
  if (terms) return terms;
  const text = FILE[`/${GLOSSARY_FILE}`];
  if (text === undefined) throw new Error(`${GLOSSARY_FILE} is missing: the glossary page and the chapters' term links need it`);
  const chapters = new Map(Object.entries(CHAPTERS).map(([k, src]) => [k.replace(/^.*\/|\.mdx$/g, ''), headingIds(src)]));
  return (terms = parseGlossary(text, chapters));
}
