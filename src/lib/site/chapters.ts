import { getCollection, type CollectionEntry } from 'astro:content';
import { orderChapters } from './navigation.ts';

export type Chapter = CollectionEntry<'chapters'>;

/** All chapters in reading order (memoised for the build). */
let cache: Promise<Chapter[]> | undefined;
export function getChapters(): Promise<Chapter[]> {
  cache ??= getCollection('chapters').then((entries) =>
    orderChapters(entries.map((e) => ({ ...e, ...e.data, filePath: e.filePath }))).map(({ id }) => entries.find((e) => e.id === id)!),
  );
  return cache;
}
