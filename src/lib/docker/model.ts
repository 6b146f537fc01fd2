/**
 * The one model of the docker command line: every command and flag of the sources (the CLI 28.2
 * `--help` captures, the Engine 29.7, Compose 5.5 and Buildx 0.36 tables), merged, each flag
 * marked with the Engine versions that lack it, and overlaid by the command reference
 * (content/reference/commands.yaml): meanings, anchors, argument roles, value kinds, hidden
 * aliases, mistakes and topic roles. Plain JSON, so the build, the tests and the browser
 * (the explainer) use the very same object. Pure: sources in, model out.
 */
import type { Command } from '../../schemas/command.ts';
import { roleFromName, type ArgRole, type TopicRole, type ValueKind } from './kinds.ts';
import type { Source, SourceFlag } from './sources.ts';
import { flagAnchorOf } from './word-shapes.ts';

export const COMMANDS_FILE = 'content/reference/commands.yaml';

export interface ModelMistake {
  wrong: string;
  right: string;
  note: string;
  /** Reference anchor of the right entry. */
  anchor: string;
}

export interface ModelFlag {
  long: string;
  short?: string;
  /** Value type (`list`, `string` ...); absent for on/off flags. */
  type?: string;
  /** A hidden spelling: the visible flag it stands for (`--net` → `--network`). */
  of?: string;
  /** Hidden in the plugin's help (tables). */
  hidden?: true;
  deprecated?: true;
  /** Indexes into Model.engines of the Engine versions that lack the flag. */
  missing?: number[];
  /** How the explainer describes the value. */
  value?: ValueKind;
  meaning?: string;
  /** Reference anchor, when the reference describes the flag. */
  anchor?: string;
  caution?: string;
  risk?: string;
  mistakes?: ModelMistake[];
}

export interface ModelArg {
  name: string;
  role: ArgRole;
  meaning?: string;
  optional?: true;
  repeat?: true;
  /** The rest of the line belongs to this argument (the command run inside). */
  rest?: true;
}

export interface ModelCommand {
  /** Canonical name: `docker image ls`. */
  name: string;
  /** Every name it answers to, canonical one included. */
  aliases: string[];
  product: Source['product'];
  summary?: string;
  /** Reference anchor, when the reference has an entry. */
  anchor?: string;
  /** Indexes into Model.engines of the Engine versions that lack the command. */
  missing?: number[];
  args: ModelArg[];
  flags: ModelFlag[];
  mistakes?: ModelMistake[];
  /** Anchors of the entry's topics that have a role. */
  topics?: Partial<Record<TopicRole, string>>;
  /** In the browser's first download only: some flags are left out (see splitModel); load them before walking. */
  partial?: true;
}

export interface Model {
  /** Engine CLI versions checked, oldest first, e.g. ["Docker CLI 28.2.2", "Docker CLI 29.7.2"]. */
  engines: string[];
  /** Plugin versions, e.g. { compose: "Docker Compose 5.5.0", buildx: "Docker Buildx 0.36.0" }. */
  plugins: Partial<Record<'compose' | 'buildx', string>>;
  commands: ModelCommand[];
  /** Wrong command spellings that lead to an entry (`docker-compose up`, `docker image details`). */
  mistakes: ModelMistake[];
}

/** Arguments from a Usage line: `docker run [OPTIONS] IMAGE [COMMAND] [ARG...]`. */
export function argsFromUsage(usage: string, name: string): ModelArg[] {
  const rest = usage.slice(name.length).trim().split('\n')[0]!;
  const out: ModelArg[] = [];
  for (const raw of rest.split(/\s+/)) {
    if (!raw || /^\[?OPTIONS\]?$/.test(raw) || raw === '|') continue;
    const optional = raw.startsWith('[');
    const repeat = raw.includes('...');
    const argName = raw
      .replace(/^\[+|\]+$/g, '')
      .replace(/\.\.\.\]*$/, '')
      .replace(/\]$/, '');
    if (!argName || !/^[A-Z]/.test(argName)) continue;
    const role = roleFromName(argName);
    const arg: ModelArg = { name: argName, role };
    if (optional) arg.optional = true;
    if (repeat) arg.repeat = true;
    if (role === 'command') arg.rest = true;
    out.push(arg);
    if (role === 'command') break;
  }
  return out;
}

/** Flags every command accepts (cobra adds them), and the root's --version. */
const IMPLICIT: SourceFlag[] = [{ long: '--help', description: 'Print usage' }];
const ROOT_IMPLICIT: SourceFlag[] = [{ short: '-v', long: '--version', description: 'Print version information and quit' }];
/** Table value types that say how to describe the value. */
const TYPE_KINDS: Record<string, ValueKind> = { mount: 'mount', network: 'network' };

