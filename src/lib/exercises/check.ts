/**
 * Checks a student's command line against an exercise by meaning: the line is read with the one
 * docker walk (src/lib/docker/tokenize.ts), so `-d` and `--detach`, `-dp 8080:80`,
 * `--publish=8080:80`, `docker container run` and `docker run`, `nginx` and `nginx:latest` are the
 * same, and the order of flags does not matter where docker does not care. A wrong line gets the
 * specific reason (a typo'd flag with "did you mean", a flag after the image, a missing flag, a
 * reversed port mapping, a risky flag nobody asked for, a command that deletes data), never just
 * "wrong". Pure: the build and the browser run the same code.
 */
import type { ModelFlag, ModelIndex } from '../docker/model.ts';
import { tokenize, type Problem, type Segment } from '../docker/tokenize.ts';
import { deletedByFlag, deletesThings } from '../docker/deletes.ts';
import { sameImageReference, sameValue } from '../docker/same.ts';
import { portMapping } from '../docker/values.ts';
import { flagLabel, parseImageReference } from '../docker/word-shapes.ts';
import type { ExerciseData, FlagWant, Reason, Step } from './schema.ts';

export interface Feedback {
  reason: Reason;
  /** One or two sentences for the student. */
  message: string;
}

export interface Verdict {
  ok: boolean;
  /** Why the line is not right yet, most important first; empty when it is right. */
  feedback: Feedback[];
  /** Things worth knowing that do not make the line wrong (a flag one CLI version lacks). */
  notes: string[];
}

/** The input a check reads at most, as the explainer caps its input. */
export const MAX_ANSWER_CHARS = 2000;

/** One docker command of the student's line, as docker reads it. */
interface ReadCommand {
  name: string;
  /** The command as the student typed it: `docker rm`, `docker container rm`. */
  typed: string;
  flags: Array<{ long: string; flag: ModelFlag; values: string[] }>;
  image?: string;
  args: string[];
  run: string[];
}

const PROBLEM_REASON: Partial<Record<Problem['code'], Reason>> = {
  'unknown-command': 'unknown-command',
  'unknown-flag': 'unknown-flag',
  'flag-after-image': 'flag-after-image',
  'unclosed-quote': 'unclosed-quote',
  'missing-value': 'missing-value',
  'invalid-image': 'invalid-image',
  'not-docker': 'not-docker',
};

/** The canonical name of a command as written in an exercise (`docker stop` → `docker container stop`). */
export function canonicalCommand(name: string, index: ModelIndex): string | undefined {
  return index.byName.get(name)?.name;
}

/** The commands a line names (canonical), for loading their full flag lists before checking. */
export function commandsOf(line: string, index: ModelIndex): string[] {
  return [...new Set(tokenize(line.slice(0, MAX_ANSWER_CHARS), index).segments.flatMap((s) => (s.docker && s.command ? [s.command] : [])))];
}

function readSegment(s: Segment): ReadCommand {
  const out: ReadCommand = {
    name: s.command ?? 'docker',
    typed: s.tokens
      .filter((t) => t.kind === 'program' || t.kind === 'command')
      .map((t) => t.text)
      .join(' '),
    flags: [],
    args: [],
    run: [],
  };
  for (const t of s.tokens) {
    if ((t.kind === 'flag' || t.kind === 'global-flag') && t.flag) {
      const long = t.flag.of ?? t.flag.long;
      let entry = out.flags.find((f) => f.long === long);
      if (!entry) out.flags.push((entry = { long, flag: t.flag, values: [] }));
      // An on/off flag written `--rm=false` is off.
      const eq = (t.raw ?? t.text).match(/^--?[^=]+=(.*)$/);
      if (!t.flag.type && eq && /^(false|0)$/i.test(eq[1]!)) out.flags.splice(out.flags.indexOf(entry), 1);
    } else if (t.kind === 'value' && t.flag) {
      const long = t.flag.of ?? t.flag.long;
      out.flags.find((f) => f.long === long)?.values.push(t.text);
    } else if (t.kind === 'image') out.image = t.text;
    else if (t.kind === 'argument') out.args.push(t.text);
    else if (t.kind === 'inner-command' || t.kind === 'inner-argument') out.run.push(t.text);
  }
  return out;
}

