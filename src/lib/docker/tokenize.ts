/**
 * The one walk over a docker command line, shared by the checker (check.ts) and the explainer
 * (explain.ts): the shell's words (shell.ts), then `sudo`, `docker`, global flags, subcommands,
 * flags (bundles `-itd`, `-p8080:80`, `--x=y`, `-e=FOO`), their values, `--`, the positional
 * arguments with their roles (the image, the command run inside), placeholders of reference
 * examples (`IMAGE`, `...`), and every docker command after `&&`, `;` or `|`. Each token carries
 * its problems; the consumers only report or describe them, so they agree on every input.
 * Linear in the length of the line; `limits` cap what is processed.
 */
import { closest } from './suggest.ts';
import { lexShell, type ShellItem, type ShellWord } from './shell.ts';
import type { ModelArg, ModelCommand, ModelFlag, ModelIndex } from './model.ts';
import { flagLabel, isFlag, isImageReference, isPlaceholder } from './word-shapes.ts';
import { isAssignment } from './variables.ts';

export type TokenKind =
  | 'prompt'
  | 'sudo'
  | 'runner'
  | 'variable'
  | 'program'
  | 'command'
  | 'global-flag'
  | 'flag'
  | 'value'
  | 'image'
  | 'argument'
  | 'inner-command'
  | 'inner-argument'
  | 'separator'
  | 'placeholder'
  | 'operator'
  | 'redirect'
  | 'comment'
  | 'unknown-command'
  | 'unknown-flag'
  | 'other';

export type ProblemCode =
  | 'unknown-command'
  | 'unknown-flag'
  | 'missing-value'
  | 'invalid-image'
  | 'flag-after-image'
  | 'version'
  | 'deprecated'
  | 'unclosed-quote'
  | 'host-command'
  | 'redirect'
  | 'not-docker';

export interface Suggestion {
  /** What to type instead: `docker run`, `-p, --publish`, a whole corrected line. */
  text: string;
  note?: string;
  /** Reference anchor of the suggestion. */
  anchor?: string;
}

/** A change to the text that was walked (Tokenized.text): replace `at`..`end` with `text`. */
export interface Edit {
  at: number;
  end: number;
  text: string;
}

export interface Problem {
  code: ProblemCode;
  /** `error`: docker (or the shell) would reject the line or do something else than written; `warning`: it runs, but look twice. */
  severity: 'error' | 'warning';
  message: string;
  suggestion?: Suggestion;
  /** For `version`: indexes into Model.engines of the versions that lack the flag or command. */
  missingIn?: number[];
  /** How to repair the line (a typo'd flag, a flag after the image, an unclosed quote), as edits of Tokenized.text. */
  fix?: Edit[];
}

export interface Token {
  /** The text as the CLI sees it: `-t` out of `-itd`, `FOO` out of `-e=FOO`. */
  text: string;
  /** The word it came from, when different (`-itd`, `--name=bot`). */
  raw?: string;
  kind: TokenKind;
  /** The command the token belongs to (canonical name). */
  command?: string;
  flag?: ModelFlag;
  arg?: ModelArg;
  /** For a word built by command substitution: the commands the host runs. */
  subst?: string[];
  problems: Problem[];
}

export interface Segment {
  /** The docker command of the segment, canonical name, when one was recognised. */
  command?: string;
  /** The segment starts with docker (or sudo docker). */
  docker: boolean;
  /** The words from `docker` on (or the whole segment), as typed, joined by spaces. */
  text: string;
  /** Run by the shell first, to build a word of another segment (`$(docker ps -q)`). */
  nested?: true;
  tokens: Token[];
}

export interface Tokenized {
  segments: Segment[];
  /** The text that was walked (line ends normalised, capped): what the problems' `fix` edits apply to. */
  text: string;
  /** Set when the input was longer than the limits: what was cut. */
  truncated?: { what: 'characters' | 'parts'; limit: number };
}