interface Building extends ModelCommand {
  /** Per engine source: its flags by long name, or undefined when the source lacks the command. */
  perEngine: Array<Map<string, SourceFlag> | undefined>;
  usage?: string;
  descriptions: Map<string, string>;
}

/**
 * Build the model. `sources`: the Engine sources oldest first (captures, then the table), then the
 * plugin tables. `reference`: the parsed commands.yaml. Returns the model and every inconsistency
 * between the reference and the CLI data, each naming the entry and saying what to do.
 */
export function buildModel(sources: readonly Source[], reference: readonly Command[]): { model: Model; problems: string[] } {
  const engines = sources.filter((s) => s.product === 'engine');
  const plugins: Model['plugins'] = {};
  for (const s of sources) if (s.product !== 'engine') plugins[s.product] = s.label;
  const byAlias = new Map<string, Building>();
  const all: Building[] = [];
  for (const source of sources) {
    const e = engines.indexOf(source);
    for (const cmd of source.commands) {
      // A plugin's command may also answer to an Engine name when the plugin replaces it
      // (`docker build` with buildx installed); the model keeps the Engine's own command there.
      const sc = source.product === 'engine' ? cmd : { ...cmd, aliases: cmd.aliases.filter((a) => a.startsWith(`docker ${source.product}`)) };
      let b = sc.aliases.map((a) => byAlias.get(a)).find(Boolean);
      if (!b) {
        b = { name: sc.name, aliases: [], product: source.product, args: [], flags: [], perEngine: engines.map(() => undefined), descriptions: new Map() };
        all.push(b);
      }
      for (const a of sc.aliases) {
        if (!b.aliases.includes(a)) b.aliases.push(a);
        byAlias.set(a, b);
      }
      if (sc.usage && !b.usage) {
        b.usage = sc.usage;
        b.name = sc.name;
      }
      if (sc.summary && !b.summary) b.summary = sc.summary;
      const flags = [...sc.flags];
      for (const f of [...IMPLICIT, ...(sc.name === 'docker' ? ROOT_IMPLICIT : [])]) if (!flags.some((x) => x.long === f.long)) flags.push(f);
      const map = e >= 0 ? (b.perEngine[e] ??= new Map()) : undefined;
      for (const f of flags) {
        map?.set(f.long, f);
        let mf = b.flags.find((x) => x.long === f.long);
        if (!mf) {
          mf = { long: f.long };
          b.flags.push(mf);
        }
        if (f.short && !mf.short) mf.short = f.short;
        if (f.type && !mf.type) mf.type = f.type;
        if (f.hidden) mf.hidden = true;
        if (f.deprecated) mf.deprecated = true;
        if (f.description && !b.descriptions.has(f.long)) b.descriptions.set(f.long, f.description);
        if (f.type && TYPE_KINDS[f.type]) mf.value = TYPE_KINDS[f.type]!;
      }
    }
  }
  // Version marks. A table lists only commands with flags, so a command it lacks is missing from
  // that version only when an older source shows it has flags of its own.
  for (const b of all) {
    if (b.product !== 'engine') continue;
    const hasChildren = all.some((o) => o.aliases.some((a) => b.aliases.some((n) => a.startsWith(`${n} `))));
    const missing: number[] = [];
    const parent = b.name.split(' ').slice(0, -1).join(' ');
    b.perEngine.forEach((m, e) => {
      if (m || hasChildren) return;
      // The captures hold every command of their client; a table may leave out a command without
      // flags, so there a command counts as missing only with its whole group (`docker trust`).
      const siblings = parent !== 'docker' && all.some((o) => o !== b && o.perEngine[e] && o.aliases.some((a) => a.startsWith(`${parent} `)));
      if (e === 0 || (parent !== 'docker' && !siblings)) missing.push(e);
    });
    if (missing.length) b.missing = missing;
    for (const f of b.flags) {
      const lacking = b.perEngine.flatMap((m, e) => (m && !m.has(f.long) ? [e] : []));
      if (lacking.length) f.missing = lacking;
    }
  }
  // Group commands that no source lists on its own (`docker compose` has flags; `docker container` in a table has none).
  for (const b of [...all]) {
    for (const a of b.aliases) {
      const parent = a.split(' ').slice(0, -1).join(' ');
      if (parent && !byAlias.has(parent)) {
        const g: Building = {
          name: parent,
          aliases: [parent],
          product: b.product,
          args: [],
          flags: IMPLICIT.map((f) => ({ long: f.long })),
          perEngine: engines.map(() => undefined),
          descriptions: new Map(),
        };
        byAlias.set(parent, g);
        all.push(g);
      }
    }
  }

  const problems: string[] = [];
  const mistakes: ModelMistake[] = [];
  const labels = sources.map((s) => s.label).join(', ');
  for (const c of reference) {
    const where = `${COMMANDS_FILE}: "${c.id}"`;
    const b = byAlias.get(c.name);
    if (!b) {
      problems.push(
        `${where}: no command \`${c.name}\` in ${labels}; for a new Engine command, capture its --help with \`sh content/reference/refresh-docker-help.sh\``,
      );
      continue;
    }
    b.name = c.name;
    b.anchor = c.id;
    b.summary = c.summary;
    for (const a of c.aliases)
      if (!b.aliases.includes(a)) problems.push(`${where}: alias "${a}" is not a name of ${c.name} (the CLI data lists: ${b.aliases.join(', ')})`);
    b.args = c.args.map((a) => {
      const role = a.role ?? roleFromName(a.name);
      const arg: ModelArg = { name: a.name, role, meaning: a.meaning };
      if (a.repeat) arg.repeat = true;
      if (a.rest || role === 'command') arg.rest = true;
      return arg;
    });
    const cm = c.mistakes.map((m) => ({ ...m, anchor: c.id }));
    if (cm.length) b.mistakes = cm;
    mistakes.push(...cm);
    for (const f of c.flags) {
      const at = `${where}: flag ${f.long}`;
      const mf = b.flags.find((x) => x.long === f.long);
      // A hidden flag of a plugin table may be described (compose exec -i); a hidden alias may not: describe the flag it stands for.
      if (!mf || mf.of) {
        problems.push(`${at} does not exist for ${c.name} in ${labels}; check the spelling against \`${c.name} --help\``);
        continue;
      }
      if (mf.short !== f.short) problems.push(`${at}: short form is ${mf.short ?? '(none)'} in the CLI data, ${f.short ?? '(none)'} in the entry`);
      if (!!mf.type !== !!f.arg)
        problems.push(
          `${at}: the CLI data says it ${mf.type ? `takes a value (${mf.type}); add an arg` : 'takes no value; drop arg'}${f.arg ? ` "${f.arg}"` : ''}`,
        );
      mf.meaning = f.meaning;
      mf.anchor = flagAnchorOf(c.id, f.long);
      if (f.caution) mf.caution = f.caution;
      if (f.risk) mf.risk = f.risk;
      if (f.value) mf.value = f.value;
      if (f.mistakes.length) mf.mistakes = f.mistakes.map((m) => ({ ...m, anchor: mf.anchor! }));
      for (const a of f.aliases) addHidden(b, a, mf, `${at}: alias ${a}`, problems);
    }
    for (const [hidden, visible] of Object.entries(c.hiddenFlags)) {
      const target = b.flags.find((x) => x.long === visible && !x.of);
      if (!target) problems.push(`${where}: hiddenFlags ${hidden}: ${visible} is not a flag of ${c.name}`);
      else addHidden(b, hidden, target, `${where}: hiddenFlags ${hidden}`, problems);
    }
    for (const t of c.topics) if (t.role) (b.topics ??= {})[t.role] = `${c.id}-${t.id}`;
    for (const f of b.flags) if (!f.meaning && b.descriptions.has(f.long)) f.meaning = b.descriptions.get(f.long)!;
  }
  for (const b of all) if (!b.args.length && b.usage) b.args = argsFromUsage(b.usage, b.name);
  // A group's COMMAND is its subcommand, not a command run inside: the walk descends instead.
  const parents = new Set(all.flatMap((b) => b.aliases.map((a) => a.split(' ').slice(0, -1).join(' '))));
  for (const b of all) if (b.aliases.some((a) => parents.has(a))) b.args = b.args.filter((a) => a.role !== 'command');

  const commands: ModelCommand[] = all.map(({ perEngine: _p, usage: _u, descriptions: _d, ...c }) => {
    const out: ModelCommand = { ...c, aliases: [c.name, ...c.aliases.filter((a) => a !== c.name)] };
    if (!out.anchor) delete out.summary;
    return out;
  });
  commands.sort((a, b) => a.name.localeCompare(b.name));
  return { model: { engines: engines.map((s) => s.label), plugins, commands, mistakes }, problems };
}

