/**
 * "What changed since <term>": the chapters and sections added, removed, moved and changed between
 * a snapshot's chapter sources and today's, for an instructor deciding what to re-read. Pure: the
 * sources come from git (chapter-sources.ts); headings are read with the content checks' one
 * reader of chapter headings (src/lib/checks/content-lint.ts).
 */
import { parse as parseYaml } from 'yaml';
import { headings } from '../checks/content-lint.ts';

export interface ChapterSource {
  /** The file name without `.mdx`: the chapter's URL segment. */
  slug: string;
  /** The whole `.mdx` source, frontmatter included. */
  source: string;
}

export interface Section {
  id: string;
  title: string;
  /** 2 for `##`, 3 for `###`. */
  depth: number;
  /** The section's own text (to the next `##` or `###`), whitespace collapsed: what "changed" compares. */
  text: string;
}

export type SectionChange =
  | { change: 'added' | 'changed'; id: string; title: string }
  | { change: 'removed'; id: string; title: string }
  | { change: 'moved'; id: string; title: string; /** Where it is now: `/page/#id`, without the base. */ to: string };

export interface ChapterChange {
  slug: string;
  /** Today's title, or the snapshot's for a removed chapter. */
  title: string;
  status: 'added' | 'removed' | 'changed';
  /** Where a removed chapter went (src/lib/links/redirects.ts), without the base. */
  movedTo?: string;
  sections: SectionChange[];
}

/** A chapter's title from its frontmatter (the slug when there is none). */
export function chapterTitle(c: ChapterSource): string {
  const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(c.source)?.[1];
  try {
    const title = fm ? (parseYaml(fm) as { title?: unknown } | null)?.title : undefined;
    return typeof title === 'string' ? title : c.slug;
  } catch {
    return c.slug;
  }
}

/** The `##` and `###` sections of a chapter that have an id, with their text. */
export function sections(source: string): Section[] {
  const lines = source.split('\n');
  const heads = headings(source).filter((h) => h.depth === 2 || h.depth === 3);
  return heads.flatMap((h, i) => {
    if (!h.id) return [];
    const end = i + 1 < heads.length ? heads[i + 1]!.line - 1 : lines.length;
    const text = lines.slice(h.line, end).join('\n').replace(/\s+/g, ' ').trim();
    return [{ id: h.id, title: h.text, depth: h.depth, text }];
  });
}

/**
 * The changes from `then` (a snapshot's chapters) to `now`, in today's reading order (`now`'s
 * order) followed by removed chapters. A section whose `page#id` is gone is "moved" when
 * `anchorRedirects` sends it elsewhere or another chapter now has a section with its id; a page
 * gone is moved when `redirects` sends it elsewhere. Chapters with no change are left out.
 */
export function whatChanged(
  then: readonly ChapterSource[],
  now: readonly ChapterSource[],
  links: { redirects?: Readonly<Record<string, string>>; anchorRedirects?: Readonly<Record<string, string>> } = {},
): ChapterChange[] {
  const before = new Map(then.map((c) => [c.slug, { title: chapterTitle(c), sections: sections(c.source) }]));
  const after = new Map(now.map((c) => [c.slug, { title: chapterTitle(c), sections: sections(c.source) }]));
  const whereNow = new Map<string, string>();
  for (const [slug, c] of after) for (const s of c.sections) if (!whereNow.has(s.id)) whereNow.set(s.id, slug);

  const out: ChapterChange[] = [];
  for (const [slug, c] of after) {
    const old = before.get(slug);
    if (!old) {
      out.push({ slug, title: c.title, status: 'added', sections: c.sections.map((s) => ({ change: 'added', id: s.id, title: s.title })) });
      continue;
    }
    const oldById = new Map(old.sections.map((s) => [s.id, s]));
    const newIds = new Set(c.sections.map((s) => s.id));
    const changes: SectionChange[] = [];
    for (const s of c.sections) {
      const o = oldById.get(s.id);
      if (!o) changes.push({ change: 'added', id: s.id, title: s.title });
      else if (o.text !== s.text || o.title !== s.title) changes.push({ change: 'changed', id: s.id, title: s.title });
    }
    for (const o of old.sections) if (!newIds.has(o.id)) changes.push(gone(slug, o, whereNow, links.anchorRedirects));
    if (changes.length || old.title !== c.title) out.push({ slug, title: c.title, status: 'changed', sections: changes });
  }
  for (const [slug, old] of before) {
    if (after.has(slug)) continue;
    const movedTo = links.redirects?.[`/${slug}/`];
    out.push({
      slug,
      title: old.title,
      status: 'removed',
      ...(movedTo ? { movedTo } : {}),
      sections: old.sections.map((o) => gone(slug, o, whereNow, links.anchorRedirects)),
    });
  }
  return out;
}

function gone(slug: string, o: Section, whereNow: Map<string, string>, anchorRedirects: Readonly<Record<string, string>> = {}): SectionChange {
  const to = anchorRedirects[`/${slug}/#${o.id}`] ?? (whereNow.has(o.id) && whereNow.get(o.id) !== slug ? `/${whereNow.get(o.id)}/#${o.id}` : undefined);
  return to ? { change: 'moved', id: o.id, title: o.title, to } : { change: 'removed', id: o.id, title: o.title };
}
