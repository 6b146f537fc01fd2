/**
 * Every docker line of the site's sources, with where it is and the text around it (for the
 * version rule of src/lib/docker/check.ts): the chapters' copyable code blocks and inline code,
 * and the reference's examples.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { codeFences, COPYABLE_LANGUAGES } from '~/lib/checks/content-lint.ts';
import { copyText } from '~/lib/text/copy-text.ts';

export interface SiteLine {
  /** `content/chapters/x.mdx:12` */
  source: string;
  text: string;
  /** The paragraph before a code block, or the line (paragraph, table row) of inline code. */
  context: string;
  inline: boolean;
}

export const chapterFiles = (): string[] =>
  readdirSync('content/chapters')
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => `content/chapters/${f}`);

/** The paragraph that ends right before line `index` (0-based), skipping blank lines. */
function paragraphBefore(lines: string[], index: number): string {
  let i = index - 1;
  while (i >= 0 && !lines[i]!.trim()) i--;
  const out: string[] = [];
  for (; i >= 0 && lines[i]!.trim() && !/^(```|~~~)/.test(lines[i]!.trim()); i--) out.unshift(lines[i]!);
  return out.join(' ');
}

/** Docker command lines of a chapter's copyable code blocks. */
export function codeBlockLines(path: string, source = readFileSync(path, 'utf8')): SiteLine[] {
  const out: SiteLine[] = [];
  const all = source.split('\n');
  for (const fence of codeFences(source)) {
    if (!COPYABLE_LANGUAGES.has(fence.lang)) continue;
    const lines = fence.code.split('\n');
    const copied = copyText(fence.code, fence.lang).replace(/\\\n/g, '\\\u0000').split('\n');
    const context = paragraphBefore(all, fence.line - 1);
    let from = 0;
    for (const cmd of copied) {
      const text = cmd.replace(/\\\u0000/g, '\\\n');
      const firstLine = text.split('\n')[0]!.trim();
      const idx = lines.findIndex((l, i) => i >= from && l.includes(firstLine));
      if (idx >= 0) from = idx + 1;
      if (/\bdocker\b/.test(text)) out.push({ source: `${path}:${fence.line + 1 + Math.max(idx, 0)}`, text, context, inline: false });
    }
  }
  return out;
}

/** Every `docker ...` written as inline code in a chapter's prose (code blocks and frontmatter blanked). */
export function inlineLines(path: string, source = readFileSync(path, 'utf8')): SiteLine[] {
  const lines = source.split('\n');
  for (const f of codeFences(source)) {
    const n = f.code.split('\n').length + 2;
    for (let i = f.line - 1; i < f.line - 1 + n && i < lines.length; i++) lines[i] = '';
  }
  const end = lines[0] === '---' ? lines.indexOf('---', 1) : -1;
  for (let i = 0; i <= end; i++) lines[i] = '';
  return lines.flatMap((text, i) => [...text.matchAll(/`((?:sudo )?docker[ -][^`]+)`/g)].map((m) => ({ source: `${path}:${i + 1}`, text: m[1]!.replace(/\s+/g, ' '), context: text, inline: true })));
}

/**
 * An inline command shown on purpose as wrong: its line says what docker answers or that it is
 * wrong (a troubleshooting table row: `docker run --port ...` | `unknown flag: --port`).
 */
export const SAYS_WRONG = /\bunknown (?:flag|command|shorthand flag)\b|invalid reference format|\b(?:wrong|fails?|mistake|typo|does not exist|is not a docker)\b/i;
