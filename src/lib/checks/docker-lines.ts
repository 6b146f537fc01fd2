/**
 * Every docker line of a chapter (its shell code blocks and its inline code), checked against the
 * one docker model (src/lib/docker/): the CLI 28.2 captures and the 29.7 table, Compose and Buildx.
 * A flag one Engine version lacks passes only when the text around the line names the version;
 * inline code shown on purpose as wrong passes only when its line says so and it really fails.
 * The content lint (src/integrations/lint-content.ts) runs this when the build starts, before Vite
 * exists, so the model is read from disk here (src/lib/docker/data.ts reads it through Vite).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommandsFile, type Command } from '../../schemas/command.ts';
import { checkLine } from '../docker/check.ts';
import { buildModel, COMMANDS_FILE, indexModel, type ModelIndex } from '../docker/model.ts';
import { assembleSources } from '../docker/sources.ts';
import { parseYamlFile } from '../reference/yaml-file.ts';
import { copyText } from '../text/copy-text.ts';
import { codeFences, COPYABLE_LANGUAGES, type LintProblem } from './content-lint.ts';

export interface SiteLine {
  /** `content/chapters/x.mdx:12` */
  source: string;
  /** 1-based line in the chapter file. */
  line: number;
  text: string;
  /** The paragraph before a code block, or the line (paragraph, table row) of inline code. */
  context: string;
  inline: boolean;
}

/** The paragraph that ends right before line `index` (0-based), skipping blank lines. */
function paragraphBefore(lines: string[], index: number): string {
  let i = index - 1;
  while (i >= 0 && !lines[i]!.trim()) i--;
  const out: string[] = [];
  for (; i >= 0 && lines[i]!.trim() && !/^(```|~~~)/.test(lines[i]!.trim()); i--) out.unshift(lines[i]!);
  return out.join(' ');
}

/** Docker command lines of a chapter's shell code blocks, as the copy button copies them. */
export function codeBlockLines(path: string, source: string): SiteLine[] {
  const out: SiteLine[] = [];
  const all = source.split('\n');
  for (const fence of codeFences(source)) {
    if (!COPYABLE_LANGUAGES.has(fence.lang) || !fence.closed) continue;
    const lines = fence.code.split('\n');
    const copied = copyText(fence.code, fence.lang).replace(/\\\n/g, '\\\u0000').split('\n');
    const context = paragraphBefore(all, fence.line - 1);
    let from = 0;
    for (const cmd of copied) {
      const text = cmd.replace(/\\\u0000/g, '\\\n');
      const firstLine = text.split('\n')[0]!.trim();
      const idx = lines.findIndex((l, i) => i >= from && l.includes(firstLine));
      if (idx >= 0) from = idx + 1;
      const line = fence.line + 1 + Math.max(idx, 0);
      if (/\bdocker\b/.test(text)) out.push({ source: `${path}:${line}`, line, text, context, inline: false });
    }
  }
  return out;
}

/** Every `docker ...` written as inline code in a chapter's prose (code blocks and frontmatter blanked). */
export function inlineLines(path: string, source: string): SiteLine[] {
  const lines = source.split('\n');
  for (const f of codeFences(source)) {
    for (let i = f.line - 1; i < f.endLine && i < lines.length; i++) lines[i] = '';
  }
  const end = lines[0] === '---' ? lines.indexOf('---', 1) : -1;
  for (let i = 0; i <= end; i++) lines[i] = '';
  return lines.flatMap((text, i) =>
    !text.includes('`') || !text.includes('docker')
      ? []
      : [...text.matchAll(/`((?:sudo )?docker[ -][^`]+)`/g)].map((m) => ({
          source: `${path}:${i + 1}`,
          line: i + 1,
          text: m[1]!.replace(/\s+/g, ' '),
          context: text,
          inline: true,
        })),
  );
}

/**
 * An inline command shown on purpose as wrong: its line says what docker answers or that it is
 * wrong (a troubleshooting table row: `docker run --port ...` | `unknown flag: --port`).
 */
export const SAYS_WRONG =
  /\bunknown (?:flag|command|shorthand flag)\b|invalid reference format|\b(?:wrong|fails?|mistake|typo|does not exist|is not a docker)\b/i;

/** Every docker line of one chapter against every CLI version; one problem a wrong line. */
export function checkChapterDockerLines(path: string, source: string, index: ModelIndex): LintProblem[] {
  const problems: LintProblem[] = [];
  for (const line of [...codeBlockLines(path, source), ...inlineLines(path, source)]) {
    const found = checkLine(line.text, index, { source: line.source, context: line.context, fragment: line.inline });
    // An inline command shown as wrong on purpose passes only if it really fails.
    if (line.inline && SAYS_WRONG.test(line.context) && found.length) continue;
    for (const message of found) problems.push({ file: path, line: line.line, message: message.slice(line.source.length + 2) });
  }
  return problems;
}

/** content/reference/commands.yaml under `root`, parsed and checked (a problem throws, naming the entry). */
export function referenceFromDisk(root: string, chapterSlugs: readonly string[]): Command[] {
  return parseCommandsFile(parseYamlFile(readFileSync(join(root, COMMANDS_FILE), 'utf8'), COMMANDS_FILE), chapterSlugs, COMMANDS_FILE);
}

/**
 * The docker model from content/reference/ under `root`, read from disk: the captures and the
 * tables, overlaid by the reference (whose disagreements with the CLI data are thrown).
 */
export function modelFromDisk(root: string, reference: readonly Command[]): ModelIndex {
  const read = (dir: string, ext: string) =>
    readdirSync(join(root, dir))
      .filter((f) => f.endsWith(ext))
      .sort()
      .map((f) => ({ file: `${dir}/${f}`, text: readFileSync(join(root, dir, f), 'utf8') }));
  const sources = assembleSources(
    read('content/reference/docker-help', '.txt'),
    read('content/reference/cli', '.tsv'),
    readFileSync(join(root, 'content/reference/docker-help/VERSION'), 'utf8'),
  );
  const { model, problems } = buildModel(sources, reference);
  if (problems.length) throw new Error(`The command reference does not match the CLI data:\n  ${problems.join('\n  ')}`);
  return indexModel(model);
}
