/**
 * Practice exercises (content/exercises/, src/lib/exercises/): every exercise passes the build's
 * checks, sits in its chapter, accepts every spelling docker accepts (derived from the model, not
 * listed by hand), and a wrong line gets its specific reason. Bad exercise data fails naming the
 * file and the exercise.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dockerModel } from '../support/docker-model.ts';
import { loadExercises } from '~/lib/exercises/catalogue.ts';
import { checkAnswer } from '~/lib/exercises/check.ts';
import type { ExerciseData } from '~/lib/exercises/schema.ts';
import { tokenize, type Token } from '~/lib/docker/tokenize.ts';
import type { ModelIndex } from '~/lib/docker/model.ts';
import { parseImageReference } from '~/lib/docker/word-shapes.ts';

const { index } = dockerModel();
const exercises = loadExercises(index);
const byId = new Map(exercises.map((e) => [e.id, e]));
const ex = (id: string) => byId.get(id)!;

/** Quote a word for a POSIX shell the way a student would. */
const shellWord = (w: string) => (/^[\w./:=,@+%-]+$/.test(w) ? w : w.includes('$') ? `"${w}"` : `'${w}'`);

/**
 * Other spellings of a line that docker reads the same, made from the model: every name the
 * command answers to, short and long flags, `--flag=value`, flags in reverse order, an image
 * written with its default registry. What the closing note calls "equivalent spellings".
 */
function spellings(line: string, idx: ModelIndex): string[] {
  const segs = tokenize(line, idx).segments.filter((s) => s.docker && !s.nested);
  if (segs.length !== 1 || !segs[0]!.command) return [];
  const seg = segs[0]!;
  const lastCommand = seg.tokens.findLastIndex((t) => t.kind === 'command');
  // What stands before the (last) command word keeps its place: global options, `docker compose -f x`.
  const head = seg.tokens
    .slice(1, lastCommand)
    .filter((t) => t.kind !== 'command')
    .map((t) => (t.kind === 'value' ? shellWord(t.text) : t.text));
  const flags: Array<{ t: Token; value?: string }> = [];
  const tail: string[] = [];
  for (const t of seg.tokens.slice(lastCommand + 1)) {
    if (t.kind === 'flag' && t.flag) flags.push({ t });
    else if (t.kind === 'value' && flags.length) flags.at(-1)!.value = t.text;
    else tail.push(t.kind === 'image' ? t.text : shellWord(t.text));
  }
  const cmd = idx.byName.get(seg.command!)!;
  const parentWords = seg.tokens
    .slice(1, lastCommand)
    .filter((t) => t.kind === 'command')
    .map((t) => t.text);
  const render = (name: string, form: 'as-is' | 'long' | 'short' | 'equals', order: 'as-is' | 'reversed', image: (i: string) => string = (i) => i) => {
    const fl = (order === 'reversed' ? [...flags].reverse() : flags).map(({ t, value }) => {
      const f = t.flag!;
      const spelled = form === 'long' || form === 'equals' ? f.long : form === 'short' && f.short ? f.short : t.text;
      if (value === undefined) return spelled;
      return form === 'equals' && spelled.startsWith('--') ? `${spelled}=${shellWord(value)}` : `${spelled} ${shellWord(value)}`;
    });
    const images = seg.tokens.filter((t) => t.kind === 'image').map((t) => t.text);
    const rest = tail.map((w) => (images.includes(w) ? image(w) : w));
    // A parent's flags stay between the parent's words and the command's last word.
    const words = name.split(' ');
    const named = parentWords.length ? [...words.slice(0, -1), ...head, words.at(-1)!] : [...head, ...words];
    return ['docker', ...named, ...fl, ...rest].join(' ');
  };
  const names = cmd.aliases
    .filter((a) => a.startsWith('docker ') && (!parentWords.length || a.split(' ').length === cmd.name.split(' ').length))
    .map((a) => a.slice('docker '.length));
  const out = new Set<string>();
  for (const name of names)
    for (const form of ['as-is', 'long', 'short', 'equals'] as const) for (const order of ['as-is', 'reversed'] as const) out.add(render(name, form, order));
  if (seg.tokens.some((t) => t.kind === 'image'))
    out.add(render(names[0]!, 'as-is', 'as-is', (i) => (parseImageReference(i).name.includes('/') ? `docker.io/${i}` : `docker.io/library/${i}`)));
  out.delete(line);
  return [...out];
}
const variants = new Map(exercises.map((e) => [e.id, spellings(e.solution, index)]));

