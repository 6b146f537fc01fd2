/**
 * The docker CLI as its `--help` text describes it: which commands exist, their aliases, and which
 * flags each accepts (and whether a flag takes a value). Pure: the help text comes in as strings
 * (tests/fixtures/docker-help/, refreshed by tests/fixtures/refresh-docker-help.sh), so the same
 * code checks the reference data, the chapters' code blocks and any line a test hands it.
 */

export interface HelpFlag {
  /** `-p`, when there is a short form. */
  short?: string;
  /** `--publish`. */
  long: string;
  /** The value type --help prints (`list`, `string`, `int` ...); absent for on/off flags. */
  type?: string;
  /** First line of the help description. */
  description: string;
}

export interface HelpInfo {
  /** Canonical name from the Usage line: `docker image ls`. */
  name: string;
  /** The Usage line without "Usage:". */
  usage: string;
  /** One-line summary under the Usage line. */
  summary: string;
  /** Every name the CLI accepts for the command, canonical one included. */
  aliases: string[];
  flags: HelpFlag[];
  /** Names of subcommands (management commands such as `docker image`). */
  subcommands: string[];
}

/**
 * Flags the CLI accepts but `--help` hides, by command name (any alias). Listed here, and only
 * here, so the check and the reference agree on them. Value: the visible flag it stands for.
 */
export const HIDDEN_FLAGS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'docker run': { '--net': '--network', '--net-alias': '--network-alias' },
  'docker create': { '--net': '--network', '--net-alias': '--network-alias' },
};

/** Flags every command accepts (cobra adds them). */
const ALWAYS: HelpFlag[] = [{ long: '--help', description: 'Print usage' }];

const FLAG_LINE = /^ {2,6}(?:(-[A-Za-z0-9]), )?(--[a-z0-9][\w-]*)(?: ([A-Za-z][\w.-]*))?(?: {2,}(\S.*))?$/;

/** Parse the text of `docker <command> --help`. Lines before `Usage:` (notes, banners) are ignored. */
export function parseHelp(text: string): HelpInfo {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const start = lines.findIndex((l) => l.startsWith('Usage:'));
  if (start < 0) throw new Error('not docker --help output: no "Usage:" line');
  const usage = lines[start]!.replace(/^Usage:\s*/, '').trim();
  const words = usage.split(/\s+/);
  const nameWords: string[] = [];
  for (const w of words) {
    if (!/^[a-z][a-z0-9-]*$/.test(w)) break;
    nameWords.push(w);
  }
  const name = nameWords.join(' ');
  let summary = '';
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i]!.trim();
    if (l) {
      summary = l;
      break;
    }
  }
  const aliases = new Set([name]);
  const flags: HelpFlag[] = [];
  const subcommands: string[] = [];
  let section = '';
  let aliasText = '';
  for (const line of lines.slice(start + 1)) {
    if (/^[A-Z][\w ]*:$/.test(line)) {
      section = line.slice(0, -1);
      continue;
    }
    if (!line.trim()) {
      if (section === 'Aliases') section = '';
      continue;
    }
    if (section === 'Aliases') aliasText += ` ${line.trim()}`;
    else if (/Options$/.test(section)) {
      const m = FLAG_LINE.exec(line);
      if (m) {
        const flag: HelpFlag = { long: m[2]!, description: (m[4] ?? '').trim() };
        if (m[1]) flag.short = m[1];
        if (m[3]) flag.type = m[3];
        flags.push(flag);
      } else if (flags.length && /^ {8,}\S/.test(line) && !flags.at(-1)!.description) {
        flags.at(-1)!.description = line.trim();
      }
    } else if (/Commands$/.test(section)) {
      const m = /^ {2}([a-z][a-z0-9-]*)\*?\s/.exec(line);
      if (m) subcommands.push(m[1]!);
    }
  }
  for (const a of aliasText.split(',')) if (a.trim()) aliases.add(a.trim().replace(/\s+/g, ' '));
  return { name, usage, summary, aliases: [...aliases], flags, subcommands };
}

export interface DockerCli {
  /** The global options (`docker --help`). */
  root: HelpInfo;
  /** Every command by every name it answers to: `docker images` → the `docker image ls` help. */
  byName: ReadonlyMap<string, HelpInfo>;
}

/** Build the command table from parsed help texts; one of them must be `docker --help`. */
export function buildCli(helps: HelpInfo[]): DockerCli {
  const byName = new Map<string, HelpInfo>();
  for (const h of helps) for (const a of h.aliases) if (!byName.has(a) || a === h.name) byName.set(a, h);
  const root = byName.get('docker');
  if (!root) throw new Error('the help fixtures have no `docker --help` (docker.txt)');
  return { root, byName };
}

/** Flags a command accepts, hidden ones from HIDDEN_FLAGS included (marked with `hidden`). */
export function commandFlags(help: HelpInfo): Array<HelpFlag & { hidden?: string }> {
  const out: Array<HelpFlag & { hidden?: string }> = [...help.flags, ...ALWAYS];
  for (const name of help.aliases) {
    for (const [flag, of] of Object.entries(HIDDEN_FLAGS[name] ?? {})) {
      if (out.some((f) => f.long === flag)) continue;
      const target = help.flags.find((f) => f.long === of);
      out.push({ long: flag, ...(target?.type ? { type: target.type } : {}), description: `hidden alias of ${of}`, hidden: of });
    }
  }
  return out;
}

/** Find a flag of a command by `-p`, `--publish` or a hidden alias. */
export function findFlag(help: HelpInfo, flag: string): (HelpFlag & { hidden?: string }) | undefined {
  return commandFlags(help).find((f) => f.long === flag || f.short === flag);
}