export interface Limits {
  /** Characters of input read. */
  chars: number;
  /** Tokens produced (a bundle `-itd` makes three). */
  tokens: number;
}

const NO_LIMITS: Limits = { chars: Infinity, tokens: Infinity };

/** Split a line into its docker commands and tokens. */
export function tokenize(input: string, index: ModelIndex, limits: Limits = NO_LIMITS): Tokenized {
  let text = input.replace(/\r\n?/g, '\n');
  let truncated: Tokenized['truncated'];
  if (text.length > limits.chars) {
    text = text.slice(0, limits.chars);
    truncated = { what: 'characters', limit: limits.chars };
  }
  const budget = { left: limits.tokens };
  const segments: Segment[] = [];
  walkLine(text, index, segments, budget, 0);
  if (budget.left < 0 && !truncated) truncated = { what: 'parts', limit: limits.tokens };
  return truncated ? { segments, text, truncated } : { segments, text };
}

function walkLine(text: string, index: ModelIndex, segments: Segment[], budget: { left: number }, depth: number): void {
  // Blank out a `$ ` prompt at the start of each line (same length, so word offsets stay those of the text).
  const { items } = lexShell(
    text.replace(/^([ \t]*)\$[ \t]+/gm, (m) => ' '.repeat(m.length)),
    Math.max(0, budget.left) + 1,
  );
  let current: ShellItem[] = [];
  const flush = () => {
    if (current.length) walkSegment(current, index, segments, budget, depth);
    current = [];
  };
  for (const item of items) {
    if (budget.left < 0) break;
    if (item.t === 'op') {
      flush();
      if (item.text !== '\n') segments.push({ docker: false, text: item.text, tokens: [{ text: item.text, kind: 'operator', problems: [] }] });
      budget.left--;
    } else current.push(item);
  }
  flush();
}

interface Walk {
  index: ModelIndex;
  tokens: Token[];
  budget: { left: number };
}

const add = (w: Walk, t: Token) => {
  w.budget.left--;
  if (w.budget.left >= 0) w.tokens.push(t);
};

