import { z } from 'astro/zod';

/**
 * Practice exercises (content/exercises/<chapter>.yaml): a task in words, and what a correct
 * command line must do, stated as meaning (the command, the flags and values that matter, the
 * image, what must not be there), never as text. The checker (check.ts) reads a student's line
 * with the one docker model and compares meanings, so every spelling docker accepts passes.
 * The build checks every exercise against the model (catalogue.ts): its solution must pass, each
 * sample wrong answer must fail for the reason it names.
 */

const text = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} must not be empty`);
/** A flag's long name as `--help` prints it. */
const flagName = z.string().regex(/^--?[A-Za-z0-9][A-Za-z0-9-]*$/, 'must be a flag as the CLI prints it, e.g. --publish');

/** What a flag of a step must be: `true` (present, any value), a value, alternatives, or all of several values. */
export const flagWantSchema = z.union([
  z.literal(true),
  z.string().min(1),
  z.strictObject({
    /** The value, or alternatives that are each right (`["$PWD/data:/data", "./data:/data"]`). */
    value: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
    /** Values that must all be given (the flag repeated: two `--publish`). */
    all: z.array(z.string().min(1)).min(2).optional(),
    /** What the flag does for the task, in the task's words: "removed when it stops". Used in feedback. */
    what: z.string().min(1).optional(),
  }),
]);
export type FlagWant = z.infer<typeof flagWantSchema>;

/** One docker command of an answer. */
export const stepSchema = z.strictObject({
  /** The command, any name docker answers to: `docker run`, `docker container ls`, `docker compose up`. */
  command: text('command').regex(/^docker( [a-z][a-z0-9-]*)+$/, 'must be a docker command such as "docker run"'),
  /** Flags that matter, by long name: `--detach: true`, `--publish: "8080:80"`. Other harmless flags are allowed. */
  flags: z.record(flagName, flagWantSchema).default({}),
  /** Flags that must not be on the line (in any spelling): `[--rm]` when the container must stay. */
  absent: z.array(flagName).default([]),
  /** The image, as a reference; without a tag any tag of that repository is right (`nginx` accepts `nginx:latest`). */
  image: z.string().min(1).optional(),
  /** Positional arguments other than the image, in order: container, volume or network names, paths. */
  args: z.array(z.string().min(1)).optional(),
  /** The command run inside the container, word by word: `[sh]`, `[python3, app.py]`. */
  run: z.array(z.string().min(1)).optional(),
});
export type Step = z.infer<typeof stepSchema>;

/** Reasons a check gives; a sample wrong answer names the one it must get. */
export const REASONS = [
  'empty',
  'not-docker',
  'unknown-command',
  'unknown-flag',
  'flag-after-image',
  'unclosed-quote',
  'missing-value',
  'invalid-image',
  'wrong-command',
  'steps',
  'missing-flag',
  'wrong-value',
  'reversed-ports',
  'unwanted-flag',
  'risky-flag',
  'deletes-data',
  'wrong-image',
  'wrong-argument',
  'wrong-run',
] as const;
export type Reason = (typeof REASONS)[number];

export const exerciseSchema = z.strictObject({
  /** Stable, lower-case id: the anchor is `#exercise-<id>`. Never rename one an instructor may link to. */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes, starting with a letter (it is the anchor #exercise-<id>)'),
  /** The task in words, one or two sentences: what the command must achieve, not which flags. */
  task: text('task'),
  /** A nudge shown on request. */
  hint: text('hint'),
  /** Each right answer: one command, or several in order (`docker stop web` then `docker rm web`). */
  answers: z.array(z.union([stepSchema, z.array(stepSchema).min(1)])).min(1, 'answers needs at least one right answer'),
  /** One accepted line, shown on request; the build checks that it passes. */
  solution: text('solution').regex(/^[\x20-\x7e]*$/, 'solution must be plain ASCII so it pastes into a terminal'),
  /** Other spellings a student may type that must pass too (`docker container run --detach …`): the build checks each. */
  accepts: z.array(z.string().min(1)).default([]),
  /** Sample wrong lines and the reason each must get: the build checks them, so feedback cannot drift. */
  wrong: z.array(z.strictObject({ line: text('wrong[].line'), reason: z.enum(REASONS) })).min(1, 'wrong needs at least one sample wrong answer'),
});
export type Exercise = z.infer<typeof exerciseSchema>;
/** An exercise with its answers as lists of steps. */
export type ExerciseData = Omit<Exercise, 'answers'> & { answers: Step[][]; chapter: string };

export const exerciseFileSchema = z.array(exerciseSchema).min(1, 'an exercise file lists at least one exercise');
