/**
 * Readers for the two kinds of CLI data in content/reference/: the `docker <command> --help`
 * captures of the local client (docker-help/*.txt, CLI 28.2) and the generated flag tables
 * (cli/*.tsv: Engine CLI 29.7, Compose 5.5, Buildx 0.36). Pure: text in, facts out.
 */

export interface SourceFlag {
  /** `-p`, when there is a short form. */
  short?: string;
  /** `--publish`. */
  long: string;
  /** The value type (`list`, `string`, `int` ...); absent for on/off flags. */
  type?: string;
  /** The help description, its wrapped lines joined (captures only). */
  description?: string;
  /** Hidden in the CLI's help (tables only). */
  hidden?: boolean;
  /** Marked deprecated (tables only). */
  deprecated?: boolean;
}

export interface SourceCommand {
  /** Canonical name: `docker image ls`. */
  name: string;
  /** Every name the CLI accepts for the command, canonical one included. */
  aliases: string[];
  /** The Usage line without "Usage:" (captures only). */
  usage?: string;
  /** One-line summary under the Usage line (captures only). */
  summary?: string;
  flags: SourceFlag[];
}

/** One source of commands and flags, e.g. the CLI 28.2.2 captures or the Compose 5.5.0 table. */
export interface Source {
  /** Product: `engine` (docker itself), `compose` or `buildx` (plugins). */
  product: 'engine' | 'compose' | 'buildx';
  /** Human label with the version, e.g. `Docker CLI 28.2.2`. */
  label: string;
  /** The version alone, e.g. `28.2.2`. */
  version: string;
  commands: SourceCommand[];
}

const FLAG_LINE = /^ {2,6}(?:(-[A-Za-z0-9]), )?(--[a-z0-9][\w-]*)(?: ([A-Za-z][\w.-]*))?(?: {2,}(\S.*))?$/;

/** Parse the text of `docker <command> --help`. Lines before `Usage:` are ignored. */
export function parseHelp(text: string): SourceCommand & { subcommands: string[] } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const start = lines.findIndex((l) => l.startsWith('Usage:'));
  if (start < 0) throw new Error('not docker --help output: no "Usage:" line');
  const usage = lines[start]!.replace(/^Usage:\s*/, '').trim();
  const nameWords: string[] = [];
  for (const w of usage.split(/\s+/)) {
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
  const flags: SourceFlag[] = [];
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
        const flag: SourceFlag = { long: m[2]!, description: (m[4] ?? '').trim() };
        if (m[1]) flag.short = m[1];
        if (m[3]) flag.type = m[3];
        flags.push(flag);
      } else if (flags.length && /^ {8,}\S/.test(line)) {
        // --help wraps a long description onto lines of its own, indented to its column.
        const last = flags.at(-1)!;
        last.description = (last.description ? `${last.description} ${line.trim()}` : line.trim()).replace(/\s+/g, ' ');
      }
    } else if (/Commands$/.test(section)) {
      const m = /^ {2}([a-z][a-z0-9-]*)\*?\s/.exec(line);
      if (m) subcommands.push(m[1]!);
    }
  }
  for (const a of aliasText.split(',')) if (a.trim()) aliases.add(a.trim().replace(/\s+/g, ' '));
  return { name, usage, summary, aliases: [...aliases], flags, subcommands };
}

/**
 * Parse a generated CLI table: a `# <product> <version>: ...` line, a header line
 * (command, long, short, type, default, hidden, deprecated), then one flag a row; rows whose long
 * is `#aliases` list the command's names in the type column. `file` names the file in errors.
 */
export function parseTable(text: string, file: string): Source {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const head = /^# (docker-cli|compose|buildx) (\d+\.\d+\.\d+)\b/.exec(lines[0] ?? '');
  if (!head) throw new Error(`${file}: line 1 must say "# <docker-cli|compose|buildx> <version>: ...", found "${lines[0] ?? ''}"`);
  const product = head[1] === 'docker-cli' ? 'engine' : (head[1] as 'compose' | 'buildx');
  const version = head[2]!;
  const label = `${product === 'engine' ? 'Docker CLI' : product === 'compose' ? 'Docker Compose' : 'Docker Buildx'} ${version}`;
  const byName = new Map<string, SourceCommand>();
  const get = (name: string) => {
    let c = byName.get(name);
    if (!c) byName.set(name, (c = { name, aliases: [name], flags: [] }));
    return c;
  };
  lines.slice(2).forEach((line, i) => {
    if (!line.trim()) return;
    const [command, long, short, type, , hidden, deprecated] = line.split('\t');
    if (!command?.startsWith('docker'))
      throw new Error(`${file}:${i + 3}: expected "command<TAB>long<TAB>short<TAB>type<TAB>default<TAB>hidden<TAB>deprecated"`);
    const c = get(command);
    if (!long) return; // a command without flags of its own
    if (long === '#aliases') {
      c.aliases = [
        ...new Set([
          command,
          ...(type ?? '')
            .split(',')
            .map((a) => a.trim())
            .filter(Boolean),
        ]),
      ];
      return;
    }
    const f: SourceFlag = { long };
    if (short) f.short = short;
    if (type && type !== 'bool') f.type = type;
    if (hidden === 'true') f.hidden = true;
    if (deprecated === 'true') f.deprecated = true;
    c.flags.push(f);
  });
  return { product, label, version, commands: [...byName.values()] };
}

/** The captures as a source. `version` is the VERSION file ("Docker version 28.2.2, build ..."). */
export function captureSource(texts: ReadonlyArray<{ file: string; text: string }>, versionText: string): Source {
  const version = /(\d+\.\d+\.\d+)/.exec(versionText)?.[1];
  if (!version) throw new Error(`content/reference/docker-help/VERSION: expected "Docker version X.Y.Z, ...", found "${versionText.trim()}"`);
  const commands = texts.map(({ file, text }) => {
    try {
      const { subcommands: _s, ...c } = parseHelp(text);
      return c;
    } catch (e) {
      throw new Error(`${file}: ${(e as Error).message}`, { cause: e });
    }
  });
  return { product: 'engine', label: `Docker CLI ${version}`, version, commands };
}

/**
 * Every source in the order the model expects: the captures, the Engine tables oldest first, then
 * the plugin tables. Pure, so the build (through Vite, src/lib/docker/data.ts) and the content
 * check (from disk, src/lib/checks/docker-lines.ts) assemble the same list.
 */
export function assembleSources(
  captures: ReadonlyArray<{ file: string; text: string }>,
  tables: ReadonlyArray<{ file: string; text: string }>,
  versionText: string,
): Source[] {
  const capture = captureSource(captures, versionText);
  const parsed = tables.map(({ file, text }) => parseTable(text, file));
  const engine = parsed.filter((s) => s.product === 'engine').sort((a, b) => a.version.localeCompare(b.version, 'en', { numeric: true }));
  const plugins = parsed.filter((s) => s.product !== 'engine').sort((a, b) => a.product.localeCompare(b.product));
  if (!engine.length) throw new Error('content/reference/cli/: no Engine table (docker-cli-X.Y.Z.tsv)');
  return [capture, ...engine, ...plugins];
}