function addHidden(b: Building, hidden: string, target: ModelFlag, at: string, problems: string[]): void {
  const existing = b.flags.find((x) => x.long === hidden);
  if (existing && !existing.hidden) {
    problems.push(`${at} is a visible flag of ${b.name}, not a hidden spelling of ${target.long}`);
    return;
  }
  if (existing) b.flags.splice(b.flags.indexOf(existing), 1);
  const f: ModelFlag = { long: hidden, of: target.long };
  if (target.type) f.type = target.type;
  b.flags.push(f);
}

/** Look-ups over a model, built once (in the browser too). */
export interface ModelIndex {
  model: Model;
  /** Every command by every name. */
  byName: Map<string, ModelCommand>;
  /** Next words after a command name: `docker image` → ls, rm, ...; `docker` → run, images, ... */
  children: Map<string, string[]>;
}

export function indexModel(model: Model): ModelIndex {
  const byName = new Map<string, ModelCommand>();
  const children = new Map<string, string[]>();
  for (const c of model.commands) {
    for (const a of c.aliases) {
      if (!byName.has(a) || a === c.name) byName.set(a, c);
      const words = a.split(' ');
      const parent = words.slice(0, -1).join(' ');
      if (!parent) continue;
      const list = children.get(parent) ?? [];
      if (!list.includes(words.at(-1)!)) list.push(words.at(-1)!);
      children.set(parent, list);
    }
  }
  return { model, byName, children };
}

