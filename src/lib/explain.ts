/**
 * The explainer's parser: split a docker command line into its parts and say what each one is.
 * Pure, no DOM: the /explain/ page runs it in the browser on data embedded at build time
 * (explainData() in src/lib/commands.ts), and tests/unit/explain.test.ts runs it in Node.
 */
import { shellWords } from './docker-cli.ts';

export interface ExplainMistake {
  wrong: string;
  right: string;
  note: string;
  /** Reference anchor of the right entry. */
  anchor: string;
}

export interface ExplainFlag {
  short?: string;
  long: string;
  /** The flag takes a value (`--name bot`), as --help says. */
  takesValue: boolean;
  meaning: string;
  /** Reference anchor, when the reference covers the flag. */
  anchor?: string;
  inReference: boolean;
  caution?: string;
  /** For hidden aliases: the visible flag it stands for (`--net` → `--network`). */
  hiddenOf?: string;
  mistakes?: ExplainMistake[];
}

export interface ExplainCommand {
  /** Canonical name: `docker image ls`; `docker` for the global options. */
  name: string;
  aliases: string[];
  summary: string;
  /** Reference anchor, when the reference covers the command. */
  anchor?: string;
  subcommands: string[];
  /** run/exec/create: the first argument ends docker's flags. */
  flagsEndAtFirstArg: boolean;
  args: Array<{ name: string; meaning: string; rest: boolean; repeat: boolean }>;
  flags: ExplainFlag[];
  /** False for commands outside the reference: their flags are not embedded. */
  flagsKnown: boolean;
  mistakes?: ExplainMistake[];
  /** Anchor of the docker.sock section (docker run). */
  socketAnchor?: string;
  /** Anchor of the bundled-flags section (docker run). */
  bundleAnchor?: string;
}

export interface ExplainData {
  /** URL of the reference page (base path included), e.g. `/docker-basics/commands/`. */
  referenceUrl: string;
  commands: ExplainCommand[];
  mistakes: ExplainMistake[];
}

export type PartKind =
  | 'sudo'
  | 'program'
  | 'global-flag'
  | 'command'
  | 'flag'
  | 'value'
  | 'image'
  | 'argument'
  | 'inner-command'
  | 'separator'
  | 'unknown-flag'
  | 'unknown-command'
  | 'other';

export interface Part {
  /** The text as typed (for a bundled flag, just its letter: `-t` out of `-itd`). */
  text: string;
  kind: PartKind;
  /** Short name of what it is: `-p, --publish`, `image`, `docker run`. */
  label: string;
  /** What it does, in a sentence or two. */
  explanation: string;
  /** Reference anchor (`docker-run-publish`); the page turns it into a link. */
  anchor?: string;
  /** The word the part was split from (`-itd`, `--name=bot`). */
  from?: string;
  caution?: string;
  /** For unknown flags and commands: what was probably meant. */
  suggestion?: { text: string; note?: string; anchor?: string };
}

export interface Explanation {
  parts: Part[];
  /** Canonical name of the command, when one was recognised. */
  command?: string;
  /** Set when the line is not a docker command at all. */
  error?: string;
}

const flagName = (f: Pick<ExplainFlag, 'short' | 'long'>) => (f.short ? `${f.short}, ${f.long}` : f.long);

