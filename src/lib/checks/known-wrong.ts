/**
 * Known-wrong statements and image tags past their support, read from
 * content/reference/known-wrong.yaml, checked against a chapter's source. Pure: the build step
 * (src/integrations/lint-content.ts) and the unit tests call the same functions.
 *
 * A statement is a regular expression matched against each sentence of a chapter's prose (code
 * blocks and frontmatter left out), or against each line of its code blocks (`in: code`). A
 * sentence that corrects the statement passes: it, or the sentence after it, has a correction word
 * ("not", "no longer", "instead", ...), or it matches the entry's `unless`. A tag entry matches
 * image references (`NAME:TAG`) anywhere in the chapter once its `since` date has passed.
 */
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { codeFences, type LintProblem } from './content-lint.ts';

/** Words that mark a sentence as correcting what it mentions. */
export const CORRECTION =
  /\b(not|no|never|no longer|wrong|unknown|instead|rejects?|myth|ended|dropped|unmaintained|nothing|isn't|doesn't|don't)\b|what is wrong/i;

const regex = (field: string) =>
  z
    .string()
    .min(1, `${field} is empty`)
    .superRefine((value, ctx) => {
      try {
        new RegExp(value, 'i');
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `${field} is not a valid regular expression: ${(error as Error).message}` });
      }
    });

const statementSchema = z.strictObject({
  /** Stable name, used in messages. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'id must be lower-case words joined with "-"'),
  /** What the wrong statement claims, in a few words. */
  what: z.string().min(3, 'what is required: the wrong claim in a few words'),
  /** Regular expression (case-insensitive) that finds the wrong statement. */
  pattern: regex('pattern'),
  /** A sentence that matches this passes (it states the correct fact next to the wrong one). */
  unless: regex('unless').optional(),
  /** `prose` (the default): sentences outside code blocks; `code`: lines of code blocks. */
  in: z.enum(['prose', 'code']).default('prose'),
  /** For `in: code`, only code blocks in these languages (all when left out). */
  languages: z.array(z.string().min(1)).optional(),
  /** Where the correct fact is documented. */
  source: z.string().min(10, 'source is required: where the correct fact is documented'),
  /** Wrong sentences (or code lines) the pattern must catch; at least one. */
  examples: z.array(z.string().min(1)).min(1, 'examples needs at least one wrong sentence the pattern catches'),
});

const tagSchema = z.strictObject({
  /** Regular expression for the whole image reference, e.g. `^nginx:1\.2[0-9]$`. */
  pattern: regex('pattern'),
  /** Which releases, in a few words. */
  what: z.string().min(3, 'what is required'),
  /** From this day (YYYY-MM-DD) the tag fails. */
  since: z
    .union([z.string(), z.date()])
    .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
    .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'since must be a date, YYYY-MM-DD')),
  /** Where the end of support is documented. */
  source: z.string().min(10, 'source is required'),
});

const fileSchema = z.strictObject({
  statements: z.array(statementSchema).default([]),
  tags: z.array(tagSchema).default([]),
});

export type KnownWrongStatement = z.infer<typeof statementSchema>;
export type EndOfLifeTag = z.infer<typeof tagSchema>;
export interface KnownWrong {
  statements: KnownWrongStatement[];
  tags: EndOfLifeTag[];
}

/** Whether `sentence` states `s` as a fact (matches, and neither it nor `next` corrects it). */
export function statesWrong(s: KnownWrongStatement, sentence: string, next = ''): boolean {
  if (!new RegExp(s.pattern, 'i').test(sentence)) return false;
  if (s.unless && new RegExp(s.unless, 'i').test(sentence)) return false;
  if (s.in === 'code') return true;
  return !CORRECTION.test(sentence) && !CORRECTION.test(next);
}

/**
 * Parse and validate the file. Throws an Error naming the file, the entry and the field: a YAML
 * syntax error, a missing field, a pattern that does not compile, or an example its own pattern
 * does not catch.
 */
export function parseKnownWrong(text: string, file: string): KnownWrong {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
  }
  const result = fileSchema.safeParse(raw ?? {});
  if (!result.success) {
    const issues = result.error.issues.map((i) => {
      const [list, index, ...rest] = i.path;
      const entry =
        typeof index === 'number' ? (raw as Record<string, Array<{ id?: string; pattern?: string }> | undefined>)[String(list)]?.[index] : undefined;
      const where = typeof index === 'number' ? `${String(list)}[${index}]${entry ? ` (${entry.id ?? entry.pattern})` : ''}` : i.path.join('.');
      return `  ${where}${rest.length ? ` > ${rest.join('.')}` : ''}: ${i.message}`;
    });
    throw new Error(`${file} has ${issues.length} problem(s):\n${issues.join('\n')}`);
  }
  const data = result.data;
  const missed = data.statements.flatMap((s) =>
    s.examples
      .filter((e) => !statesWrong(s, e))
      .map((e) => `  statements (${s.id}) > examples: "${e}" is not caught by the pattern (or is exempted as a correction)`),
  );
  if (missed.length) throw new Error(`${file} has ${missed.length} problem(s):\n${missed.join('\n')}`);
  return data;
}

