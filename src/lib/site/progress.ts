/**
 * Self-check progress, kept only on the student's device (localStorage, never sent): which
 * questions of which chapter the student has marked as answered. Shared by the SelfCheck
 * component (ids at build time), the sidebar (question counts) and the browser module.
 */

/** The localStorage key. Value: `{ "<chapter slug>": ["<question id>", ...] }`. */
export const PROGRESS_KEY = 'self-check-progress';

/** A short, stable id for a question: a hash of its text (editing the question resets its mark). */
export function questionId(question: string): string {
  let h = 5381;
  for (const ch of question.trim()) h = ((h * 33) ^ ch.codePointAt(0)!) >>> 0;
  return h.toString(36);
}

/** How many self-check questions a chapter's MDX source asks. */
export function countQuestions(mdx: string): number {
  return (mdx.match(/<(?:SelfCheck|Exercise)\b/g) ?? []).length;
}

export type Progress = Record<string, string[]>;

/** Parse stored progress; anything malformed counts as no progress. */
export function parseProgress(raw: string | null): Progress {
  try {
    const v: unknown = JSON.parse(raw ?? '{}');
    if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
    const out: Progress = {};
    for (const [k, ids] of Object.entries(v)) if (Array.isArray(ids)) out[k] = ids.filter((i): i is string => typeof i === 'string');
    return out;
  } catch {
    return {};
  }
}