/** Edit distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length]!;
}

/** Describe the value of a flag: ports, mounts, variables, networks. */
export function describeValue(flag: string, value: string): { text: string; caution?: string } {
  switch (flag) {
    case '--publish': {
      const [ports = '', proto] = value.split('/');
      const bits = ports.split(':');
      const container = bits.pop() ?? '';
      const host = bits.pop();
      const ip = bits.join(':');
      if (!/^\d+(-\d+)?$/.test(container) || (host && !/^\d+(-\d+)?$/.test(host))) return { text: `Port mapping "${value}" (expected HOST_PORT:CONTAINER_PORT).` };
      const hostPart = host ? `port ${host} of the host` : 'a random free port of the host';
      return { text: `Send ${hostPart}${ip ? ` (address ${ip} only)` : ''} to port ${container} inside the container${proto ? ` (${proto})` : ''}.` };
    }
    case '--volume': {
      const parts = value.split(':');
      if (parts.length === 1) return { text: `An anonymous volume mounted at ${value} inside the container.` };
      const [src, dst, opts] = parts as [string, string, string | undefined];
      const isPath = /^[/.~$]/.test(src);
      const ro = opts?.split(',').includes('ro');
      const what = isPath ? `the host path ${src}` : `the named volume ${src}`;
      const text = `Mount ${what} at ${dst} inside the container${ro ? ', read-only (ro)' : ', read-write'}.`;
      if (src === '/var/run/docker.sock' || src === '/run/docker.sock') {
        return { text, caution: 'This gives the container control of the Docker daemon: it is root on the host, and :ro does not change that.' };
      }
      if (src === '/') return { text, caution: "The host's whole filesystem becomes visible (and writable, without :ro) in the container." };
      return { text };
    }
    case '--env': {
      const eq = value.indexOf('=');
      return eq < 0 ? { text: `Copy the variable ${value} from your shell into the container.` } : { text: `Set the variable ${value.slice(0, eq)} to "${value.slice(eq + 1)}" inside the container.` };
    }
    case '--device': {
      const [host, inner, perms] = value.split(':');
      return { text: `Give the container the host device ${host}${inner ? ` (as ${inner})` : ''}${perms ? ` with permissions ${perms}` : ''}.` };
    }
    case '--network':
    case '--net':
      if (value === 'host') return { text: "Use the host's network directly: no own IP address, and -p port mappings are ignored." };
      if (value === 'none') return { text: 'No network at all.' };
      return { text: `Connect to the network "${value}".` };
    case '--name':
      return { text: `The container will be called "${value}"; later commands can use that name.` };
    case '--restart':
      return { text: `Restart policy "${value}".` };
    case '--host':
      return /^\w+:\/\//.test(value) ? { text: `Talk to the Docker daemon at ${value}.` } : { text: `Talk to the Docker daemon on ${value} (a bare host name means tcp://${value}:2375, unencrypted).` };
    default:
      return { text: `Value of ${flag}.` };
  }
}

/** Describe an image reference: registry, repository, tag. */
export function describeImage(ref: string): string {
  const [name, digest] = ref.split('@') as [string, string | undefined];
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const hasTag = colon > slash;
  const repo = hasTag ? name.slice(0, colon) : name;
  const tag = hasTag ? name.slice(colon + 1) : undefined;
  const first = repo.split('/')[0]!;
  const registry = repo.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost') ? first : undefined;
  const where = registry ? `from the registry ${registry}` : 'from Docker Hub';
  const official = !repo.includes('/') ? ' (an official image)' : '';
  const version = digest ? `, exactly the digest ${digest}` : tag ? `, tag ${tag}` : ', tag latest (no tag given)';
  return `The image: repository ${repo}${official}${version}, ${where}. Docker downloads it first if it is not on the machine.`;
}

interface Ctx {
  data: ExplainData;
  byName: Map<string, ExplainCommand>;
  parts: Part[];
}