describe('the course exercises', () => {
  it('number at least 40, in every chapter that teaches commands', () => {
    expect(exercises.length).toBeGreaterThanOrEqual(40);
    const chapters = new Set(exercises.map((e) => e.chapter));
    for (const c of [
      'set-up-docker',
      'images-and-containers',
      'building-images',
      'volumes-and-networks',
      'compose',
      'docker-for-robots',
      'keep-services-running',
      'robot-hardware',
      'security',
      'troubleshooting',
    ])
      expect(chapters, c).toContain(c);
  });

  it.each(exercises.map((e) => [e.id, e] as const))('%s is placed once, in its own chapter', (id, e) => {
    const mdx = readFileSync(`content/chapters/${e.chapter}.mdx`, 'utf8');
    expect(mdx.match(new RegExp(`<Exercise id="${id}"\\s*/>`, 'g'))?.length ?? 0).toBe(1);
  });

  it.each(exercises.map((e) => [e.id, e] as const))('%s accepts every spelling of its solution that docker reads the same', (id, e) => {
    for (const line of variants.get(id)!) expect(checkAnswer(line, e, index), line).toMatchObject({ ok: true });
  });

  it('are checked with several spellings each (the model gives them)', () => {
    const counts = [...variants.values()].map((v) => v.length);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(3 * exercises.length);
  });
});

describe('feedback that teaches', () => {
  const nginx = ex('run-nginx-background');
  it('accepts the three spellings of the task in the issue, in any order', () => {
    for (const line of [
      'docker run -d -p 8080:80 --rm nginx',
      'docker container run --rm --publish=8080:80 --detach nginx:latest',
      'docker run -dp 8080:80 --rm nginx',
      'docker run --rm -p8080:80 -d nginx',
    ])
      expect(checkAnswer(line, nginx, index).ok, line).toBe(true);
  });
  it('says a reversed port mapping is reversed, with the order docker reads', () => {
    const v = checkAnswer('docker run -d -p 80:8080 --rm nginx', nginx, index);
    expect(v.feedback[0]).toMatchObject({ reason: 'reversed-ports' });
    expect(v.feedback[0]!.message).toMatch(/HOST:CONTAINER/);
  });
  it('names a missing flag with what it does for the task', () => {
    expect(checkAnswer('docker run -d -p 8080:80 nginx', nginx, index).feedback[0]!.message).toMatch(/removed when it stops.*--rm/);
  });
  it('catches a flag after the image, with the line docker would read', () => {
    const f = checkAnswer('docker run nginx -d -p 8080:80 --rm', nginx, index).feedback[0]!;
    expect(f.reason).toBe('flag-after-image');
    expect(f.message).toContain('docker run -d -p 8080:80 --rm nginx');
  });
  it('suggests the flag a typo meant', () => {
    expect(checkAnswer('docker run -d -p 8080:80 --rmm nginx', nginx, index).feedback[0]).toMatchObject({ reason: 'unknown-flag' });
    expect(checkAnswer('docker run --detatch -p 8080:80 --rm nginx', nginx, index).feedback[0]!.message).toMatch(/did you mean -d, --detach/i);
  });
  it('warns about a risky flag the task did not ask for, before what is missing', () => {
    expect(checkAnswer('docker run --privileged -p 8080:80 nginx', nginx, index).feedback[0]).toMatchObject({ reason: 'risky-flag' });
  });
  it('stops a command that would delete data', () => {
    expect(checkAnswer('docker system prune -a --volumes', nginx, index).feedback[0]).toMatchObject({ reason: 'deletes-data' });
    expect(checkAnswer('docker compose down -v', ex('compose-down-keep-data'), index).feedback[0]).toMatchObject({ reason: 'deletes-data' });
  });
  it('accepts each right answer where several are right, and says when a step is missing', () => {
    const e = ex('stop-then-remove');
    for (const line of ['docker stop web && docker rm web', 'docker rm -f web', 'docker container stop web; docker container rm web'])
      expect(checkAnswer(line, e, index).ok, line).toBe(true);
    expect(checkAnswer('docker stop web', e, index).feedback[0]).toMatchObject({ reason: 'steps' });
  });
  it('is never just "wrong": every reason has a message', () => {
    for (const e of exercises)
      for (const w of e.wrong) expect(checkAnswer(w.line, e, index).feedback[0]!.message.length, `${e.id}: ${w.line}`).toBeGreaterThan(20);
  });
  it('says what to do with an empty line or a line that is not docker', () => {
    expect(checkAnswer('  ', nginx, index).feedback[0]!.reason).toBe('empty');
    expect(checkAnswer('ls -la', nginx, index).feedback[0]!.reason).toBe('not-docker');
  });
});