/**
 * Every mistake the reference lists, with where it belongs: wrong command spellings
 * (`docker image details`, `docker-compose up`) and wrong flags of a command (`--port` of
 * `docker run`). The one list the checker, the explainer, the content checks and the tests read.
 */
export function mistakesOf(model: Model): Array<ModelMistake & { command?: string }> {
  return [
    ...model.mistakes,
    ...model.commands.flatMap((c) => c.flags.flatMap((f) => (f.of ? [] : (f.mistakes ?? []).map((m) => ({ ...m, command: c.name }))))),
  ];
}

/** The versions a model is checked against, as one phrase: "Docker CLI 28.2.2 and 29.7.2, Compose 5.5.0, Buildx 0.36.0". */
export function versionsPhrase(m: Pick<Model, 'engines' | 'plugins'>): string {
  const engine = m.engines.map((l, i) => (i === 0 ? l : l.replace(/^Docker CLI /, ''))).join(' and ');
  const plugins = Object.values(m.plugins).map((l) => l.replace(/^Docker /, ''));
  return [engine, ...plugins].join(', ');
}

/**
 * Split a model for the browser: the core (every command, with only `--help` and the hidden
 * spellings of its flags) embedded in the page, and every command's full flag list (the
 * reference's meanings and anchors included), loaded when a line uses a command marked `partial`.
 * Keeps the page light as the reference grows (24.0 KB brotli on open with the reference flags in
 * the core at 75 entries; 17.4 KB without them).
 */
/** What a `partial` command's file holds (`/explain/flags/<command>.json`): its full flags, and its arguments with their meanings. */
export interface CommandDetails {
  flags: ModelFlag[];
  args: ModelArg[];
  summary?: string;
}

export function splitModel(model: Model): { core: Model; flags: Record<string, CommandDetails> } {
  const flags: Record<string, CommandDetails> = {};
  const commands = model.commands.map((c) => {
    const kept = c.flags.filter((f) => f.of || f.long === '--help');
    // The global options are on every line; every other command's flags load when a line uses it
    // (small lists too: with the CLI's own descriptions they no longer fit the page's budget).
    if (kept.length === c.flags.length || c.name === 'docker') return c;
    flags[c.name] = { flags: c.flags, args: c.args, ...(c.summary ? { summary: c.summary } : {}) };
    // The summary and the arguments' meanings come with the flags (the page's budget): the core
    // keeps the arguments' names and roles, which the walk needs.
    const { summary: _s, ...rest } = c;
    return { ...rest, flags: kept, args: c.args.map(({ meaning: _m, ...a }) => a), partial: true as const };
  });
  return { core: { ...model, commands }, flags };
}

/** File name (without .json) of a command's flag list: `docker run` → `docker-run`. */
export const flagsFileId = (name: string): string => name.split(' ').join('-');

/** The core model with the full flag lists and argument meanings put back (the inverse of splitModel). */
export function completeModel(core: Model, flags: Record<string, CommandDetails>): Model {
  return {
    ...core,
    commands: core.commands.map((c) => {
      if (!c.partial || !flags[c.name]) return c;
      const { partial: _p, ...rest } = c;
      const d = flags[c.name]!;
      return { ...rest, flags: d.flags, args: d.args, ...(d.summary ? { summary: d.summary } : {}) };
    }),
  };
}
