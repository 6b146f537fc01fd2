/**
 * Typed helpers over the command reference (content/reference/commands.yaml): anchors, grouping,
 * lookups, example code and the data the explainer embeds. Pure and unit-tested; the components,
 * the explainer page and the tests call the same functions.
 */
import { COMMAND_GROUPS, flagName, type Command, type CommandExample, type CommandFlag, type CommandGroupId } from '../schemas/command.ts';
import { commandFlags, flagsEndAtFirstArg, type DockerCli, type HelpInfo } from './docker-cli.ts';
import type { ExplainCommand, ExplainData } from './explain.ts';
import { codeBreaks } from './inline-code.ts';

/** Slug of the chapter that renders the reference (content/chapters/commands.mdx). */
export const REFERENCE_CHAPTER = 'commands';

/** Anchor of a command's section: `docker-run`. */
export const commandAnchor = (c: Pick<Command, 'id'>): string => c.id;

/** Anchor of a flag's section: `docker-run-publish` (command id + long name without dashes). */
export const flagAnchor = (c: Pick<Command, 'id'>, f: Pick<CommandFlag, 'long'>): string => `${c.id}-${flagName(f.long)}`;

/** Anchor of a topic inside a command entry: `docker-run-itd`. */
export const topicAnchor = (c: Pick<Command, 'id'>, topicId: string): string => `${c.id}-${topicId}`;

/** A flag as --help prints its names: `-p, --publish` or `--privileged`. */
export const flagLabel = (f: Pick<CommandFlag, 'short' | 'long'>): string => (f.short ? `${f.short}, ${f.long}` : f.long);

export interface CommandGroup {
  id: CommandGroupId;
  title: string;
  commands: Command[];
}

/** Commands grouped for the page, groups in COMMAND_GROUPS order, commands in file order (`order`). Empty groups are left out. */
export function groupCommands(commands: readonly Command[]): CommandGroup[] {
  const sorted = [...commands].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  return COMMAND_GROUPS.map((g) => ({ id: g.id, title: g.title, commands: sorted.filter((c) => c.group === g.id) })).filter((g) => g.commands.length > 0);
}

/** "On this page" entries for the reference: group h2s and command h3s (flags are left out). */
export function referenceToc(commands: readonly Command[]): Array<{ depth: number; slug: string; text: string }> {
  return groupCommands(commands).flatMap((g) => [
    { depth: 2, slug: g.id, text: g.title },
    ...g.commands.map((c) => ({ depth: 3, slug: commandAnchor(c), text: c.name })),
  ]);
}

/** Every anchor the reference renders, in page order (groups, commands, flags, topics). */
export function referenceAnchors(commands: readonly Command[]): string[] {
  return groupCommands(commands).flatMap((g) => [
    g.id,
    ...g.commands.flatMap((c) => [commandAnchor(c), ...c.flags.map((f) => flagAnchor(c, f)), ...c.topics.map((t) => topicAnchor(c, t.id))]),
  ]);
}

/**
 * Extra anchors so links written with an alias or a common mistake land on the right entry:
 * `#docker-images` → docker image ls, `#docker-run-port` → the publish flag, `#docker-run-net`
 * → the network flag. Never one that is (or could be confused with) a real section anchor.
 */
export function aliasAnchors(commands: readonly Command[]): Map<string, Array<{ id: string; target: string }>> {
  const taken = new Set(referenceAnchors(commands));
  const out = new Map<string, Array<{ id: string; target: string }>>();
  const add = (target: string, words: string) => {
    const id = words.replace(/^-+/, '').replace(/=.*$/, '').trim().split(/[\s]+/).join('-').replace(/[^a-z0-9-]/g, '');
    if (!id || taken.has(id)) return;
    taken.add(id);
    out.set(target, [...(out.get(target) ?? []), { id, target }]);
  };
  for (const c of commands) {
    for (const a of c.aliases) add(commandAnchor(c), a);
    for (const m of c.mistakes) if (m.wrong.startsWith('docker ')) add(commandAnchor(c), m.wrong);
    for (const f of c.flags) {
      for (const a of f.aliases) add(flagAnchor(c, f), `${c.id}-${a.replace(/^-+/, '')}`);
      for (const m of f.mistakes) if (/^--?[a-z]/.test(m.wrong)) add(flagAnchor(c, f), `${c.id}-${m.wrong.replace(/^-+/, '')}`);
    }
  }
  return out;
}

/** The command answering to `name` (canonical name or alias), e.g. `docker images`. */
export function findCommand(commands: readonly Command[], name: string): Command | undefined {
  const n = name.trim().replace(/\s+/g, ' ');
  return commands.find((c) => c.name === n || c.aliases.includes(n));
}

