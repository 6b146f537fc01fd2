import { z } from 'astro/zod';
import { ARG_ROLES, TOPIC_ROLES, VALUE_KINDS } from '../lib/docker/kinds.ts';
import { flagAnchorOf } from '../lib/docker/word-shapes.ts';

/**
 * The command reference (content/reference/commands.yaml): one entry a docker command, with its
 * flags, examples and related commands. Every flag is checked against the real `docker … --help`
 * (tests/unit/docker-flags.test.ts); this schema checks the shape and the cross-references, and
 * its messages name the entry so an author can fix the YAML.
 */

/** Groups of the reference page, in page order. `id` is the group heading's anchor. */
export const COMMAND_GROUPS = [
  { id: 'running-containers', title: 'Running containers' },
  { id: 'managing-containers', title: 'Managing containers' },
  { id: 'images', title: 'Images' },
  { id: 'building-images', title: 'Building images' },
  { id: 'volumes-and-networks', title: 'Volumes and networks' },
  { id: 'compose', title: 'Compose' },
  // Published anchor (#more-commands): kept for the remote-daemon commands that used to close the page.
  { id: 'more-commands', title: 'Remote daemons and contexts' },
  { id: 'system-information', title: 'System and information' },
  { id: 'clean-up', title: 'Clean-up and disk space' },
] as const;
export type CommandGroupId = (typeof COMMAND_GROUPS)[number]['id'];
const groupIds = COMMAND_GROUPS.map((g) => g.id) as [CommandGroupId, ...CommandGroupId[]];

const text = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} must not be empty`);
const ascii = (what: string) =>
  text(what).regex(/^[\x20-\x7e\n]*$/, `${what} must be plain ASCII (no curly quotes, dashes or no-break spaces) so it pastes into a terminal`);

/** A wrong spelling people type, and where it should lead. Rendered as visible text so search finds it. */
export const mistakeSchema = z.strictObject({
  /** What people type, e.g. `--port` or `docker image details`. */
  wrong: text('mistakes[].wrong'),
  /** What to type instead, e.g. `-p, --publish`. */
  right: text('mistakes[].right'),
  /** One sentence of explanation, shown in the entry and by the explainer. */
  note: text('mistakes[].note'),
});

/** One flag of a command, spelled exactly as `docker <command> --help` prints it. */
export const flagSchema = z.strictObject({
  /** Short form, e.g. `-p`. Omit when `--help` shows none. */
  short: z
    .string()
    .regex(/^-[A-Za-z0-9]$/, 'short must be one dash and one letter, e.g. "-p"')
    .optional(),
  /** Long form, e.g. `--publish`. Its name (without dashes) makes the anchor: `docker-run-publish`. */
  long: z
    .string({ error: 'long is required: the flag as --help prints it, e.g. "--publish"' })
    .regex(/^--[a-z0-9][a-z0-9-]*$/, 'long must look like "--publish"'),
  /** Placeholder for the flag's value, e.g. `HOST_PORT:CONTAINER_PORT`. Omit for on/off flags. Must match whether --help says the flag takes a value. */
  arg: z.string().min(1).optional(),
  /** What the flag does, in one or two plain sentences. Required. */
  meaning: z
    .string({ error: 'meaning is required: say in one sentence what the flag does' })
    .trim()
    .min(1, 'meaning must not be empty: say what the flag does'),
  /** A warning shown with the flag (security, data loss). */
  caution: z.string().trim().min(1).optional(),
  /**
   * Hidden spellings the CLI accepts but --help does not list, e.g. `--net` for `--network`. This
   * is where the model (src/lib/docker/model.ts) learns them: the checker accepts them, the
   * explainer names the flag they stand for, and each gets an alias anchor (`#docker-run-net`).
   */
  aliases: z.array(z.string().regex(/^--[a-z0-9][a-z0-9-]*$/, 'aliases must be long flags, e.g. "--net"')).default([]),
  /**
   * What kind of value the flag takes, when the explainer should describe it (see VALUE_KINDS in
   * src/lib/docker/kinds.ts): `port-mapping`, `volume`, `mount`, `env`, `device`, `network`,
   * `restart`, `host`, `name`, `user`, `platform`, `file`. Only on a flag with an `arg`.
   */
  value: z.enum(VALUE_KINDS, { error: `value must be one of: ${VALUE_KINDS.join(', ')}` }).optional(),
  /**
   * A few words for the explainer's risk summary when the flag is on the line, e.g. "privileged:
   * root on the host". Only for flags that are risky whatever their value; a flag with a `risk`
   * needs a `caution` that explains it.
   */
  risk: z.string().trim().min(1).optional(),
  /** Wrong spellings that should lead here, e.g. `--port`. */
  mistakes: z.array(mistakeSchema).default([]),
  /** Words people search with, e.g. "port forwarding", "camera". Read by search tuning. */
  keywords: z.array(z.string().min(1)).default([]),
  /**
   * The page of Docker's documentation that the meaning and caution were checked against, e.g.
   * `https://docs.docker.com/reference/cli/docker/container/run/#ulimit`. Shown with the flag as
   * its source, so a reader can check every claim.
   */
  source: z
    .string()
    .regex(
      /^https:\/\/docs\.docker\.com\/[\w./#-]*$/,
      'source must be a page of https://docs.docker.com/, e.g. "https://docs.docker.com/engine/containers/run/"',
    )
    .optional(),
});