describe('bad exercise data fails the build, naming the file and the exercise', () => {
  const file = (yaml: string) => ({ '/content/exercises/compose.yaml': yaml });
  const base = `- id: x-up
  task: Start the stack in the background.
  hint: up, detached.
  answers:
    - command: docker compose up
      flags: { --detach: true }
  solution: docker compose up -d
  wrong:
    - { line: docker compose up, reason: missing-flag }
`;
  const fails = (yaml: string) => expect(() => loadExercises(index, file(yaml)));
  it('passes when the data is right', () => expect(loadExercises(index, file(base)).map((e: ExerciseData) => e.id)).toEqual(['x-up']));
  it('a flag the command does not have', () =>
    fails(base.replace('--detach: true', '--detatch: true')).toThrow(
      /content\/exercises\/compose\.yaml: exercise "x-up": docker compose up has no flag --detatch/,
    ));
  it('a flag one checked CLI version lacks', () =>
    fails(
      base
        .replace('command: docker compose up\n      flags: { --detach: true }', 'command: docker run\n      flags: { --kernel-memory: "1g" }')
        .replace('docker compose up -d', 'docker run --kernel-memory 1g nginx'),
    ).toThrow(/--kernel-memory is not in Docker CLI 29/));
  it('a solution the check rejects', () =>
    fails(base.replace('solution: docker compose up -d', 'solution: docker compose up')).toThrow(
      /"docker compose up" must be accepted, but the check says: \[missing-flag\]/,
    ));
  it('a sample wrong answer that is accepted, or reported for another reason', () => {
    fails(base.replace('line: docker compose up,', 'line: docker compose up --detach,')).toThrow(/the wrong answer "docker compose up --detach" is accepted/);
    fails(base.replace('reason: missing-flag', 'reason: wrong-value')).toThrow(/should be reported as wrong-value, but the first reason is missing-flag/);
  });
  it('a schema error, with the field', () => fails(base.replace('id: x-up', 'id: X_Up')).toThrow(/compose\.yaml: exercise 1 "X_Up" > id: must be lower-case/));
  it('a file named after no chapter', () =>
    expect(() => loadExercises(index, { '/content/exercises/composer.yaml': base })).toThrow(
      /content\/exercises\/composer\.yaml: there is no chapter content\/chapters\/composer\.mdx/,
    ));
  it('a YAML error with its line', () => fails(base.replace('  hint: up, detached.', '\thint: up')).toThrow(/compose\.yaml:3:1: YAML syntax error/));
  it('an id used twice', () => fails(base + base).toThrow(/exercise "x-up": the id is used again/));
});