function walkSegment(items: ShellItem[], index: ModelIndex, segments: Segment[], budget: { left: number }, depth: number): void {
  const w: Walk = { index, tokens: [], budget };
  const seg: Segment = { docker: false, text: '', tokens: w.tokens };
  segments.push(seg);
  const nested: string[] = [];
  // Redirects and comments are the shell's: tokens of their own, wherever they stand.
  const words: ShellWord[] = [];
  const shellTokens: Token[] = [];
  for (const it of items) {
    if (it.t === 'word') {
      words.push(it);
      if (it.subst) nested.push(...it.subst);
    } else if (it.t === 'redirect') {
      shellTokens.push({
        text: `${it.text}${it.target ? ` ${it.target}` : ''}`,
        kind: 'redirect',
        problems: [
          {
            code: 'redirect',
            severity: 'warning',
            message: /</.test(it.text)
              ? `A redirect of your shell: it feeds ${it.target ? `the file ${it.target}` : 'a file'} to the command's input; docker never sees "${it.text}".`
              : `A redirect of your shell: it writes the output to ${it.target ? `the file ${it.target}` : 'a file'} on your computer${/>>/.test(it.text) ? ' (appending)' : ''}; docker never sees "${it.text}".`,
          },
        ],
      });
    } else if (it.t === 'comment') shellTokens.push({ text: it.text, kind: 'comment', problems: [] });
  }
  let i = 0;
  const rest = (kind: TokenKind, problem?: Problem) => {
    for (; i < words.length; i++) add(w, wordToken(words[i]!, kind, problem ? [problem] : []));
  };
  // `NAME=value` in front of a command sets NAME for that command only (also after sudo's options).
  const variables = () => {
    while (i < words.length && isAssignment(words[i]!.raw) && i + 1 < words.length) add(w, wordToken(words[i++]!, 'variable', []));
  };
  variables();
  // A program that runs the command after it (`docker ps -q | xargs docker stop`, `watch docker ps`).
  if (words[i] && words[i]!.text in RUNNERS && words.slice(i + 1).some((x) => x.text === 'docker')) {
    const takes = RUNNERS[words[i]!.text]!;
    add(w, wordToken(words[i++]!, 'runner', []));
    while (i < words.length && words[i]!.text.startsWith('-') && words[i]!.text !== '--') {
      const opt = words[i]!.text;
      add(w, wordToken(words[i++]!, 'runner', []));
      if (takes.includes(opt) && i < words.length) add(w, wordToken(words[i++]!, 'runner', []));
    }
  }
  if (words[i]?.text === 'sudo') {
    add(w, { text: 'sudo', kind: 'sudo', problems: [] });
    i++;
    while (i < words.length && words[i]!.text.startsWith('-')) add(w, wordToken(words[i++]!, 'sudo', []));
    variables();
  }
  const first = words[i];
  seg.text = words
    .slice(first?.text === 'docker' ? i : 0)
    .map((x) => x.raw)
    .join(' ');
  if (first?.text === 'docker' && !first.subst) {
    seg.docker = true;
    add(w, { text: 'docker', kind: 'program', command: 'docker', problems: [] });
    i++;
    walkDocker(w, words, i, seg);
  } else if (first) {
    const two = words
      .slice(i, i + 2)
      .map((x) => x.text)
      .join(' ');
    const mistake = index.model.mistakes.find((m) => m.wrong === two || m.wrong === first.text);
    if (mistake) {
      const last = mistake.wrong === two ? words[i + 1]! : first;
      const problem: Problem = {
        code: 'not-docker',
        severity: 'error',
        message: `${first.text} is not the docker command. ${mistake.note}`,
        suggestion: { text: mistake.right, note: mistake.note, anchor: mistake.anchor },
      };
      if (/^docker\b/.test(mistake.right)) problem.fix = [{ at: first.at, end: last.at + last.raw.length, text: mistake.right }];
      add(w, wordToken(first, 'unknown-command', [problem]));
      i++;
    }
    rest('other');
  }
  w.tokens.push(...shellTokens);
  if (depth < 2)
    for (const inner of nested) {
      const before = segments.length;
      walkLine(inner, index, segments, budget, depth + 1);
      for (const s of segments.slice(before)) s.nested = true;
    }
}

/** Programs that run the command after them, with their options that take a value (xargs(1), watch(1), time(1), nohup(1)). */
const RUNNERS: Readonly<Record<string, readonly string[]>> = {
  xargs: ['-n', '-I', '-L', '-P', '-d', '-s', '-E', '-a'],
  watch: ['-n', '-d'],
  time: [],
  nohup: [],
};

/** An edit that puts `text` in place of the whole word. */
const replaceWord = (word: ShellWord, text: string): Edit[] => [{ at: word.at, end: word.at + word.raw.length, text }];

function wordToken(word: ShellWord, kind: TokenKind, problems: Problem[]): Token {
  const t: Token = { text: word.text, kind, problems: [...problems, ...shellProblems(word)] };
  if (word.raw !== word.text) t.raw = word.raw;
  if (word.subst) t.subst = word.subst;
  return t;
}