/** A positional argument of a command, in order. */
export const argSchema = z.strictObject({
  /** As in the synopsis: IMAGE, CONTAINER, COMMAND. */
  name: text('args[].name'),
  /** What the argument is. */
  meaning: text('args[].meaning'),
  /** The rest of the line belongs to this argument (e.g. the COMMAND run inside the container): flags after it are not docker's. @default false */
  rest: z.boolean().default(false),
  /** The argument may be repeated (CONTAINER [CONTAINER...]). @default false */
  repeat: z.boolean().default(false),
  /**
   * What the argument is (see ARG_ROLES in src/lib/docker/kinds.ts). Omit it when the name says
   * it (IMAGE, CONTAINER, COMMAND, SERVICE, VOLUME, NETWORK); declare it when it does not, e.g.
   * `role: image` for the NAME of `docker image pull`. An `image` is checked as an image reference;
   * a `command` takes the rest of the line (as if `rest: true`).
   */
  role: z.enum(ARG_ROLES, { error: `role must be one of: ${ARG_ROLES.join(', ')}` }).optional(),
});

/** One example: a command a student can copy, what it does, and optionally what it prints. */
export const exampleSchema = z.strictObject({
  /** The command, without a `$ ` prompt; `\` line continuations are kept. Plain ASCII. */
  command: ascii('examples[].command').refine((c) => !/^\s*\$ /m.test(c), 'examples[].command must not start with a "$ " prompt: the page adds it'),
  /** What the example does, one sentence. */
  does: text('examples[].does'),
  /** Expected output, where it helps (shown, never copied). */
  output: z.string().optional(),
});

/** An extra section inside a command entry with its own anchor (`<command id>-<id>`), e.g. `docker-run-itd`. */
export const topicSchema = z.strictObject({
  /** Anchor suffix: the section id is `<command id>-<id>`. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'topic id must be lower-case words joined with "-"'),
  /**
   * What the explainer links this topic for (see TOPIC_ROLES in src/lib/docker/kinds.ts):
   * `docker-socket` (a line that mounts the Docker socket), `bundled-flags` (`-itd`). At most one
   * topic a role in a command.
   */
  role: z.enum(TOPIC_ROLES, { error: `role must be one of: ${TOPIC_ROLES.join(', ')}` }).optional(),
  /** Heading text. */
  title: text('topics[].title'),
  /** Paragraph; `code` in backticks is rendered as code. */
  body: text('topics[].body'),
  /** A warning shown with the topic. */
  caution: z.string().trim().min(1).optional(),
  /** Copyable examples. */
  examples: z.array(exampleSchema).default([]),
  /** Words people search with. */
  keywords: z.array(z.string().min(1)).default([]),
});

