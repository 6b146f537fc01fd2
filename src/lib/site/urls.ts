/**
 * Site-wide constants and URL helpers. Every internal link goes through `withBase`, so the site
 * works at `/` and under a sub-path such as `/docker-basics/` (set with the BASE_PATH variable).
 */

export const SITE_TITLE = 'Docker basics';
export const SITE_DESCRIPTION = 'Learn Docker for robotics: containers, images, the docker CLI and how a robot runs every service in Docker.';

/** The configured base path, always with a trailing slash: `/` or `/docker-basics/`. */
export function basePath(base: string = import.meta.env.BASE_URL): string {
  return base.endsWith('/') ? base : `${base}/`;
}

/**
 * Prefix a site-internal path with the base path.
 * `withBase('what-is-docker/')` → `/docker-basics/what-is-docker/` when base is `/docker-basics/`.
 */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
  const b = basePath(base);
  return b + path.replace(/^\/+/, '');
}

/** Whether this build registers the offline service worker (SERVICE_WORKER=off at build time turns it off). */
export const SERVICE_WORKER_ENABLED: boolean = import.meta.env.SERVICE_WORKER_ENABLED;

/** The home page's sections (published anchors): their ids and headings, for the page and /links/. */
export const HOME_SECTIONS = { 'you-need': 'What you need', 'you-learn': 'What you learn', chapters: 'Chapters' } as const;

/**
 * The site's pages that are not chapters, in sidebar order: one list for the sidebar, the
 * sitemap, the "Link to this course" page and the 404 page's suggestions. `path` is relative to
 * the base; `label` is the sidebar's wording when it differs from the title.
 */
export const TOOL_PAGES: ReadonlyArray<{ id: string; path: string; title: string; label?: string }> = [
  { id: 'explain', path: 'explain/', title: 'Explain a command' },
  { id: 'search', path: 'search/', title: 'Search' },
  { id: 'card', path: 'card/', title: 'Command card', label: 'Command card (print)' },
  { id: 'glossary', path: 'glossary/', title: 'Glossary' },
  { id: 'links', path: 'links/', title: 'Link to this course' },
  { id: 'exercises', path: 'exercises/', title: 'Exercises', label: 'Exercises (worksheet)' },
  { id: 'terms', path: 'terms/', title: 'Term snapshots' },
];