/** Whether the line's image is the one the task wants: any tag when the task names none (`nginx` takes `nginx:1.29`), else the same image as docker resolves it. */
function wantedImage(want: string, got: string): boolean {
  const w = parseImageReference(want);
  return w.tag === undefined && w.digest === undefined ? parseImageReference(got).name === w.name : sameImageReference(want, got);
}

/** A message that ends as a sentence (the model's messages start with a command or a flag, kept as typed). */
const sentence = (m: string) => m.replace(/([^.?!])$/, '$1.');

function isReversed(flag: ModelFlag, want: string, got: string): boolean {
  if (flag.value !== 'port-mapping') return false;
  const w = portMapping(want);
  const g = portMapping(got);
  return !!w && !!g && !!w.host && w.host === g.container && w.container === g.host;
}

const wantValues = (w: FlagWant): { any?: string[]; all?: string[]; what?: string } =>
  w === true
    ? {}
    : typeof w === 'string'
      ? { any: [w] }
      : { ...(w.value ? { any: Array.isArray(w.value) ? w.value : [w.value] } : {}), ...(w.all ? { all: w.all } : {}), ...(w.what ? { what: w.what } : {}) };

/**
 * A flag of `command` or of a command it belongs to (`--file` of `docker compose` on a
 * `docker compose up` line, the global `--host` of `docker`), as docker reads them.
 */
export function flagOf(index: ModelIndex, command: string, long: string): ModelFlag | undefined {
  const words = command.split(' ');
  for (let n = words.length; n > 0; n--) {
    const f = index.byName.get(words.slice(0, n).join(' '))?.flags.find((x) => x.long === long);
    if (f) return f;
  }
  return undefined;
}

function compareStep(want: Step, got: ReadCommand, index: ModelIndex): Feedback[] {
  const out: Feedback[] = [];
  const wantName = canonicalCommand(want.command, index) ?? want.command;
  if (got.name !== wantName) {
    const deletes = deletesThings(got.name) && !deletesThings(wantName);
    out.push(
      deletes
        ? { reason: 'deletes-data', message: `${got.typed} deletes things, and the task does not ask for that: this task needs ${want.command}.` }
        : { reason: 'wrong-command', message: `Your line runs ${got.typed}; this task needs ${want.command}.` },
    );
    return out;
  }
  for (const long of want.absent) {
    const present = got.flags.find((f) => f.long === long);
    if (!present) continue;
    const label = flagLabel(present.flag);
    const deleted = deletedByFlag(wantName, long);
    out.push(
      deleted
        ? { reason: 'deletes-data', message: `${label} also deletes ${deleted}, with their data; the task does not ask for that.` }
        : present.flag.risk
          ? {
              reason: 'risky-flag',
              message: `Leave out ${label}: it is risky (${present.flag.risk.replace(/^-[-\w]+(, -[-\w]+)?: /, '')}), and the task can be done without it.`,
            }
          : { reason: 'unwanted-flag', message: `Leave out ${label}: the task asks for the opposite of what it does.` },
    );
  }
  // A risky or deleting flag nobody asked for comes first: it matters more than what is missing.
  for (const f of got.flags) {
    if (f.long in want.flags || want.absent.includes(f.long)) continue;
    const deleted = deletedByFlag(wantName, f.long);
    if (deleted)
      out.push({ reason: 'deletes-data', message: `${flagLabel(f.flag)} also deletes ${deleted}, with their data, and the task does not ask for that.` });
    else if (f.flag.risk)
      out.push({
        reason: 'risky-flag',
        message: `${flagLabel(f.flag)} was not asked for, and it is risky: ${sentence(f.flag.risk.replace(/^-[-\w]+(, -[-\w]+)?: /, ''))}`,
      });
  }
  for (const [long, w] of Object.entries(want.flags)) {
    const flag = flagOf(index, wantName, long) ?? { long };
    const label = flagLabel(flag);
    const { any, all, what } = wantValues(w);
    const present = got.flags.find((f) => f.long === long);
    if (!present) {
      out.push({
        reason: 'missing-flag',
        message: what
          ? `The task wants it ${what}, and nothing on your line does that: it takes ${label}.`
          : `Your line has no ${label}, which this task needs.`,
      });
      continue;
    }
    const needed = all ?? [];
    for (const v of needed)
      if (!present.values.some((g) => sameValue(flag.value, v, g)))
        out.push({ reason: 'wrong-value', message: `${label} ${v} is missing: the task needs ${needed.join(' and ')}.` });
    if (any && !present.values.some((g) => any.some((v) => sameValue(flag.value, v, g)))) {
      const got1 = present.values[0] ?? '';
      if (any.some((v) => isReversed(flag, v, got1))) {
        const p = portMapping(got1)!;
        out.push({
          reason: 'reversed-ports',
          message: `${label} ${got1} publishes port ${p.host} of your computer to port ${p.container} in the container. The order is HOST:CONTAINER, so this is reversed.`,
        });
      } else
        out.push({
          reason: 'wrong-value',
          message: `${label} is ${got1 || 'empty'} on your line; the task needs ${any.join(' or ')}${what ? ` (${what})` : ''}.`,
        });
    }
  }
  if (want.image !== undefined) {
    if (!got.image) out.push({ reason: 'wrong-image', message: `Your line names no image; the task needs ${want.image}.` });
    else if (!wantedImage(want.image, got.image))
      out.push({ reason: 'wrong-image', message: `Your line uses the image ${got.image}; the task needs ${want.image}.` });
  }
  if (want.args) {
    const w = want.args.join(' ');
    if (got.args.join(' ') !== w)
      out.push({
        reason: 'wrong-argument',
        message: got.args.length ? `Your line names ${got.args.join(' ')}; the task is about ${w}.` : `Your line does not name ${w}, which the task is about.`,
      });
  }
  if (want.run && got.run.join(' ') !== want.run.join(' ')) {
    out.push({
      reason: 'wrong-run',
      message: got.run.length
        ? `Your line runs ${got.run.join(' ')} in the container; the task needs ${want.run.join(' ')}.`
        : `Your line runs the image's default command; the task needs ${want.run.join(' ')} in the container.`,
    });
  }
  return out;
}