/** Problems the shell has with a word: an unclosed quote, a command it runs on the host. */
function shellProblems(word: ShellWord): Problem[] {
  const out: Problem[] = [];
  if (word.unclosed) {
    const what =
      word.unclosed === '$('
        ? '$( without its )'
        : word.unclosed === '`'
          ? 'a backtick without its closing backtick'
          : `a ${word.unclosed === '"' ? 'double' : 'single'} quote that is never closed`;
    const problem: Problem = {
      code: 'unclosed-quote',
      severity: 'error',
      message: `The line has ${what}: the shell waits for more input instead of running the command. Close it, or remove it.`,
    };
    // A quote opened at a word's start most likely closes where that word ends: before the next space.
    if (word.unclosed === '"' || word.unclosed === "'") {
      const open = word.raw.lastIndexOf(word.unclosed);
      const space = word.raw.slice(open).search(/\s/);
      const close = space < 0 ? word.raw.length : open + space;
      if (close > open + 1) problem.fix = [{ at: word.at + close, end: word.at + close, text: word.unclosed }];
    }
    out.push(problem);
  }
  for (const cmd of word.subst ?? []) {
    const shown = cmd.trim();
    out.push({
      code: 'host-command',
      severity: 'warning',
      message: `Command substitution: before docker starts, your shell runs \`${shown}\` on your computer (not in a container) and puts its output here.${/^docker\b/.test(shown) ? '' : ' Make sure you want that command to run on the host.'}`,
    });
  }
  return out;
}

function walkDocker(w: Walk, words: ShellWord[], start: number, seg: Segment): void {
  const { index } = w;
  let path = 'docker';
  let cmd: ModelCommand = index.byName.get('docker')!;
  let positional = 0;
  let flagsDone = false;
  let imageAt = -1;
  let i = start;
  const flagsEnd = () => cmd.args.some((a) => a.rest) && cmd.name !== 'docker';
  while (i < words.length && w.budget.left >= 0) {
    const word = words[i]!;
    const t = word.text;
    if (t === '--' && !flagsDone && !word.raw.includes('"')) {
      add(w, { text: t, kind: 'separator', command: cmd.name, problems: [] });
      flagsDone = true;
      i++;
      continue;
    }
    if (t === '...' || t === '\u2026') {
      for (; i < words.length; i++) add(w, wordToken(words[i]!, 'placeholder', []));
      break;
    }
    if (!flagsDone && isFlag(t) && !(positional > 0 && flagsEnd())) {
      i = walkFlag(w, words, i, cmd, positional === 0 ? index.children.get(path) : undefined);
      continue;
    }
    const kids = index.children.get(path);
    if (positional === 0 && kids && (cmd.name === 'docker' || !cmd.args.length || kids.includes(t))) {
      if (isPlaceholder(t) || word.vars || word.subst) {
        for (; i < words.length; i++) add(w, wordToken(words[i]!, 'placeholder', []));
        break;
      }
      const next = index.byName.get(`${path} ${t}`);
      if (next) {
        path = `${path} ${t}`;
        cmd = next;
        seg.command = next.name;
        add(w, wordToken(word, 'command', []));
        w.tokens.at(-1)!.command = next.name;
        versionProblem(w, cmd, undefined);
        i++;
        continue;
      }
      add(w, wordToken(word, 'unknown-command', [unknownCommand(index, path, t, word)]));
      for (i++; i < words.length; i++) add(w, wordToken(words[i]!, 'other', []));
      break;
    }
    // A positional argument.
    const spec = cmd.args[Math.min(positional, cmd.args.length - 1)];
    const arg = spec && (positional < cmd.args.length || spec.repeat || spec.rest) ? spec : undefined;
    const token = wordToken(word, 'argument', []);
    token.command = cmd.name;
    if (arg) token.arg = arg;
    if (arg?.role === 'image' && imageAt < 0) {
      token.kind = 'image';
      imageAt = w.tokens.length;
      if (!isPlaceholder(t) && !/^[^a-z]*[A-Z][^a-z]*$/.test(t) && !word.vars && !word.subst && !isImageReference(t)) {
        const problem = invalidImage(w, cmd, t);
        if (problem.suggestion?.text === t.toLowerCase() && word.raw === t) problem.fix = replaceWord(word, problem.suggestion.text);
        token.problems.unshift(problem);
      }
    } else if (arg?.rest) {
      token.kind = 'inner-command';
      if (isDockerFlag(cmd, t)) token.problems.unshift(flagAfterImage(w, words, i, cmd));
      add(w, token);
      for (i++; i < words.length; i++) {
        const inner = wordToken(words[i]!, 'inner-argument', []);
        inner.command = cmd.name;
        add(w, inner);
      }
      break;
    }
    add(w, token);
    positional++;
    i++;
  }
}