/** The entry that mentions a wrong spelling (`--port`, `docker image details`), with its anchor. */
export function findMistake(commands: readonly Command[], wrong: string): { anchor: string; right: string; note: string } | undefined {
  for (const c of commands) {
    for (const m of c.mistakes) if (m.wrong === wrong) return { anchor: commandAnchor(c), right: m.right, note: m.note };
    for (const f of c.flags) for (const m of f.mistakes) if (m.wrong === wrong) return { anchor: flagAnchor(c, f), right: m.right, note: m.note };
  }
  return undefined;
}

/**
 * The code block for an example: `bash` with just the command, or `console` with a `$ ` prompt and
 * the expected output (the copy button copies only the command either way).
 */
export function exampleCode(e: CommandExample): { lang: 'bash' | 'console'; code: string } {
  if (!e.output) return { lang: 'bash', code: e.command };
  return { lang: 'console', code: `$ ${e.command}\n${e.output.replace(/\n+$/, '')}` };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escape text for HTML. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** `<code>` with line-break hints (src/lib/inline-code.ts): a flag never breaks inside on a phone. */
function codeElement(escaped: string): string {
  const { html, className } = codeBreaks(escaped);
  return className ? `<code class="${className}">${html}</code>` : `<code>${html}</code>`;
}

/** Plain text with `code` spans, as HTML: everything escaped, backtick spans as <code>. */
export function inlineCode(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 2 ? codeElement(escapeHtml(part.slice(1, -1))) : escapeHtml(part)))
    .join('');
}

/**
 * The data the explainer page embeds: every command the CLI knows (name, aliases, summary) and,
 * for the commands in the reference, every flag --help lists, with the reference's meaning and
 * anchor where there is one.
 */
export function explainData(commands: readonly Command[], cli: DockerCli, referenceUrl: string): ExplainData {
  // One help text a command: `docker run` and `docker container run` are the same command.
  const unique = new Map<string, HelpInfo>();
  for (const help of new Set(cli.byName.values())) {
    const key = [...help.aliases].sort().join('|');
    const prev = unique.get(key);
    if (!prev || commands.some((c) => c.name === help.name)) unique.set(key, help);
  }
  const out: ExplainCommand[] = [];
  for (const help of unique.values()) {
    const ref = commands.find((c) => help.aliases.includes(c.name));
    const subcommands = help.subcommands.length || help === cli.root ? [...new Set([...cli.byName.keys()].filter((n) => n.startsWith(`${help.name} `) && n.split(' ').length === help.name.split(' ').length + 1).map((n) => n.split(' ').at(-1)!))] : [];
    const cmd: ExplainCommand = {
      name: help.name,
      aliases: help.aliases,
      summary: ref?.summary ?? help.summary,
      subcommands,
      flagsEndAtFirstArg: flagsEndAtFirstArg(help),
      args: ref ? ref.args.map((a) => ({ name: a.name, meaning: a.meaning, rest: a.rest, repeat: a.repeat })) : [],
      flags: [],
      flagsKnown: !!ref,
    };
    if (ref) {
      cmd.anchor = commandAnchor(ref);
      cmd.mistakes = ref.mistakes.map((m) => ({ ...m, anchor: commandAnchor(ref) }));
      for (const hf of commandFlags(help)) {
        const rf = ref.flags.find((f) => f.long === (hf.hidden ?? hf.long));
        cmd.flags.push({
          ...(hf.short ? { short: hf.short } : {}),
          long: hf.long,
          takesValue: !!hf.type,
          meaning: rf?.meaning ?? hf.description,
          ...(rf ? { anchor: flagAnchor(ref, rf), inReference: true } : { inReference: false }),
          ...(rf?.caution ? { caution: rf.caution } : {}),
          ...(hf.hidden ? { hiddenOf: hf.hidden } : {}),
          ...(rf?.mistakes.length ? { mistakes: rf.mistakes.map((m) => ({ ...m, anchor: flagAnchor(ref, rf) })) } : {}),
        });
      }
      for (const t of ref.topics) if (t.id === 'docker-sock') cmd.socketAnchor = topicAnchor(ref, t.id);
      for (const t of ref.topics) if (t.id === 'itd') cmd.bundleAnchor = topicAnchor(ref, t.id);
    }
    out.push(cmd);
  }
  // Wrong command spellings that are not prefixes of a real command (docker image details).
  const mistakes = commands.flatMap((c) => c.mistakes.map((m) => ({ ...m, anchor: commandAnchor(c) })));
  return { referenceUrl, commands: out, mistakes };
}