/** An unknown flag, with what was probably meant (`--port` → `-p, --publish`) and that flag, if any. */
function unknownFlag(cmd: ExplainCommand, written: string, from?: string): Part & { meant?: ExplainFlag } {
  const name = written.split('=')[0]!;
  const part: Part = { text: written, kind: 'unknown-flag', label: 'unknown flag', explanation: `${cmd.name} has no flag ${name}.` };
  if (from && from !== written) part.from = from;
  const mistake = cmd.flags.flatMap((f) => f.mistakes ?? []).find((m) => m.wrong === name || m.wrong === written);
  if (mistake) {
    part.suggestion = { text: mistake.right, note: mistake.note, anchor: mistake.anchor };
    const meant = cmd.flags.find((f) => f.anchor === mistake.anchor);
    return meant ? { ...part, meant } : part;
  }
  const candidates = cmd.flags.filter((f) => !f.hiddenOf && f.long !== '--help');
  const pool = name.startsWith('--') ? candidates.map((f) => ({ f, key: f.long })) : candidates.filter((f) => f.short).map((f) => ({ f, key: f.short! }));
  let best: { f: ExplainFlag; d: number } | undefined;
  for (const { f, key } of pool) {
    const d = editDistance(name, key);
    if (!best || d < best.d || (d === best.d && f.inReference && !best.f.inReference)) best = { f, d };
  }
  if (best && name.startsWith('--') && best.d <= Math.max(2, Math.floor(name.length / 3))) {
    part.suggestion = { text: flagName(best.f), note: best.f.meaning, ...(best.f.anchor ? { anchor: best.f.anchor } : {}) };
    return { ...part, meant: best.f };
  }
  return part;
}

function flagPart(cmd: ExplainCommand, f: ExplainFlag, text: string, global: boolean, from?: string): Part {
  const part: Part = {
    text,
    kind: global ? 'global-flag' : 'flag',
    label: flagName(f),
    explanation: f.hiddenOf ? `${text} is the old, hidden spelling of ${f.hiddenOf}. ${f.meaning}` : f.meaning,
  };
  const anchor = f.anchor ?? cmd.anchor;
  if (anchor) part.anchor = anchor;
  if (!f.inReference && cmd.anchor) part.explanation += ` (--help: not covered in detail in the reference)`;
  if (f.caution) part.caution = f.caution;
  if (from && from !== text) part.from = from;
  return part;
}

function valuePart(cmd: ExplainCommand, f: ExplainFlag, value: string, from?: string): Part {
  const long = f.hiddenOf ?? f.long;
  const d = describeValue(long, value);
  const part: Part = { text: value, kind: 'value', label: `value of ${f.long}`, explanation: d.text };
  const anchor = d.caution && cmd.socketAnchor && /docker\.sock/.test(value) ? cmd.socketAnchor : (f.anchor ?? cmd.anchor);
  if (anchor) part.anchor = anchor;
  if (d.caution) part.caution = d.caution;
  if (from && from !== value) part.from = from;
  return part;
}

/** Explain the flag word at i; returns how many words were used. */
function explainFlagWord(ctx: Ctx, cmd: ExplainCommand, words: string[], i: number): number {
  const w = words[i]!;
  const global = cmd.name === 'docker';
  if (!cmd.flagsKnown) {
    ctx.parts.push({ text: w, kind: 'flag', label: 'flag', explanation: `A flag of ${cmd.name}; this command is not in the reference, see docker ${cmd.name.replace(/^docker ?/, '')} --help.`, ...(cmd.anchor ? { anchor: cmd.anchor } : {}) });
    return 1;
  }
  if (w.startsWith('--')) {
    const eq = w.indexOf('=');
    const name = eq < 0 ? w : w.slice(0, eq);
    const f = cmd.flags.find((x) => x.long === name);
    if (!f) {
      const { meant, ...part } = unknownFlag(cmd, w);
      ctx.parts.push(part);
      // Read the value the way the flag that was probably meant would: `--port 8080:80` as `-p 8080:80`.
      const next = words[i + 1];
      if (eq < 0 && meant?.takesValue && next !== undefined && !isFlag(next)) {
        ctx.parts.push({ text: next, kind: 'value', label: `value of ${name}`, explanation: `Probably meant as the value of ${meant.long}: ${describeValue(meant.hiddenOf ?? meant.long, next).text}` });
        return 2;
      }
      return 1;
    }
    ctx.parts.push(flagPart(cmd, f, name, global, eq < 0 ? undefined : w));
    if (!f.takesValue) return 1;
    if (eq >= 0) {
      ctx.parts.push(valuePart(cmd, f, w.slice(eq + 1), w));
      return 1;
    }
    if (i + 1 < words.length) {
      ctx.parts.push(valuePart(cmd, f, words[i + 1]!));
      return 2;
    }
    ctx.parts.push({ text: '', kind: 'value', label: `missing value of ${f.long}`, explanation: `${f.long} needs a value, but the line ends here.` });
    return 1;
  }
  // Short flags, possibly bundled: -itd = -i -t -d; -p8080:80 = -p 8080:80.
  const bundled = w.length > 2;
  for (let k = 1; k < w.length; k++) {
    const short = `-${w[k]}`;
    const f = cmd.flags.find((x) => x.short === short);
    if (!f) {
      const { meant, ...part } = unknownFlag(cmd, short, w);
      void meant;
      ctx.parts.push(part);
      return 1;
    }
    const part = flagPart(cmd, f, short, global, bundled ? w : undefined);
    if (bundled && k === 1 && cmd.bundleAnchor && w.slice(1).split('').every((c) => !cmd.flags.find((x) => x.short === `-${c}`)?.takesValue)) {
      part.explanation = `${part.explanation} (${w} is ${w.slice(1).split('').map((c) => `-${c}`).join(' ')} written together.)`;
    }
    ctx.parts.push(part);
    if (f.takesValue) {
      if (k < w.length - 1) {
        ctx.parts.push(valuePart(cmd, f, w.slice(k + 1), w));
        return 1;
      }
      if (i + 1 < words.length) {
        ctx.parts.push(valuePart(cmd, f, words[i + 1]!));
        return 2;
      }
      return 1;
    }
  }
  return 1;
}

