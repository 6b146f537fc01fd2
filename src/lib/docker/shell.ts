/**
 * The shell's part of a command line: what the shell on the host does before docker sees
 * anything. Splits a line into words (quotes removed, `\` escapes and `\`-newline continuations
 * handled), operators (`&&`, `||`, `;`, `|`, `&`, newlines), redirects (`>`, `2>&1`, `<`),
 * comments, and notes command substitutions (`$(...)`, backticks) and variables inside words.
 * One pass over the text: linear in its length. It does not expand anything.
 */

export interface ShellWord {
  t: 'word';
  /** The word as the program receives it (quotes removed). */
  text: string;
  /** The word as typed. */
  raw: string;
  /** Where the word starts in the text that was split (`raw` runs from here). */
  at: number;
  /** Commands the shell runs on the host to build this word (`$(...)`, backticks), as typed inside. */
  subst?: string[];
  /** The word contains `$VAR` or `${VAR}`, which the shell replaces. */
  vars?: true;
  /** A quote was opened and never closed: the word runs to the end of the line. */
  unclosed?: '"' | "'" | '`' | '$(';
}
export interface ShellOp {
  t: 'op';
  /** `&&`, `||`, `;`, `|`, `&` or `\n`. */
  text: string;
}
export interface ShellRedirect {
  t: 'redirect';
  /** The operator: `>`, `>>`, `2>`, `2>&1`, `<`, `<<`, `&>`. */
  text: string;
  /** The file (or here-document word); empty when the line ends first. */
  target: string;
}
export interface ShellComment {
  t: 'comment';
  text: string;
}
export type ShellItem = ShellWord | ShellOp | ShellRedirect | ShellComment;

const SPACE = /[ \t\r]/;

/** Split a line of shell into items. `limit`: stop after this many items (the rest is dropped). */
export function lexShell(input: string, limit = Infinity): { items: ShellItem[]; cut: boolean } {
  const items: ShellItem[] = [];
  const s = input;
  const n = s.length;
  let i = 0;
  let cut = false;
  const push = (item: ShellItem) => {
    if (items.length >= limit) {
      cut = true;
      return false;
    }
    items.push(item);
    return true;
  };
  while (i < n) {
    const c = s[i]!;
    if (SPACE.test(c)) {
      i++;
      continue;
    }
    if (c === '\\' && s[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '\n' || c === ';' || c === '|' || (c === '&' && s[i + 1] !== '>')) {
      const two = s.slice(i, i + 2);
      const op = two === '&&' || two === '||' ? two : c;
      i += op.length;
      if (!push({ t: 'op', text: op })) break;
      continue;
    }
    if (c === '#') {
      const end = s.indexOf('\n', i);
      const text = s.slice(i, end < 0 ? n : end);
      i += text.length;
      if (!push({ t: 'comment', text })) break;
      continue;
    }
    const redirect = /^(?:\d?>>|\d?>&\d?|&>>?|\d?>|\d?<<-?|\d?<)/.exec(s.slice(i, i + 4));
    if (redirect) {
      i += redirect[0].length;
      let op = redirect[0];
      if (/&$/.test(op) && /\d/.test(s[i] ?? '')) op += s[i++];
      let target = '';
      if (!/&\d$/.test(op)) {
        while (i < n && SPACE.test(s[i]!)) i++;
        const w = readWord(s, i);
        if (w.raw && !/^[;&|\n]/.test(w.raw)) {
          target = w.text;
          i = w.end;
        }
      }
      if (!push({ t: 'redirect', text: op, target })) break;
      continue;
    }
    const w = readWord(s, i);
    i = w.end;
    const word: ShellWord = { t: 'word', text: w.text, raw: w.raw, at: i - w.raw.length };
    if (w.subst.length) word.subst = w.subst;
    if (w.vars) word.vars = true;
    if (w.unclosed) word.unclosed = w.unclosed;
    if (!push(word)) break;
  }
  return { items, cut };
}

/** Read one word from `start`: quotes, escapes, `$(...)` and backticks kept together. */
function readWord(s: string, start: number): { text: string; raw: string; end: number; subst: string[]; vars: boolean; unclosed?: ShellWord['unclosed'] } {
  let i = start;
  let text = '';
  const subst: string[] = [];
  let vars = false;
  let quote: '"' | "'" | undefined;
  let unclosed: ShellWord['unclosed'];
  const n = s.length;
  while (i < n) {
    const c = s[i]!;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else text += c;
      i++;
      continue;
    }
    if (!quote && (SPACE.test(c) || c === '\n' || c === ';' || c === '|' || c === '&' || c === '<' || c === '>')) break;
    if (c === '\\') {
      const next = s[i + 1];
      if (next === '\n') i += 2;
      else if (next === undefined) i++;
      else {
        if (quote === '"' && !'"\\$`'.includes(next)) text += c;
        text += next;
        i += 2;
      }
      continue;
    }
    if (c === "'" && !quote) {
      quote = "'";
      i++;
      continue;
    }
    if (c === '"') {
      quote = quote ? undefined : '"';
      i++;
      continue;
    }
    if (c === '$' && s[i + 1] === '(') {
      const end = matchParen(s, i + 2);
      if (end < 0) {
        unclosed = '$(';
        subst.push(s.slice(i + 2));
        text += s.slice(i);
        i = n;
        break;
      }
      subst.push(s.slice(i + 2, end).replace(/^\(|\)$/g, ''));
      text += s.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (c === '`') {
      const end = s.indexOf('`', i + 1);
      if (end < 0) {
        unclosed = '`';
        subst.push(s.slice(i + 1));
        text += s.slice(i);
        i = n;
        break;
      }
      subst.push(s.slice(i + 1, end));
      text += s.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (c === '$' && /[A-Za-z_{]/.test(s[i + 1] ?? '')) vars = true;
    text += c;
    i++;
  }
  if (quote) unclosed = quote;
  return { text, raw: s.slice(start, i), end: i, subst, vars, ...(unclosed ? { unclosed } : {}) };
}

/** Index of the `)` closing a `$(` whose content starts at `from`; -1 when there is none. */
function matchParen(s: string, from: number): number {
  let depth = 1;
  let quote: string | undefined;
  for (let i = from; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}
