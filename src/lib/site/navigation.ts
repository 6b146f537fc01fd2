/**
 * Chapter order, sidebar entries and previous/next links, from the chapters collection.
 * Pure functions over plain data so they are unit-tested without Astro.
 */

export interface NavChapter {
  /** File name without extension: the URL slug. */
  id: string;
  title: string;
  order: number;
  sidebarLabel?: string | undefined;
  /** Source file, for error messages. */
  filePath?: string | undefined;
}

export interface NavLink {
  id: string;
  label: string;
  /** Site path without base, e.g. `what-is-docker/`. */
  path: string;
}

/** Sort chapters by `order`; two chapters with the same order fail with both files named. */
export function orderChapters<T extends NavChapter>(chapters: readonly T[]): T[] {
  const byOrder = new Map<number, T>();
  for (const c of chapters) {
    const other = byOrder.get(c.order);
    if (other) {
      throw new Error(
        `Chapters ${other.filePath ?? other.id} and ${c.filePath ?? c.id} both have "order: ${c.order}" in their frontmatter; give each chapter its own position.`,
      );
    }
    byOrder.set(c.order, c);
  }
  return [...chapters].sort((a, b) => a.order - b.order);
}

export function chapterPath(id: string): string {
  return `${id}/`;
}

export function toLink(c: NavChapter): NavLink {
  return { id: c.id, label: c.sidebarLabel ?? c.title, path: chapterPath(c.id) };
}

/** Previous and next chapter of `id` in reading order. */
export function prevNext(ordered: readonly NavChapter[], id: string): { prev?: NavLink; next?: NavLink } {
  const i = ordered.findIndex((c) => c.id === id);
  if (i < 0) return {};
  const prev = ordered[i - 1];
  const next = ordered[i + 1];
  return { ...(prev ? { prev: toLink(prev) } : {}), ...(next ? { next: toLink(next) } : {}) };
}
