/**
 * The "Link to this course" page's data: every published page and anchor
 * (content/reference/published-anchors.txt) that still exists, with its title, grouped by page.
 * Titles come from where the sections are defined: chapter headings, and for the reference its
 * commands, flags, topics and alias anchors (src/lib/reference/commands.ts).
 */
import { splitEntry } from './published-anchors.ts';

export interface CourseLink {
  /** Site path with anchor, without the base path: `/security/#docker-group`. */
  path: string;
  title: string;
  depth: number;
}

export interface CoursePage {
  path: string;
  title: string;
  links: CourseLink[];
}

/** A title for an anchor no heading data names (a section of a page built by code, e.g. the home page): its id in words. */
const fromId = (id: string) => id.charAt(0).toUpperCase() + id.slice(1).replace(/-/g, ' ');

/**
 * Group the published entries by page, in `pages` order, each anchor titled from `titles`
 * (page path → anchor → { title, depth }), or from its id where no heading names it (a figure, a
 * tab panel). An entry in `moved` (it has a redirect: tests/build/anchors.test.ts guarantees every
 * other published entry exists) is left out: the page lists addresses to hand out today. `#_top`
 * is the page itself.
 */
export function coursePages(
  entries: readonly string[],
  pages: ReadonlyArray<{ path: string; title: string }>,
  titles: ReadonlyMap<string, ReadonlyMap<string, { title: string; depth: number }>>,
  moved: ReadonlySet<string> = new Set(),
): CoursePage[] {
  const published = new Set(entries);
  return pages
    .filter((p) => published.has(p.path))
    .map((p) => {
      const known = titles.get(p.path);
      const links = entries
        .map(splitEntry)
        .filter(([page, anchor]) => page === p.path && anchor && anchor !== '_top' && !moved.has(`${page}#${anchor}`))
        .map(([, anchor]) => ({ path: `${p.path}#${anchor}`, ...(known?.get(anchor!) ?? { title: fromId(anchor!), depth: 2 }) }));
      return { path: p.path, title: p.title, links };
    });
}