/** The source with code blocks, frontmatter and MDX import lines blanked out; line numbers kept. */
export function proseOf(source: string): string {
  const lines = source.split('\n');
  for (const f of codeFences(source)) {
    const n = f.code.split('\n').length + 2;
    for (let i = f.line - 1; i < f.line - 1 + n && i < lines.length; i++) lines[i] = '';
  }
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    for (let i = 0; i <= end; i++) lines[i] = '';
  }
  return lines.map((l) => (/^import\s.+\sfrom\s/.test(l) ? '' : l)).join('\n');
}

/** Sentences of the prose with their 1-based line and the sentence after them. */
export function sentencesOf(source: string): Array<{ line: number; sentence: string; next: string }> {
  const out: Array<{ line: number; sentence: string; next: string }> = [];
  const lines = proseOf(source).split('\n');
  let start = 0;
  const flush = (end: number) => {
    const para = lines.slice(start, end).join('\n');
    if (para.trim()) {
      // Same length as `para`, so a position in one is a position in the other.
      const flat = para.replace(/\s/g, ' ');
      const cuts = [0, ...[...flat.matchAll(/(?<=[.!?:])\s+(?=[A-Z`(*"])/g)].map((m) => m.index! + m[0].length), flat.length];
      const parts = cuts.slice(0, -1).map((from, i) => ({
        from,
        text: flat
          .slice(from, cuts[i + 1])
          .replace(/\s+/g, ' ')
          .trim(),
      }));
      parts.forEach((p, i) => {
        if (!p.text) return;
        out.push({
          line: start + 1 + (para.slice(0, p.from).match(/\n/g)?.length ?? 0) + leadingBlankLines(para.slice(p.from)),
          sentence: p.text,
          next: parts[i + 1]?.text ?? '',
        });
      });
    }
    start = end + 1;
  };
  lines.forEach((l, i) => {
    if (!l.trim()) flush(i);
  });
  flush(lines.length);
  return out;
}

const leadingBlankLines = (text: string) => /^\s*/.exec(text)![0].match(/\n/g)?.length ?? 0;

/** Image references written as NAME:TAG (with an optional namespace), as on Docker Hub. */
export function imageRefs(text: string): string[] {
  return [...text.matchAll(/(?<![\w./:@-])((?:[a-z0-9-]+\/)?[a-z0-9][a-z0-9._-]*:[A-Za-z0-9._-]*[A-Za-z0-9])/g)].map((m) => m[1]!);
}

/** Every known-wrong statement and end-of-life tag in one chapter, as problems naming file and line. */
export function checkKnownWrong(file: string, source: string, data: KnownWrong, today: string): LintProblem[] {
  const problems: LintProblem[] = [];
  const prose = data.statements.filter((s) => s.in === 'prose');
  for (const { line, sentence, next } of sentencesOf(source)) {
    for (const s of prose) {
      if (statesWrong(s, sentence, next))
        problems.push({ file, line, message: `states ${s.what} (known-wrong "${s.id}"; see ${s.source}): "${clip(sentence)}"` });
    }
  }
  const code = data.statements.filter((s) => s.in === 'code');
  for (const fence of codeFences(source)) {
    fence.code.split('\n').forEach((text, i) => {
      for (const s of code) {
        if (s.languages && !s.languages.includes(fence.lang)) continue;
        if (statesWrong(s, text))
          problems.push({ file, line: fence.line + 1 + i, message: `code shows ${s.what} (known-wrong "${s.id}"; see ${s.source}): ${text.trim()}` });
      }
    });
  }
  const due = data.tags.filter((t) => t.since <= today);
  const codeLines = new Set(codeFences(source).flatMap((f) => f.code.split('\n').map((_, i) => f.line + 1 + i)));
  source.split('\n').forEach((text, i) => {
    // A prose line may name an old tag to correct it; a code line never gets that pass.
    if (!codeLines.has(i + 1) && CORRECTION.test(text)) return;
    for (const ref of imageRefs(text)) {
      for (const t of due) {
        if (new RegExp(t.pattern).test(ref))
          problems.push({ file, line: i + 1, message: `${ref}: ${t.what}, past its support since ${t.since} (${t.source}); use a supported tag` });
      }
    }
  });
  return problems;
}

const clip = (s: string) => (s.length > 160 ? `${s.slice(0, 157)}...` : s);
