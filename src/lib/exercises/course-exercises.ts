/**
 * The course's exercises for the build, checked once against the full docker model (the same
 * model the explainer uses: src/lib/docker/content-model.ts). Used by <Exercise> and the
 * worksheet pages; a problem fails the build there, naming the file and the exercise.
 */
import { getCollection } from 'astro:content';
import { indexModel } from '../docker/model.ts';
import { siteModel } from '../docker/content-model.ts';
import { loadExercises } from './catalogue.ts';
import type { ExerciseData } from './schema.ts';
import { getChapters } from '../site/chapters.ts';

let cache: Promise<ExerciseData[]> | undefined;

export function courseExercises(): Promise<ExerciseData[]> {
  cache ??= getCollection('commands').then((entries) => loadExercises(indexModel(siteModel(entries.map((e) => e.data)).model)));
  return cache;
}

/** The anchor of an exercise in its chapter. */
export const exerciseAnchor = (id: string): string => `exercise-${id}`;

/** The progress id of an exercise (stored with the self-check marks of its chapter). */
export const exerciseProgressId = (id: string): string => `x-${id}`;

/** The exercises by chapter, in reading order, chapters without exercises left out (the worksheets). */
export async function exerciseGroups(): Promise<Array<{ chapter: string; title: string; exercises: ExerciseData[] }>> {
  const exercises = await courseExercises();
  return (await getChapters())
    .map((c) => ({ chapter: c.id, title: c.data.title, exercises: exercises.filter((e) => e.chapter === c.id) }))
    .filter((g) => g.exercises.length);
}
