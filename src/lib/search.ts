/**
 * Shaping Pagefind results into what the search box shows: one entry per matching section,
 * best section of each page first. Pure, so it is unit-tested without a browser.
 */

export interface PagefindWeightedLocation { weight: number; balanced_score: number; location: number }
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { element: string; id: string; text?: string; location: number } | undefined;
  locations?: number[];
  weighted_locations?: PagefindWeightedLocation[];
}
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string } & Record<string, string | undefined>;
  sub_results?: PagefindSubResult[];
}

export interface SectionHit {
  /** Link to the section: page URL plus `#anchor`. */
  url: string;
  pageTitle: string;
  /** Heading of the section, or undefined when the match is in the page introduction. */
  section: string | undefined;
  /** HTML excerpt with `<mark>` around matched words (escaped by Pagefind). */
  excerpt: string;
  score: number;
}

/**
 * Pagefind ranking options (see https://pagefind.app/docs/ranking/), shared by the search box and
 * the tests. Sections are short and the command reference is one long page, so page length
 * counts less than Pagefind's default.
 */
export const SEARCH_RANKING = {
  pageLength: 0.3,
} as const;

/** Query parameter that carries the searched words to the result page, which highlights them. */
export const HIGHLIGHT_PARAM = 'hl';

/** Add the searched words to a result URL (`/commands/?hl=daemon#docker-host`). */
export function withHighlight(url: string, query: string): string {
  const q = query.trim();
  if (!q) return url;
  const hash = url.indexOf('#');
  const path = hash < 0 ? url : url.slice(0, hash);
  const frag = hash < 0 ? '' : url.slice(hash);
  return `${path}${path.includes('?') ? '&' : '?'}${HIGHLIGHT_PARAM}=${encodeURIComponent(q).replace(/%20/g, '+')}${frag}`;
}

function sectionScore(s: PagefindSubResult): number {
  if (s.weighted_locations?.length) return s.weighted_locations.reduce((t, w) => t + w.balanced_score, 0);
  return s.locations?.length ?? 0;
}

/**
 * Turn Pagefind page results (in Pagefind's order) into section hits: for each page its matching
 * sections, best first, at most `perPage` of them.
 */
export function toSectionHits(pages: PagefindResultData[], { perPage = 3, highlight = '' }: { perPage?: number; highlight?: string } = {}): SectionHit[] {
  const link = (url: string) => withHighlight(url, highlight);
  const hits: SectionHit[] = [];
  for (const page of pages) {
    const pageTitle = page.meta.title ?? page.url;
    const subs = (page.sub_results ?? []).filter((s) => sectionScore(s) > 0 || (s.locations?.length ?? 0) > 0);
    if (!subs.length) {
      hits.push({ url: link(page.url), pageTitle, section: undefined, excerpt: page.excerpt, score: 0 });
      continue;
    }
    const ranked = [...subs].sort((a, b) => sectionScore(b) - sectionScore(a)).slice(0, perPage);
    for (const s of ranked) {
      const isPageTop = !s.anchor || s.anchor.element === 'h1';
      hits.push({ url: link(s.url), pageTitle, section: isPageTop ? undefined : s.title, excerpt: s.excerpt, score: sectionScore(s) });
    }
  }
  return hits;
}
