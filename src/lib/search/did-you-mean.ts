/**
 * "Did you mean …?" for a mistyped address on the 404 page: the page whose slug is closest to the
 * requested one (the one Damerau–Levenshtein of src/lib/search/spelling.ts), and the words of the address
 * as a search query.
 */
import { editDistance } from './spelling.ts';

export interface KnownPage {
  /** Site path without the base, as it is compared: `/what-is-docker/` (an old address too). */
  path: string;
  title: string;
  /** Where the link goes when it differs from `path` (an old address that redirects). */
  to?: string;
}

/** Longer slugs are cut: no page's slug is near this long, and the 404 page's work stays bounded. */
export const MAX_SLUG_CHARS = 100;

/** The slug of a requested path (base removed, lower case, first segment, capped): `/Docker-Basics/What-is-dockr/x` → `what-is-dockr`. */
export function requestedSlug(pathname: string, base: string): string {
  let p = pathname;
  try {
    p = decodeURIComponent(p);
  } catch {}
  if (p.startsWith(base)) p = p.slice(base.length);
  return p
    .replace(/^\/+/, '')
    .split('/')[0]!
    .toLowerCase()
    .replace(/\.html?$/, '')
    .slice(0, MAX_SLUG_CHARS);
}

/** The closest known page, when it is close enough to be what was meant (at most a third of the slug's letters differ). */
export function closestPage(slug: string, pages: readonly KnownPage[]): KnownPage | undefined {
  if (!slug) return undefined;
  const max = Math.max(2, Math.floor(slug.length / 3));
  let best: KnownPage | undefined;
  let bestD = max + 1;
  for (const page of pages) {
    const candidate = page.path.replace(/^\/|\/$/g, '').split('/')[0]!;
    if (!candidate) continue;
    const d = editDistance(slug, candidate, max);
    if (d < bestD) {
      bestD = d;
      best = page;
    }
  }
  return best;
}

/** The words of a mistyped address, for the search box: `what-is-dockr` → `what is dockr`. */
export function slugQuery(slug: string): string {
  return slug.replace(/[-_.+]+/g, ' ').trim();
}