/** Tokens of the flag word at `i`; returns the index of the next word. */
function walkFlag(w: Walk, words: ShellWord[], i: number, cmd: ModelCommand, kids?: string[]): number {
  const word = words[i]!;
  const t = word.text;
  const kind: TokenKind = cmd.name === 'docker' ? 'global-flag' : 'flag';
  const next = words[i + 1];
  const takeNext = (f: ModelFlag): number => {
    // Like the CLI, a flag that takes a value takes the next word, even one starting with "-".
    if (next) {
      add(w, valueToken(next, f, cmd));
      return i + 2;
    }
    add(w, {
      text: '',
      kind: 'value',
      command: cmd.name,
      flag: f,
      problems: [{ code: 'missing-value', severity: 'error', message: `${f.long} needs a value, but the line ends here.` }],
    });
    return i + 1;
  };
  if (t.startsWith('--')) {
    const eq = t.indexOf('=');
    const name = eq < 0 ? t : t.slice(0, eq);
    const f = cmd.flags.find((x) => x.long === name);
    const token: Token = { text: name, kind, command: cmd.name, problems: [] };
    if (eq >= 0) token.raw = word.raw;
    if (!f) {
      const { problem, meant } = unknownFlag(cmd, name);
      if (meant && word.raw.startsWith(name)) problem.fix = [{ at: word.at, end: word.at + name.length, text: meant.long }];
      token.kind = 'unknown-flag';
      token.problems.push(problem);
      add(w, token);
      // Read the value the way the flag that was probably meant would: `--port 8080:80` as `-p 8080:80`.
      if (eq < 0 && meant?.type && next && !isFlag(next.text)) {
        add(w, valueToken(next, meant, cmd));
        return i + 2;
      }
      // Before a subcommand, a word that is no subcommand is most likely the unknown flag's value.
      if (eq < 0 && !meant && kids && next && !isFlag(next.text) && !kids.includes(next.text)) {
        add(w, { ...wordToken(next, 'other', []), command: cmd.name });
        return i + 2;
      }
      return i + 1;
    }
    token.flag = f;
    flagProblems(w, token, cmd, f);
    add(w, token);
    if (!f.type) return i + 1;
    if (eq >= 0) {
      add(w, { ...valueToken(word, f, cmd), text: t.slice(eq + 1), raw: word.raw });
      return i + 1;
    }
    return takeNext(f);
  }
  // Short flags, possibly bundled: -itd = -i -t -d; -p8080:80 = -p 8080:80; -e=FOO = -e FOO.
  for (let k = 1; k < t.length; k++) {
    if (w.budget.left < 0) return words.length;
    const short = `-${t[k]}`;
    const f = cmd.flags.find((x) => x.short === short);
    const token: Token = { text: short, kind, command: cmd.name, problems: [] };
    if (t.length > 2) token.raw = word.raw;
    if (!f) {
      token.kind = 'unknown-flag';
      token.problems.push(unknownFlag(cmd, short, t).problem);
      add(w, token);
      return i + 1;
    }
    token.flag = f;
    flagProblems(w, token, cmd, f);
    add(w, token);
    if (f.type) {
      if (k < t.length - 1) {
        const value = t.slice(k + 1).replace(/^=/, '');
        add(w, { ...valueToken(word, f, cmd), text: value, raw: word.raw });
        return i + 1;
      }
      return takeNext(f);
    }
  }
  return i + 1;
}