/** One docker command. */
export const commandSchema = z.strictObject({
  /** The command's words joined with "-": `docker-run`, `docker-image-ls`. Also its anchor. */
  id: z
    .string({ error: 'id is required: the command words joined with "-", e.g. "docker-image-ls"' })
    .regex(/^docker(-[a-z0-9]+)*$/, 'id must be the command words joined with "-", e.g. "docker-image-ls"'),
  /** The command as typed, canonical spelling: `docker image ls`. */
  name: z.string({ error: 'name is required, e.g. "docker image ls"' }).regex(/^docker( [a-z0-9-]+)*$/, 'name must be "docker" followed by lower-case words'),
  /** Reference group (section of the page). */
  group: z.enum(groupIds, { error: `group must be one of: ${groupIds.join(', ')}` }),
  /** Other spellings the CLI accepts, e.g. `docker images`, `docker image list`. */
  aliases: z.array(z.string().regex(/^docker( [a-z0-9-]+)+$/, 'aliases must be full commands, e.g. "docker images"')).default([]),
  /**
   * Usage line as --help prints it, e.g. `docker compose up [OPTIONS] [SERVICE...]`. Only for
   * commands without a --help capture in content/reference/docker-help/ (Compose, Buildx): an
   * Engine command's synopsis is its capture's Usage line (src/lib/reference/synopsis.ts), and
   * the build fails when both are given or neither.
   */
  synopsis: text('synopsis').optional(),
  /** One sentence: what the command does. Shown in the entry, the explainer and search. */
  summary: text('summary'),
  /** More explanation, one paragraph a string; `code` in backticks is rendered as code. */
  details: z.array(z.string().min(1)).default([]),
  /** Positional arguments, in order. */
  args: z.array(argSchema).default([]),
  /** Flags worth knowing (not every flag --help lists). */
  flags: z.array(flagSchema).default([]),
  /**
   * Hidden flags of flags the entry does not describe, as `hidden: visible`, e.g.
   * `--dns-opt: --dns-option`. The CLI accepts them, --help and the generated tables do not list
   * them; the visible flag must exist for the command. (Hidden spellings of a flag the entry lists
   * go in that flag's `aliases`.)
   */
  hiddenFlags: z
    .record(
      z.string().regex(/^--[a-z0-9][a-z0-9-]*$/, 'hiddenFlags keys must be long flags, e.g. "--dns-opt"'),
      z.string().regex(/^--[a-z0-9][a-z0-9-]*$/, 'hiddenFlags values must be long flags, e.g. "--dns-option"'),
    )
    .default({}),
  /** Copyable examples. */
  examples: z.array(exampleSchema).default([]),
  /** Warnings shown at the top of the entry. */
  cautions: z.array(z.string().min(1)).default([]),
  /** Wrong spellings of the command that should lead here, e.g. `docker image details`. */
  mistakes: z.array(mistakeSchema).default([]),
  /** Extra sections with their own anchors. */
  topics: z.array(topicSchema).default([]),
  /** Ids of related commands, e.g. `docker-container-attach`. Each must exist. */
  related: z.array(z.string()).default([]),
  /** Slug of the chapter that teaches the command (a file in content/chapters/). */
  chapter: z.string({ error: 'chapter is required: the slug of the chapter that teaches this command' }).min(1),
  /** What people want to do when they need this command, e.g. "open a shell", "free disk space". Read by search tuning. */
  keywords: z.array(z.string().min(1)).default([]),
  /** Position in the file, set by parseCommandsFile (the page keeps the file's order). Do not write it. */
  order: z.number().int().nonnegative().optional(),
});

export type CommandInput = z.input<typeof commandSchema>;
export type Command = z.output<typeof commandSchema>;
export type CommandFlag = Command['flags'][number];
export type CommandExample = Command['examples'][number];
export type CommandTopic = Command['topics'][number];
export type Mistake = z.output<typeof mistakeSchema>;

export { flagName } from '../lib/docker/word-shapes.ts';

/**
 * The whole file, with the rules that need more than one entry: unique ids and anchors, known
 * related ids, a chapter that exists. `chapters` are the slugs of content/chapters/*.mdx.
 */
