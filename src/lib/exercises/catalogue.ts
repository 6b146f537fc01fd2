/**
 * Every exercise of the course, read from content/exercises/<chapter>.yaml and checked against
 * the docker model once a build: the shape (schema.ts), each answer's commands and flags (they
 * must exist in every CLI version the course checks: 28.2 and 29.7), the solution and the other
 * accepted spellings (each must pass), the sample wrong answers (each must fail for the reason it
 * names). A problem fails the build naming the file, the exercise and what to fix.
 */
import type { ModelIndex } from '../docker/model.ts';
import { parseYamlFile } from '../reference/yaml-file.ts';
import { canonicalCommand, checkAnswer, flagOf } from './check.ts';
import { exerciseFileSchema, type ExerciseData, type Step } from './schema.ts';

const FILES = import.meta.glob<string>('/content/exercises/*.yaml', { query: '?raw', import: 'default', eager: true });
const CHAPTERS = new Set(Object.keys(import.meta.glob('/content/chapters/*.{md,mdx}')).map((f) => f.replace(/^.*\/|\.mdx?$/g, '')));

const fileName = (key: string) => key.replace(/^\//, '');
const chapterOf = (key: string) => key.replace(/^.*\/|\.yaml$/g, '');

/** Read and check every exercise file; `index` is the full docker model. Throws one error listing every problem. */
export function loadExercises(index: ModelIndex, files: Readonly<Record<string, string>> = FILES): ExerciseData[] {
  const problems: string[] = [];
  const out: ExerciseData[] = [];
  const seen = new Map<string, string>();
  for (const [key, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const file = fileName(key);
    const chapter = chapterOf(key);
    if (!CHAPTERS.has(chapter)) {
      problems.push(`${file}: there is no chapter content/chapters/${chapter}.mdx; name the file after the chapter whose exercises it holds`);
      continue;
    }
    let data: unknown;
    try {
      data = parseYamlFile(text, file);
    } catch (e) {
      problems.push(e instanceof Error ? e.message : String(e));
      continue;
    }
    const parsed = exerciseFileSchema.safeParse(data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [i, ...rest] = issue.path;
        const entry = typeof i === 'number' && Array.isArray(data) ? (data[i] as Record<string, unknown> | undefined) : undefined;
        const id = entry && typeof entry['id'] === 'string' ? ` "${entry['id']}"` : '';
        problems.push(`${file}: exercise ${typeof i === 'number' ? i + 1 : ''}${id}${rest.length ? ` > ${rest.join(' > ')}` : ''}: ${issue.message}`);
      }
      continue;
    }
    for (const e of parsed.data) {
      const where = `${file}: exercise "${e.id}"`;
      if (seen.has(e.id)) problems.push(`${where}: the id is used again (first in ${seen.get(e.id)}); ids are anchors and must be unique across the course`);
      seen.set(e.id, file);
      const answers: Step[][] = e.answers.map((a) => (Array.isArray(a) ? a : [a]));
      const before = problems.length;
      for (const step of answers.flat()) {
        const name = canonicalCommand(step.command, index);
        const cmd = name ? index.byName.get(name) : undefined;
        if (!cmd) {
          problems.push(`${where}: answers name "${step.command}", which is not a docker command the CLI data knows`);
          continue;
        }
        for (const long of [...Object.keys(step.flags), ...step.absent]) {
          const flag = flagOf(index, cmd.name, long);
          if (!flag) problems.push(`${where}: ${cmd.name} has no flag ${long} (write flags by their long name, as ${step.command} --help prints them)`);
          else if (flag.missing?.length)
            problems.push(
              `${where}: ${long} is not in ${flag.missing.map((i) => index.model.engines[i]).join(' or ')}; exercises use flags every checked version has`,
            );
        }
      }
      if (problems.length > before) continue;
      const exercise: ExerciseData = { ...e, answers, chapter };
      for (const line of [e.solution, ...e.accepts]) {
        const v = checkAnswer(line, exercise, index);
        if (!v.ok) problems.push(`${where}: "${line}" must be accepted, but the check says: ${v.feedback.map((f) => `[${f.reason}] ${f.message}`).join(' ')}`);
      }
      for (const w of e.wrong) {
        const v = checkAnswer(w.line, exercise, index);
        if (v.ok) problems.push(`${where}: the wrong answer "${w.line}" is accepted; change the answers or the sample`);
        else if (v.feedback[0]!.reason !== w.reason)
          problems.push(
            `${where}: the wrong answer "${w.line}" should be reported as ${w.reason}, but the first reason is ${v.feedback[0]!.reason}: ${v.feedback[0]!.message}`,
          );
      }
      out.push(exercise);
    }
  }
  if (problems.length) throw new Error(`The exercises have ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n  ${problems.join('\n  ')}`);
  return out;
}