const isFlag = (t: string) => /^--?[A-Za-z]/.test(t);

/** Explain a docker command line, part by part. */
export function explain(input: string, data: ExplainData): Explanation {
  const byName = new Map<string, ExplainCommand>();
  for (const c of data.commands) for (const a of [c.name, ...c.aliases]) if (!byName.has(a) || a === c.name) byName.set(a, c);
  const ctx: Ctx = { data, byName, parts: [] };
  // One command: the first line with its continuations, up to a pipe or && (the rest is shown as "other").
  const line = input.replace(/\r\n?/g, '\n').replace(/\\\n/g, ' ').split('\n').find((l) => l.trim()) ?? '';
  const cut = /\s(\|\|?|&&|;)\s/.exec(line);
  const words = shellWords((cut ? line.slice(0, cut.index) : line).replace(/^\s*\$\s+/, ''));
  const rest = cut ? line.slice(cut.index).trim() : '';
  if (!words.length) return { parts: [], error: 'Paste a docker command, e.g. docker run --rm ubuntu:22.04 ls' };
  let i = 0;
  if (words[0] === 'sudo') {
    ctx.parts.push({ text: 'sudo', kind: 'sudo', label: 'sudo', explanation: 'Run as root. Not needed if your user is in the docker group (which is itself root-equivalent).' });
    i++;
    while (i < words.length && words[i]!.startsWith('-')) i++;
  }
  const first = words[i];
  if (first !== 'docker') {
    const m = first ? data.mistakes.find((x) => x.wrong === words.slice(i, i + 2).join(' ') || x.wrong === first) : undefined;
    if (m && first) {
      ctx.parts.push({ text: first, kind: 'unknown-command', label: 'not the docker CLI', explanation: m.note, suggestion: { text: m.right, note: m.note, anchor: m.anchor } });
      return { parts: ctx.parts, error: `${first} is not the docker command.` };
    }
    return { parts: ctx.parts, error: `This is not a docker command: it starts with "${first ?? ''}" instead of "docker".` };
  }
  const root = byName.get('docker')!;
  ctx.parts.push({ text: 'docker', kind: 'program', label: 'docker', explanation: 'The Docker client. It sends the command to the Docker daemon, which does the work.', ...(root.anchor ? { anchor: root.anchor } : {}) });
  i++;
  let cmd = root;
  let command: string | undefined;
  let argIndex = 0;
  let imageSeen = false;
  let innerStarted = false;
  while (i < words.length) {
    const w = words[i]!;
    if (innerStarted) {
      ctx.parts.push({ text: w, kind: 'argument', label: 'argument', explanation: 'An argument of the command run inside the container (docker does not read it).' });
      i++;
      continue;
    }
    if (w === '--') {
      ctx.parts.push({ text: w, kind: 'separator', label: '--', explanation: 'End of flags: everything after it is an argument.' });
      i++;
      while (i < words.length) ctx.parts.push({ text: words[i++]!, kind: 'argument', label: 'argument', explanation: 'An argument.' });
      break;
    }
    if (isFlag(w) && !(argIndex > 0 && cmd.flagsEndAtFirstArg)) {
      i += explainFlagWord(ctx, cmd, words, i);
      continue;
    }
    if (argIndex === 0 && (cmd === root || cmd.subcommands.length)) {
      const next = byName.get(`${cmd.name} ${w}`);
      if (next) {
        cmd = next;
        command = next.name;
        ctx.parts.push({
          text: w,
          kind: 'command',
          label: next.name,
          explanation: next.subcommands.length && !next.args.length ? `${next.summary} (a group of commands: the next word says which).` : next.summary,
          ...(next.anchor ? { anchor: next.anchor } : {}),
        });
        i++;
        continue;
      }
      {
        const wrong = `${cmd.name} ${w}`;
        const m = data.mistakes.find((x) => x.wrong === wrong);
        const part: Part = { text: w, kind: 'unknown-command', label: 'unknown command', explanation: `"${wrong}" is not a docker command.` };
        if (m) part.suggestion = { text: m.right, note: m.note, anchor: m.anchor };
        else {
          const near = cmd.subcommands.map((s) => ({ s, d: editDistance(w, s) })).sort((a, b) => a.d - b.d)[0];
          if (near && near.d <= 2) {
            const target = byName.get(`${cmd.name} ${near.s}`);
            part.suggestion = { text: `${cmd.name} ${near.s}`, ...(target?.summary ? { note: target.summary } : {}), ...(target?.anchor ? { anchor: target.anchor } : {}) };
          }
        }
        ctx.parts.push(part);
        i++;
        while (i < words.length) ctx.parts.push({ text: words[i++]!, kind: 'other', label: 'not explained', explanation: 'Not explained: the command before it is unknown.' });
        break;
      }
    }
    // A positional argument.
    const spec = cmd.args[Math.min(argIndex, cmd.args.length - 1)];
    const isImage = spec?.name === 'IMAGE' && !imageSeen;
    if (isImage) {
      imageSeen = true;
      ctx.parts.push({ text: w, kind: 'image', label: 'image', explanation: describeImage(w), ...(cmd.anchor ? { anchor: cmd.anchor } : {}) });
    } else if (spec?.rest && cmd.flagsEndAtFirstArg) {
      innerStarted = true;
      ctx.parts.push({ text: w, kind: 'inner-command', label: 'command inside the container', explanation: `${w} runs inside the container${cmd.name.endsWith('run') ? " instead of the image's default command" : ''}.`, ...(cmd.anchor ? { anchor: cmd.anchor } : {}) });
    } else if (spec && (argIndex < cmd.args.length || spec.repeat || spec.rest)) {
      ctx.parts.push({ text: w, kind: 'argument', label: spec.name, explanation: spec.meaning, ...(cmd.anchor ? { anchor: cmd.anchor } : {}) });
    } else {
      ctx.parts.push({ text: w, kind: 'argument', label: 'argument', explanation: `An argument of ${cmd.name}.`, ...(cmd.anchor ? { anchor: cmd.anchor } : {}) });
    }
    argIndex++;
    i++;
  }
  if (rest) ctx.parts.push({ text: rest, kind: 'other', label: 'rest of the line', explanation: 'Shell operators and what follows them are not part of this docker command.' });
  return command ? { parts: ctx.parts, command } : { parts: ctx.parts };
}