function valueToken(word: ShellWord, f: ModelFlag, cmd: ModelCommand): Token {
  const t = wordToken(word, 'value', []);
  t.flag = f;
  t.command = cmd.name;
  return t;
}

function flagProblems(w: Walk, token: Token, cmd: ModelCommand, f: ModelFlag): void {
  versionProblem(w, cmd, f, token);
  if (f.deprecated)
    token.problems.push({ code: 'deprecated', severity: 'warning', message: `${f.long} of ${cmd.name} is deprecated: it still works, but may go away.` });
}

/** A `version` problem when some Engine versions lack the command (or the flag). */
function versionProblem(w: Walk, cmd: ModelCommand, f: ModelFlag | undefined, token = w.tokens.at(-1)): void {
  const missing = f ? f.missing : cmd.missing;
  if (!missing?.length || !token) return;
  const engines = w.index.model.engines;
  const lacking = missing.map((e) => engines[e]!).join(' and ');
  const having = engines.filter((_, e) => !missing.includes(e)).join(' and ');
  const what = f ? `${cmd.name} ${f.long}` : cmd.name;
  token.problems.push({
    code: 'version',
    severity: 'error',
    message: `${what} is not in ${lacking}${having ? ` (only in ${having})` : ''}.`,
    missingIn: missing,
  });
}

function unknownCommand(index: ModelIndex, path: string, word: string, typed: ShellWord): Problem {
  const wrong = `${path} ${word}`;
  const problem: Problem = { code: 'unknown-command', severity: 'error', message: `unknown docker command "${wrong}"` };
  const mistake = index.model.mistakes.find((m) => m.wrong === wrong || m.wrong.startsWith(`${wrong} `));
  if (mistake) {
    problem.suggestion = { text: mistake.right, note: mistake.note, anchor: mistake.anchor };
    const rest = mistake.wrong === wrong && mistake.right.startsWith(`${path} `) ? mistake.right.slice(path.length + 1) : '';
    if (rest && !rest.includes(' ')) problem.fix = replaceWord(typed, rest);
    return problem;
  }
  const kids = index.children.get(path) ?? [];
  const near = closest(word, kids, (c) => !!index.byName.get(`${path} ${c}`)?.anchor, true);
  if (near) {
    const target = index.byName.get(`${path} ${near}`);
    problem.suggestion = {
      text: `${path} ${near}`,
      ...(target?.summary ? { note: target.summary } : {}),
      ...(target?.anchor ? { anchor: target.anchor } : {}),
    };
    problem.message += `; did you mean ${path} ${near}?`;
    problem.fix = replaceWord(typed, near);
  }
  return problem;
}

const nearFlags = new WeakMap<ModelCommand, Map<string, string | undefined>>();

function unknownFlag(cmd: ModelCommand, name: string, bundle?: string): { problem: Problem; meant?: ModelFlag } {
  const problem: Problem = {
    code: 'unknown-flag',
    severity: 'error',
    message: `${cmd.name === 'docker' ? 'docker (global options, before the command)' : cmd.name} has no flag ${name}${bundle && bundle !== name ? ` (in ${bundle})` : ''}`,
  };
  const mistake = cmd.flags.flatMap((f) => f.mistakes ?? []).find((m) => m.wrong === name);
  if (mistake) {
    problem.suggestion = { text: mistake.right, note: mistake.note, anchor: mistake.anchor };
    const meant = cmd.flags.find((f) => f.anchor === mistake.anchor);
    return meant ? { problem, meant } : { problem };
  }
  if (!name.startsWith('--')) return { problem };
  const pool = cmd.flags.filter((f) => !f.of && !f.hidden && f.long !== '--help');
  // The same typo repeated (a pasted loop, a hostile line) is looked up once per command.
  let seen = nearFlags.get(cmd);
  if (!seen) nearFlags.set(cmd, (seen = new Map()));
  if (!seen.has(name))
    seen.set(
      name,
      closest(
        name,
        pool.map((f) => f.long),
        (l) => !!pool.find((f) => f.long === l)?.anchor,
      ),
    );
  const near = seen.get(name);
  const meant = pool.find((f) => f.long === near);
  if (!meant) return { problem };
  problem.suggestion = { text: flagLabel(meant), ...(meant.meaning ? { note: meant.meaning } : {}), ...(meant.anchor ? { anchor: meant.anchor } : {}) };
  problem.message += `; did you mean ${flagLabel(meant)}?`;
  return { problem, meant };
}

