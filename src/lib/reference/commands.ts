/**
 * Typed helpers over the command reference (content/reference/commands.yaml): anchors, grouping,
 * lookups and example code. (The explainer's data is the docker model: src/lib/docker/model.ts.) Pure and unit-tested; the components,
 * the explainer page and the tests call the same functions.
 */
import { COMMAND_GROUPS, type Command, type CommandExample, type CommandFlag, type CommandGroupId } from '../../schemas/command.ts';
import { flagAnchorOf, isFlag } from '../docker/word-shapes.ts';

export { flagLabel } from '../docker/word-shapes.ts';
import { codeBreaks } from '../markdown/inline-code.ts';

/** Slug of the chapter that renders the reference (content/chapters/commands.mdx). */
export const REFERENCE_CHAPTER = 'commands';

/** Anchor of a command's section: `docker-run`. */
export const commandAnchor = (c: Pick<Command, 'id'>): string => c.id;

/** Anchor of a flag's section: `docker-run-publish` (command id + long name without dashes). */
export const flagAnchor = (c: Pick<Command, 'id'>, f: Pick<CommandFlag, 'long'>): string => flagAnchorOf(c.id, f.long);

/** Anchor of a topic inside a command entry: `docker-run-itd`. */
export const topicAnchor = (c: Pick<Command, 'id'>, topicId: string): string => `${c.id}-${topicId}`;

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

/**
 * Every anchor the reference renders, in page order (groups, commands, described flags, the other
 * flags, topics). `otherFlags`: anchors of the flags an entry does not describe (cliFlagAnchors()
 * in flag-rows.ts, which needs the docker model); without it, only the described ones.
 */
export function referenceAnchors(commands: readonly Command[], otherFlags: (c: Command) => readonly string[] = () => []): string[] {
  return groupCommands(commands).flatMap((g) => [
    g.id,
    ...g.commands.flatMap((c) => [commandAnchor(c), ...c.flags.map((f) => flagAnchor(c, f)), ...otherFlags(c), ...c.topics.map((t) => topicAnchor(c, t.id))]),
  ]);
}

/**
 * Extra anchors so links written with an alias or a common mistake land on the right entry:
 * `#docker-images` → docker image ls, `#docker-run-port` → the publish flag, `#docker-run-net`
 * → the network flag. Never one that is (or could be confused with) a real section anchor.
 */
export function aliasAnchors(commands: readonly Command[], otherFlags?: (c: Command) => readonly string[]): Map<string, Array<{ id: string; target: string }>> {
  const taken = new Set(referenceAnchors(commands, otherFlags));
  const out = new Map<string, Array<{ id: string; target: string }>>();
  const add = (target: string, words: string) => {
    const id = words
      .replace(/^-+/, '')
      .replace(/=.*$/, '')
      .trim()
      .split(/[\s]+/)
      .join('-')
      .replace(/[^a-z0-9-]/g, '');
    if (!id || taken.has(id)) return;
    taken.add(id);
    out.set(target, [...(out.get(target) ?? []), { id, target }]);
  };
  for (const c of commands) {
    for (const a of c.aliases) add(commandAnchor(c), a);
    for (const m of c.mistakes) if (m.wrong.startsWith('docker ')) add(commandAnchor(c), m.wrong);
    for (const f of c.flags) {
      for (const a of f.aliases) add(flagAnchor(c, f), `${c.id}-${a.replace(/^-+/, '')}`);
      for (const m of f.mistakes) if (isFlag(m.wrong)) add(flagAnchor(c, f), `${c.id}-${m.wrong.replace(/^-+/, '')}`);
    }
  }
  return out;
}

/** The command answering to `name` (canonical name or alias), e.g. `docker images`. */
export function findCommand(commands: readonly Command[], name: string): Command | undefined {
  const n = name.trim().replace(/\s+/g, ' ');
  return commands.find((c) => c.name === n || c.aliases.includes(n));
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

/** `<code>` with line-break hints (src/lib/markdown/inline-code.ts): a flag never breaks inside on a phone. */
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