/**
 * How far a line is from an answer, to pick the answer whose feedback helps most: another command
 * is further than a missing step (`docker stop web` for "stop, then remove"), which is further
 * than a flag or a value.
 */
const weight = (fb: readonly Feedback[]) =>
  fb.reduce((n, f) => n + (f.reason === 'wrong-command' || f.reason === 'deletes-data' ? 10 : f.reason === 'steps' ? 5 : 1), 0);

/** Check a student's line against an exercise. `index` must hold the full flags of the commands on the line and in the answers. */
export function checkAnswer(line: string, exercise: Pick<ExerciseData, 'answers'>, index: ModelIndex): Verdict {
  const input = line.slice(0, MAX_ANSWER_CHARS);
  if (!input.trim()) return { ok: false, feedback: [{ reason: 'empty', message: 'Type a command line first.' }], notes: [] };
  const { segments } = tokenize(input, index);
  const notes: string[] = [];
  const errors: Feedback[] = [];
  for (const s of segments) {
    for (const t of s.tokens) {
      for (const p of t.problems) {
        const reason = PROBLEM_REASON[p.code];
        if (reason && p.severity === 'error')
          errors.push({
            reason,
            message: p.suggestion && !p.message.includes(p.suggestion.text) ? `${sentence(p.message)} Did you mean ${p.suggestion.text}?` : sentence(p.message),
          });
        else if (p.code === 'version' || p.code === 'deprecated') notes.push(p.message);
      }
    }
  }
  const commands = segments.filter((s) => s.docker && !s.nested);
  if (!commands.length && !errors.length) errors.push({ reason: 'not-docker', message: 'This line does not run docker: start it with docker.' });
  if (errors.length) return { ok: false, feedback: errors, notes };
  const read = commands.map(readSegment);
  let best: Feedback[] | undefined;
  for (const answer of exercise.answers) {
    if (answer.length !== read.length) {
      const fb: Feedback[] = [
        {
          reason: 'steps',
          message:
            answer.length > read.length
              ? `This task takes ${answer.length} commands (${answer.map((s) => s.command).join(', then ')}); your line has ${read.length}. Join them with && on one line.`
              : `Your line has ${read.length} commands; this task takes ${answer.length === 1 ? 'one' : answer.length}.`,
        },
      ];
      if (!best || weight(fb) < weight(best)) best = fb;
      continue;
    }
    const fb = answer.flatMap((step, i) => compareStep(step, read[i]!, index));
    if (!fb.length) return { ok: true, feedback: [], notes };
    if (!best || weight(fb) < weight(best)) best = fb;
  }
  return { ok: false, feedback: best!, notes };
}