export function commandFileSchema(chapters: readonly string[]) {
  return z.array(commandSchema).superRefine((commands, ctx) => {
    const ids = new Map<string, number>();
    const anchors = new Map<string, string>();
    const claim = (anchor: string, owner: string, path: (string | number)[]) => {
      const first = anchors.get(anchor);
      if (first) ctx.addIssue({ code: 'custom', path, message: `anchor "#${anchor}" of ${owner} is already used by ${first}; anchors must be unique` });
      else anchors.set(anchor, owner);
    };
    commands.forEach((c, i) => {
      const entry = `"${c.id}"`;
      if (ids.has(c.id))
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate id ${entry} (also entry ${ids.get(c.id)! + 1}); every command needs its own id` });
      else {
        ids.set(c.id, i);
        claim(c.id, `command ${entry}`, [i, 'id']);
      }
      const expected = c.name.split(' ').join('-');
      if (c.id !== expected)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'id'],
          message: `id ${entry} does not match name "${c.name}": it must be "${expected}" (anchors are the command words joined with "-")`,
        });
      const longs = new Set<string>();
      c.flags.forEach((f, j) => {
        if (longs.has(f.long)) ctx.addIssue({ code: 'custom', path: [i, 'flags', j, 'long'], message: `command ${entry} lists flag ${f.long} twice` });
        longs.add(f.long);
        claim(flagAnchorOf(c.id, f.long), `flag ${f.long} of ${entry}`, [i, 'flags', j, 'long']);
      });
      c.topics.forEach((t, j) => claim(`${c.id}-${t.id}`, `topic "${t.id}" of ${entry}`, [i, 'topics', j, 'id']));
      semanticIssues(c).forEach(({ path, message }) => ctx.addIssue({ code: 'custom', path: [i, ...path], message }));
      if (!chapters.includes(c.chapter)) {
        ctx.addIssue({ code: 'custom', path: [i, 'chapter'], message: `command ${entry}: unknown chapter "${c.chapter}"; use one of: ${chapters.join(', ')}` });
      }
    });
    commands.forEach((c, i) => {
      c.related.forEach((r, j) => {
        if (!ids.has(r))
          ctx.addIssue({ code: 'custom', path: [i, 'related', j], message: `command "${c.id}": related id "${r}" is not a command in this file` });
        if (r === c.id) ctx.addIssue({ code: 'custom', path: [i, 'related', j], message: `command "${c.id}" lists itself as related` });
      });
    });
  });
}

/** Declared semantics that contradict the entry itself (a value kind on a flag without a value ...). */
function semanticIssues(c: Command): Array<{ path: (string | number)[]; message: string }> {
  const out: Array<{ path: (string | number)[]; message: string }> = [];
  const entry = `command "${c.id}"`;
  c.flags.forEach((f, j) => {
    if (f.value && !f.arg)
      out.push({
        path: ['flags', j, 'value'],
        message: `${entry}: flag ${f.long} has value "${f.value}" but takes no value (no arg); drop value, or give the flag its arg if --help says it takes one`,
      });
    if (f.risk && !f.caution)
      out.push({ path: ['flags', j, 'risk'], message: `${entry}: flag ${f.long} has a risk but no caution; add a caution that explains the risk` });
    for (const a of f.aliases)
      if (c.flags.some((g) => g.long === a))
        out.push({ path: ['flags', j, 'aliases'], message: `${entry}: alias ${a} of ${f.long} is also listed as a flag of its own` });
  });
  c.args.forEach((a, j) => {
    if (a.rest && j !== c.args.length - 1)
      out.push({ path: ['args', j, 'rest'], message: `${entry}: argument ${a.name} has rest: true but is not the last argument` });
  });
  for (const [hidden, visible] of Object.entries(c.hiddenFlags)) {
    if (c.flags.some((f) => f.long === hidden || f.aliases.includes(hidden)))
      out.push({ path: ['hiddenFlags', hidden], message: `${entry}: hidden flag ${hidden} is also listed under flags; list it in one place` });
    const described = c.flags.find((f) => f.long === visible);
    if (described)
      out.push({
        path: ['hiddenFlags', hidden],
        message: `${entry}: ${visible} is described in flags, so put ${hidden} in its aliases instead of hiddenFlags`,
      });
  }
  const roles = new Map<string, string>();
  c.topics.forEach((t, j) => {
    if (!t.role) return;
    if (roles.has(t.role))
      out.push({ path: ['topics', j, 'role'], message: `${entry}: topics "${roles.get(t.role)}" and "${t.id}" both have role ${t.role}; one topic a role` });
    roles.set(t.role, t.id);
  });
  return out;
}

/** Describe an issue path with the entry's id and flag: `entry 3 "docker-run" > flags[2] (--foo) > meaning`. */
function describePath(path: readonly PropertyKey[], data: unknown): string {
  const list = Array.isArray(data) ? (data as Array<Record<string, unknown>>) : [];
  const [i, ...rest] = path;
  if (typeof i !== 'number') return path.join('.');
  const entry = list[i];
  const id = entry && typeof entry['id'] === 'string' ? ` "${entry['id']}"` : '';
  let out = `entry ${i + 1}${id}`;
  let node: unknown = entry;
  for (const key of rest) {
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number') {
      const label =
        node && typeof node === 'object'
          ? ((node as Record<string, unknown>)['long'] ?? (node as Record<string, unknown>)['id'] ?? (node as Record<string, unknown>)['name'])
          : undefined;
      out += `[${key}]${typeof label === 'string' ? ` (${label})` : ''}`;
    } else out += ` > ${String(key)}`;
  }
  return out;
}

/**
 * Parse and check the YAML text of content/reference/commands.yaml. Throws one error listing every
 * problem, each naming the file and the entry. Used by the content collection and by the tests.
 */
export function parseCommandsFile(data: unknown, chapters: readonly string[], file = 'content/reference/commands.yaml'): Command[] {
  const result = commandFileSchema(chapters).safeParse(data);
  if (result.success) return result.data.map((c, order) => ({ ...c, order }));
  const lines = result.error.issues.map((issue) => `  ${file}: ${describePath(issue.path, data)}: ${issue.message}`);
  throw new Error(`The command reference has ${lines.length} problem${lines.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
}