/** Commands whose flags end at the first argument: what follows the image/container is the command run inside. */
export function flagsEndAtFirstArg(help: HelpInfo): boolean {
  return help.aliases.some((a) => /^docker (container )?(run|create|exec)$|^docker compose (run|exec)$/.test(a));
}

/**
 * Split a shell command line into words: quotes removed, `\` escapes and `\`-newline continuations
 * handled. Good enough for docker examples; it does not expand variables or globs.
 */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let has = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) cur += line[++i];
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (c === '\\') {
      const n = line[i + 1];
      if (n === '\n') i++;
      else if (n !== undefined) {
        cur += n;
        has = true;
        i++;
      }
    } else if (/\s/.test(c)) {
      if (has || cur) words.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has || cur) words.push(cur);
  return words;
}

/**
 * The docker invocations in a line of shell: pipelines, `&&`, `;` and `$( )` split, each part that
 * starts with `docker` (or `sudo docker`) returned, from `docker` on.
 */
export function dockerInvocations(line: string): string[] {
  const joined = line.replace(/\\\n\s*/g, ' ');
  return joined
    .split(/\|\||&&|[|;()]|\$\(|`/)
    .map((part) => part.trim().replace(/^\$\s*/, ''))
    .map((part) => /^(?:sudo\s+(?:-\S+\s+)*)?(docker\s.*|docker)$/.exec(part)?.[1])
    .filter((p): p is string => !!p);
}

export interface FlagProblem {
  /** The command, e.g. `docker run`. */
  command: string;
  /** The flag as written, e.g. `--port`; empty when the command itself is unknown. */
  flag: string;
  message: string;
}

/** A flag token: `-p`, `--publish`, `-itd`, `--name=bot`; not `-` (stdin) or `-1`. */
const isFlag = (t: string) => /^--?[A-Za-z]/.test(t);

/**
 * Check one docker invocation (from `docker` on) against the CLI: the command exists and every flag
 * exists for it (global flags before the command, the command's own after it).
 */
/** Commands whose first argument is an image. */
const IMAGE_COMMANDS = /^docker (container )?(run|create)$/;
/** An image reference as the CLI accepts it: [HOST[:PORT]/]NAME[:TAG][@DIGEST], lower case. */
const IMAGE_REF =
  /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*(?::\d+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::\w[\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;

export function checkInvocation(invocation: string, cli: DockerCli): FlagProblem[] {
  const words = shellWords(invocation);
  if (words[0] !== 'docker') return [];
  const problems: FlagProblem[] = [];
  let help = cli.root;
  let i = 1;
  let positionalSeen = false;
  while (i < words.length) {
    const w = words[i]!;
    // `--` ends the flags; `...` elides the rest of a command written in prose.
    if (w === '--' || w === '...' || w === '\u2026') break;
    if (isFlag(w)) {
      i += checkFlagWord(words, i, help, problems);
      continue;
    }
    // A word: a subcommand of the current command, or an argument.
    if (!positionalSeen && (help === cli.root || help.subcommands.length)) {
      // An upper-case placeholder (`docker COMMAND --help`) stands for any command.
      if (/^[A-Z][A-Z_]*$/.test(w)) break;
      const next = cli.byName.get(`${help.name} ${w}`);
      if (next) {
        help = next;
        i++;
        continue;
      }
      problems.push({ command: `${help.name} ${w}`, flag: '', message: `unknown docker command "${help.name} ${w}" (no such command in tests/fixtures/docker-help; if it is real, capture its --help with tests/fixtures/refresh-docker-help.sh)` });
      return problems;
    }
    if (!positionalSeen && IMAGE_COMMANDS.test(help.name) && !IMAGE_REF.test(w) && !/\$|^[A-Z][A-Z_]*$/.test(w)) {
      // e.g. `docker run -d /dev/video0 img`: -d takes no value, so /dev/video0 is read as the image.
      problems.push({ command: help.name, flag: '', message: `"${w}" is not a valid image reference, so ${help.name} would fail with "invalid reference format" (a flag before it may take no value)` });
    }
    positionalSeen = true;
    if (flagsEndAtFirstArg(help)) break;
    i++;
  }
  return problems;
}

/** Check the flag word at `i`; return how many words it used (itself and a separate value). */
function checkFlagWord(words: string[], i: number, help: HelpInfo, problems: FlagProblem[]): number {
  const w = words[i]!;
  const where = help.name === 'docker' ? 'docker (global options, before the command)' : help.name;
  if (w.startsWith('--')) {
    const [name, value] = w.split(/=(.*)/s);
    const f = findFlag(help, name!);
    if (!f) {
      problems.push({ command: help.name, flag: name!, message: `${where} has no flag ${name}` });
      return 1;
    }
    return f.type && value === undefined ? 2 : 1;
  }
  for (let k = 1; k < w.length; k++) {
    const short = `-${w[k]}`;
    const f = findFlag(help, short);
    if (!f) {
      problems.push({ command: help.name, flag: short, message: `${where} has no flag ${short}${w.length > 2 ? ` (in ${w})` : ''}` });
      return 1;
    }
    if (f.type) return k === w.length - 1 ? 2 : 1;
  }
  return 1;
}

/**
 * Check a command line as written in a code block (`$ ` prompt, `sudo`, pipes and `\` continuations
 * allowed). Every problem message names `source` (file and entry or line), the command and the flag.
 */
export function checkCommandLine(line: string, source: string, cli: DockerCli): string[] {
  return dockerInvocations(line).flatMap((inv) => checkInvocation(inv, cli).map((p) => `${source}: \`${inv.trim()}\`: ${p.message}`));
}
