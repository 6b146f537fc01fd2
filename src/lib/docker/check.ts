/**
 * The checker: every problem of every token of a line (tokenize.ts), as messages naming the
 * source, the docker command as written, and what is wrong. Errors only; warnings (a redirect,
 * a command substitution, a deprecated flag) are the explainer's to show. A `version` problem
 * (a flag one Engine version lacks, e.g. `--kernel-memory`, gone in 29) is excused when the text
 * around the line names that version ("removed in Docker 29", "on CLI 28.x").
 */
import type { ModelIndex } from './model.ts';
import { tokenize, type Problem, type Segment, type Token } from './tokenize.ts';

export interface CheckOptions {
  /** Where the line is, e.g. "content/chapters/x.mdx:12" or 'commands.yaml: "docker-run" example 2'. */
  source: string;
  /** The text around the line (its paragraph, or the paragraph before a code block). */
  context?: string;
  /** The line is inline code in prose, which may name a flag without its value (`docker run --name`). */
  fragment?: boolean;
}

export interface Found {
  segment: Segment;
  token: Token;
  problem: Problem;
}

/** Every problem of a line, with its token and docker command. */
export function lineProblems(line: string, index: ModelIndex): Found[] {
  const out: Found[] = [];
  for (const segment of tokenize(line, index).segments)
    for (const token of segment.tokens) for (const problem of token.problems) out.push({ segment, token, problem });
  return out;
}

/** Whether `text` names the Engine version `label` ("Docker CLI 29.7.2"): "Docker 29", "CLI 29.7", "29.x", "version 29". */
export function mentionsVersion(text: string, label: string): boolean {
  const major = /(\d+)\.\d+/.exec(label)?.[1];
  if (!major) return false;
  return new RegExp(`\\b(?:docker|cli|engine|version|v)\\s*(?:cli\\s*)?${major}(?:\\.[\\dx]+)*\\b|\\b${major}\\.(?:\\d+|x)\\b`, 'i').test(text);
}

/** Check a line; returns one message a problem, or an empty list. */
export function checkLine(line: string, index: ModelIndex, options: CheckOptions): string[] {
  const out: string[] = [];
  for (const { segment, problem } of lineProblems(line, index)) {
    if (problem.severity !== 'error') continue;
    if (options.fragment && problem.code === 'missing-value') continue;
    if (problem.code === 'version' && options.context && problem.missingIn?.some((e) => mentionsVersion(options.context!, index.model.engines[e]!))) continue;
    const msg = `${options.source}: \`${segment.text}\`: ${problem.message}`;
    if (!out.includes(msg)) out.push(msg);
  }
  return out;
}