function invalidImage(w: Walk, cmd: ModelCommand, t: string): Problem {
  const before = w.tokens.at(-1);
  const problem: Problem = {
    code: 'invalid-image',
    severity: 'error',
    message: `"${t}" is not a valid image reference, so ${cmd.name} would fail with "invalid reference format".`,
  };
  if (t.toLowerCase() !== t && isImageReference(t.toLowerCase())) {
    problem.message += ' Repository names are lower case.';
    problem.suggestion = { text: t.toLowerCase() };
  } else if (before?.flag && !before.flag.type && before.kind !== 'value') {
    problem.message += ` The flag before it, ${before.text}${before.flag ? ` (${before.flag.long})` : ''}, takes no value, so "${t}" was read as the image.`;
    const device = cmd.flags.find((f) => f.long === '--device');
    if (/^\/dev\//.test(t) && device)
      problem.suggestion = {
        text: `--device ${t}`,
        note: `-d is --detach; a device is given with --device.`,
        ...(device.anchor ? { anchor: device.anchor } : {}),
      };
  }
  return problem;
}

/** The word is a flag of the command itself (`-it` for docker run), not just any flag (`--install`). */
function isDockerFlag(cmd: ModelCommand, t: string): boolean {
  if (!isFlag(t)) return false;
  if (t.startsWith('--')) return cmd.flags.some((f) => f.long === t.split('=')[0]);
  for (let k = 1; k < t.length; k++) {
    const f = cmd.flags.find((x) => x.short === `-${t[k]}`);
    if (!f) return false;
    if (f.type) return true;
  }
  return true;
}

function flagAfterImage(w: Walk, words: ShellWord[], i: number, cmd: ModelCommand): Problem {
  // Move the docker flags that follow the image to before it.
  let j = i;
  while (j < words.length && isFlag(words[j]!.text)) {
    const f = cmd.flags.find((x) => x.long === words[j]!.text.split('=')[0] || (!words[j]!.text.startsWith('--') && x.short === `-${words[j]!.text[1]}`));
    if (!f) break;
    j += f.type && !words[j]!.text.includes('=') && words[j]!.text.length <= 2 ? 2 : 1;
  }
  const imageIndex = w.tokens.findLastIndex((t) => t.kind === 'image' || t.arg);
  const image = imageIndex >= 0 ? w.tokens[imageIndex]!.text : 'the image';
  const problem: Problem = {
    code: 'flag-after-image',
    severity: 'error',
    message: `${words[i]!.text} comes after ${image}, so docker does not read it: it becomes the command run inside the container (and fails with "executable file not found"). Docker's flags go before ${image}.`,
  };
  if (j > i) {
    const raw = words.map((x) => x.raw);
    const at = raw.lastIndexOf(image, i - 1);
    if (at >= 0) {
      problem.suggestion = { text: [...raw.slice(0, at), ...raw.slice(i, j), raw[at]!, ...raw.slice(j)].join(' ') };
      // Move the flags (from the end of the word before them) to just before the image.
      const moved = words.slice(i, j);
      const from = words[i - 1]!;
      const last = moved.at(-1)!;
      problem.fix = [
        { at: words[at]!.at, end: words[at]!.at, text: `${moved.map((x) => x.raw).join(' ')} ` },
        { at: from.at + from.raw.length, end: last.at + last.raw.length, text: '' },
      ];
    }
  }
  return problem;
}
