/**
 * What a copy button copies, decided at build time: exactly the command, never the `$ ` prompt
 * or the output, with `\` continuation lines kept. Pure and unit-tested.
 */

import { decodeEntities } from './html-entities.ts';
import { isDockerLine } from '../docker/word-shapes.ts';

/**
 * Languages whose blocks get a copy button: the shell languages a student pastes into a terminal
 * (their copy text drops prompts and output) and files a student pastes into an editor.
 */
export const COPY_BUTTON_LANGUAGES = new Set(['bash', 'sh', 'shell', 'console', 'dockerfile', 'yaml', 'yml']);

/** Shell languages: a copied block is commands, so it may get an "Explain" link. */
export const SHELL_LANGUAGES = new Set(['bash', 'sh', 'shell', 'console']);

/** A highlighted line that a diff marker (`[!code --]`) marks as removed: shown, never copied. */
const REMOVED_LINE = /^(?:<code[^>]*>)?<span class="line\b[^"]*\bdiff remove\b/;

/**
 * Text content of highlighted HTML: tags removed, entities decoded. Lines marked as removed by a
 * diff marker are left out (the markers themselves never reach the HTML: Shiki's transformers
 * strip them).
 */
export function htmlToText(html: string): string {
  const lines = html
    .replace(/<\/span>\s*\n?\s*<span class="line([" ])/g, '</span>\n<span class="line$1')
    .split('\n')
    .filter((l) => !REMOVED_LINE.test(l));
  return decodeEntities(lines.join('\n').replace(/<[^>]*>/g, ''));
}

/**
 * The text to copy for a code block.
 * - `console`: only the lines after a `$ ` prompt (prompt removed) and their `\` continuations.
 * - `bash`/`sh`/`shell`, `dockerfile`, `yaml`: the whole block.
 * Trailing blanks are trimmed; the result ends without a newline.
 */
export function copyText(code: string, lang: string): string {
  const lines = code.replace(/\r\n?/g, '\n').split('\n');
  let out: string[];
  if (lang === 'console' || lang === 'shellsession') {
    out = [];
    let continuing = false;
    for (const line of lines) {
      const prompt = /^\s*[$#] (.*)$/.exec(line);
      if (prompt && !continuing) {
        out.push(prompt[1]!);
        continuing = prompt[1]!.trimEnd().endsWith('\\');
      } else if (continuing) {
        out.push(line);
        continuing = line.trimEnd().endsWith('\\');
      }
    }
  } else {
    out = lines;
  }
  return out
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/** Every `docker …` command of a copy text, one a line (continuations joined), for the explainer link: none is dropped. */
export function explainableCommand(copy: string): string | undefined {
  const joined = copy.replace(/[ \t]*\\\n\s*/g, ' ');
  const lines = joined.split('\n').filter(isDockerLine);
  return lines.length ? lines.map((l) => l.trim().replace(/^sudo\s+(?=docker\s)/, '')).join('\n') : undefined;
}
