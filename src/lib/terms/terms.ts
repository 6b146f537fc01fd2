/**
 * `content/terms.yaml`: the term snapshots the site publishes, each a frozen copy of the whole
 * course under `/<id>/`, built from its own commit (src/build/cut-snapshot.ts). One reader, for the
 * build's snapshot step, the /terms/ pages and the tests. A bad entry throws naming the file, the
 * entry and the field, with what to write instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseYamlFile } from '../reference/yaml-file.ts';

/** Where the list lives, relative to the project folder. */
export const TERMS_FILE = 'content/terms.yaml';

/** A term id is one URL segment that starts with the year, so it never meets a chapter's or a tool page's path. */
export const TERM_ID = /^20\d\d-[a-z][a-z0-9-]{1,30}$/;

export interface Term {
  /** The URL segment and the name of the term: `2027-spring` publishes `/2027-spring/`. */
  id: string;
  /** What the banner and the list call it: `Spring 2027`. */
  label: string;
  /** The full commit the snapshot is built from (40 hex digits): what `npm run snapshot` resolved the ref to. */
  commit: string;
  /** The git ref it was cut from, as given (`v2027.1`, `main`): for people; the build uses `commit`. */
  ref: string;
  /** The commit's date, `YYYY-MM-DD`. */
  date: string;
}

export class TermsFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TermsFileError';
  }
}

const FIELDS: Record<keyof Term, { test: (v: string) => boolean; want: string }> = {
  id: { test: (v) => TERM_ID.test(v), want: 'the year, "-" and lower-case letters, digits or "-", e.g. id: 2027-spring' },
  label: { test: (v) => v.trim().length >= 3 && v.length <= 40, want: '3 to 40 characters, e.g. label: Spring 2027' },
  commit: { test: (v) => /^[0-9a-f]{40}$/.test(v), want: 'a full commit id (40 lower-case hex digits); `npm run snapshot -- <term> <ref>` writes it' },
  ref: { test: (v) => v.trim().length > 0, want: 'the tag, branch or commit the snapshot was cut from, e.g. ref: v2027.1' },
  date: { test: (v) => /^\d{4}-\d\d-\d\d$/.test(v) && !Number.isNaN(Date.parse(v)), want: 'a date as YYYY-MM-DD, e.g. date: 2027-01-15' },
};

/** The entries of a terms file's text, checked; throws a TermsFileError naming `file`, the entry and the field. */
export function parseTerms(text: string, file = TERMS_FILE): Term[] {
  const data = parseYamlFile(text, file);
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) throw new TermsFileError(`${file}: expected a list of terms ("- id: 2027-spring" ...), found ${typeof data}`);
  const problems: string[] = [];
  const terms: Term[] = [];
  data.forEach((entry: unknown, i) => {
    const where = `${file}: term ${i + 1}${entry && typeof entry === 'object' && 'id' in entry ? ` (${String(entry.id)})` : ''}`;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      problems.push(`${where}: expected fields id, label, commit, ref, date`);
      return;
    }
    const record = entry as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!(key in FIELDS)) problems.push(`${where}: unknown field "${key}" (the fields are ${Object.keys(FIELDS).join(', ')})`);
    }
    const term: Partial<Term> = {};
    for (const [key, rule] of Object.entries(FIELDS) as Array<[keyof Term, (typeof FIELDS)[keyof Term]]>) {
      let value = record[key];
      // YAML reads an unquoted date as a Date.
      if (value instanceof Date) value = value.toISOString().slice(0, 10);
      if (value === undefined || value === null) problems.push(`${where}: field "${key}" is missing; write ${rule.want}`);
      else if (typeof value !== 'string' && typeof value !== 'number') problems.push(`${where}: field "${key}" is a ${typeof value}; write ${rule.want}`);
      else if (!rule.test(String(value))) problems.push(`${where}: field "${key}" is "${String(value)}"; write ${rule.want}`);
      else term[key] = String(value);
    }
    if (Object.keys(term).length === Object.keys(FIELDS).length) terms.push(term as Term);
  });
  const seen = new Set<string>();
  for (const t of terms) {
    if (seen.has(t.id)) problems.push(`${file}: term "${t.id}" is listed twice; each id is one URL, keep one entry`);
    seen.add(t.id);
  }
  if (problems.length) throw new TermsFileError(`${problems.join('\n')}\n  Fix ${file} (README, "Term snapshots") and build again.`);
  return terms;
}

/** The terms of `file` (none when it does not exist). */
export function readTerms(file = TERMS_FILE): Term[] {
  return existsSync(file) ? parseTerms(readFileSync(file, 'utf8'), file) : [];
}
