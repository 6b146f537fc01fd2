import { HIGHLIGHT_PARAM } from './highlight-terms.ts';
import { normaliseTerm, significantTerms, stem } from './query-words.ts';
import { VALUE_SHAPES } from '../docker/kinds.ts';

export { normaliseTerm, pathParts, queryTerms, significantTerms, STOP_WORDS } from './query-words.ts';

/**
 * Shaping Pagefind results into what the search box shows: one entry per matching section,
 * best sections first across pages. Pure, so it is unit-tested without a browser.
 */

export interface PagefindWeightedLocation {
  weight: number;
  balanced_score: number;
  location: number;
}
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
  /** The page text; word `n` (split on white space) is location `n`. */
  content?: string;
  meta: { title?: string } & Record<string, string | undefined>;
  sub_results?: PagefindSubResult[];
  /** Every heading (and other element) with an id on the page, matched or not. */
  anchors?: Array<{ element: string; id: string; text?: string; location: number }>;
}

/** For each heading id of a page, the id of the heading right above it (a flag's command), from the page's anchors. */
function parentHeadings(page: PagefindResultData): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  const stack: Array<{ level: number; id: string }> = [];
  for (const a of [...(page.anchors ?? [])].sort((x, y) => x.location - y.location)) {
    const m = /^h([1-6])$/.exec(a.element);
    if (!m) continue;
    const level = Number(m[1]);
    while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
    out.set(a.id, stack[stack.length - 1]?.id);
    stack.push({ level, id: a.id });
  }
  return out;
}

/**
 * The headings above a section on its page, outermost first (h2 to the section's own level),
 * from the page's anchors: the breadcrumb of a result (`docker run` above `--restart`).
 */
export function headingTrail(page: PagefindResultData, sub: PagefindSubResult): string[] {
  const at = sub.anchor?.location ?? 0;
  const level = levelOf(sub);
  const stack: Array<{ level: number; text: string }> = [];
  for (const a of [...(page.anchors ?? [])].sort((x, y) => x.location - y.location)) {
    if (a.location > at || (a.location === at && a.id === sub.anchor?.id)) break;
    const m = /^h([2-6])$/.exec(a.element);
    const text = a.text?.trim();
    if (!m || !text || a.id === sub.anchor?.id) continue;
    const l = Number(m[1]);
    while (stack.length && stack[stack.length - 1]!.level >= l) stack.pop();
    stack.push({ level: l, text });
  }
  return stack.filter((h) => h.level < level).map((h) => h.text);
}

export interface SectionHit {
  /** Link to the section: page URL plus `#anchor`. */
  url: string;
  pageTitle: string;
  /** Heading of the section, or undefined when the match is in the page introduction. */
  section: string | undefined;
  /**
   * Where the section sits: the page title, then the headings above it (a flag's command), like
   * a breadcrumb: `Command reference › docker run` for `-d, --detach`.
   */
  trail: string[];
  /** HTML excerpt with `<mark>` around matched words (escaped by Pagefind). */
  excerpt: string;
  score: number;
  /** How the score came about (per-term matches, phrase, heading), for tuning. */
  why?: string | undefined;
}

/**
 * Pagefind ranking options (see https://pagefind.app/docs/ranking/), shared by the search box and
 * the tests. Pagefind only chooses which pages to load; sections are ranked here. The command
 * reference is one long page of short sections, so page length counts for little.
 */
export const SEARCH_RANKING = {
  pageLength: 0.1,
} as const;

/**
 * How much of a query is searched: a pasted log can be thousands of words, and every word costs
 * Pagefind look-ups and ranking work. The words past the cap are not searched, and the search box
 * says so ("Only the first 32 words were searched").
 */
export const MAX_QUERY_WORDS = 32;
/** Characters searched at most (a "word" of 100,000 characters is capped too). */
export const MAX_QUERY_CHARS = 600;

export interface CappedQuery {
  /** The text that is searched: at most MAX_QUERY_WORDS words and MAX_QUERY_CHARS characters. */
  text: string;
  /** Words in the searched text. */
  words: number;
  /** Set when words or characters were left out. */
  truncated: boolean;
}

/**
 * The part of a query that is searched. Linear in the length of the query and bounded: it stops
 * reading after the first MAX_QUERY_WORDS words or MAX_QUERY_CHARS characters.
 */
export function capQuery(query: string, maxWords = MAX_QUERY_WORDS, maxChars = MAX_QUERY_CHARS): CappedQuery {
  const re = /\S+/g;
  const kept: string[] = [];
  let length = 0;
  let truncated = false;
  for (let m; (m = re.exec(query));) {
    if (kept.length >= maxWords) {
      truncated = true;
      break;
    }
    const room = maxChars - length - (kept.length ? 1 : 0);
    if (room <= 0) {
      truncated = true;
      break;
    }
    const word = m[0].length > room ? m[0].slice(0, room) : m[0];
    kept.push(word);
    length += word.length + (kept.length > 1 ? 1 : 0);
    if (word.length < m[0].length) {
      truncated = true;
      break;
    }
  }
  return { text: kept.join(' '), words: kept.length, truncated };
}

/** The words a result link carries in `?hl=`: the significant ones, at most this many and this long in all. */
export const MAX_HIGHLIGHT_WORDS = 8;
export const MAX_HIGHLIGHT_CHARS = 200;

/**
 * Rarity below which a word is on nearly every page of this site (`docker`, `container`: the
 * five most frequent words of the vocabulary have less): marking it says nothing about where
 * the answer is, so a result page does not mark it, unless the query has no other word.
 */
export const COMMON_RARITY = 0.06;

/**
 * The words a result page highlights: the query's significant words (no stop words) that are
 * not on nearly every page (COMMON_RARITY, by `rarity`), at most MAX_HIGHLIGHT_WORDS of them and
 * MAX_HIGHLIGHT_CHARS characters, so a link made from a pasted log stays short enough to share
 * and for any server to accept, and the page marks what is distinctive about the query.
 */
export function highlightWords(query: string, rarity: Rarity = () => 1): string {
  const out: string[] = [];
  let length = 0;
  const terms = significantTerms(capQuery(query).text);
  const distinctive = terms.filter((t) => rarity(t) >= COMMON_RARITY);
  for (const t of distinctive.length ? distinctive : terms) {
    if (out.length >= MAX_HIGHLIGHT_WORDS || length + t.length + (out.length ? 1 : 0) > MAX_HIGHLIGHT_CHARS) break;
    out.push(t);
    length += t.length + (out.length > 1 ? 1 : 0);
  }
  return out.join(' ');
}

/** Add the searched words to a result URL (`/commands/?hl=daemon#docker-host`): the significant ones, capped (see highlightWords). */
export function withHighlight(url: string, query: string, rarity?: Rarity): string {
  const q = highlightWords(query, rarity);
  if (!q) return url;
  const hash = url.indexOf('#');
  const path = hash < 0 ? url : url.slice(0, hash);
  const frag = hash < 0 ? '' : url.slice(hash);
  return `${path}${path.includes('?') ? '&' : '?'}${HIGHLIGHT_PARAM}=${encodeURIComponent(q).replace(/%20/g, '+')}${frag}`;
}

/**
 * Values that flags take, and the flag that takes each kind: a student who searches for the value
 * (`/dev/video0`, `8080:80`, `type=bind,src=…`, `unless-stopped`) means the flag. The search box
 * adds the flag's name to what it looks for, so the flag's entry in the reference comes first
 * rather than a section that merely uses the value. The shapes are the docker model's
 * (VALUE_SHAPES in src/lib/docker/kinds.ts).
 */
export const FLAG_VALUE_KINDS: ReadonlyArray<{ kind: string; flag: string; test: RegExp }> = VALUE_SHAPES.map((v) => ({
  kind: v.label,
  flag: v.flag,
  test: v.shape,
}));

/** The flags whose values appear among the query's words (`8080:80` → `--publish`), not already in it. */
export function flagsForValues(terms: readonly string[]): string[] {
  const flags = FLAG_VALUE_KINDS.filter((k) => terms.some((t) => k.test.test(t))).map((k) => k.flag);
  return [...new Set(flags)].filter((f) => !terms.includes(f));
}

/** How rare a word is on the site, 0 (everywhere) to 1 (rare or unknown): from its rank in the vocabulary (most frequent first). */
export type Rarity = (term: string) => number;

const parts = (w: string) => w.split(/[-.:/=_]+/).filter(Boolean);

/** Global options and the value each takes, skipped between `docker` and its command (`docker -H robot run`). */
const GLOBAL_WITH_VALUE = new Set(['-H', '--host', '-c', '--context', '--config', '-l', '--log-level']);

/**
 * How the loaded pages use a flag: for every place the flag is written (as typed, case and all)
 * after a `docker` command within a few words, the command's words (`build` for `docker build
 * -t x .`, `compose exec` for `docker compose exec -T db`), counted. The course's own examples
 * are what students copy, so a bare `-t` means what the course uses it with most.
 */
export function flagUsage(pages: readonly PagefindResultData[], flag: string, reach = 12): Map<string, number> {
  const counts = new Map<string, number>();
  for (const page of pages) {
    const words = page.content?.split(/\s+/) ?? [];
    words.forEach((word, i) => {
      // As written on a command line: not `-v,` (a heading's list of spellings) nor `(-v)`.
      if (word !== flag && !word.startsWith(`${flag}=`)) return;
      for (let j = i - 1; j >= Math.max(0, i - reach); j--) {
        // A word that ends a sentence or a heading ends the command line too.
        if (/[.,;:!?)]$/.test(words[j]!)) return;
        if (words[j] !== 'docker') continue;
        const cmd: string[] = [];
        for (let k = j + 1; k < i; k++) {
          const w = words[k]!;
          if (GLOBAL_WITH_VALUE.has(w) && !cmd.length) {
            k++;
            continue;
          }
          if (!/^[a-z][a-z-]*$/.test(w) || cmd.length === 2) break;
          cmd.push(w);
        }
        if (cmd.length) counts.set(cmd.join(' '), (counts.get(cmd.join(' ')) ?? 0) + 1);
        return;
      }
    });
  }
  return counts;
}

/**
 * Whether a reference heading's command (`container rm`) is the command as typed (`rm`): the same
 * words, or the short form of a `container` or `image` command. `buildx build` is not `build`,
 * nor `compose run` `run`.
 */
function sameCommand(heading: string, typed: string): boolean {
  return heading === typed || heading === `container ${typed}` || heading === `image ${typed}`;
}

/** How much the course's use of a bare flag with a command counts (1 + this × its share of the uses). */
const USAGE_BONUS = 2;

/**
 * How well a page word matches a query term: 1 for the same word, 0.9 for the same stem or a word
 * that contains the term as a whole part (`/var/run/docker.sock` for `docker.sock`), 0.8 for the
 * word being typed, 0.4 for a part of a compound word (`docker` in `docker.sock`), else 0.
 */
export function matchStrength(pageWord: string, term: string, last = false): number {
  const w = normaliseTerm(pageWord);
  if (!w || !term) return 0;
  if (w === term) return 1;
  const sw = stem(w.replace(/^-+/, ''));
  const st = stem(term.replace(/^-+/, ''));
  // Flags are names, not English: `--volume` is not `--volumes`, `-t` not `-T`.
  if (!/^-/.test(term) && !/^-/.test(w) && sw === st) return 0.9;
  if (/[-.:/=]/.test(term.replace(/^-+/, '')) && w.includes(term)) return 0.9;
  if (last && w.startsWith(term) && term.length >= 3) return 0.8;
  if (!/^-/.test(term) && parts(w).some((p) => p === term || stem(p) === st)) return 0.4;
  return 0;
}

interface Section {
  sub: PagefindSubResult;
  page: PagefindResultData;
  pageRank: number;
  level: number;
  /** Weighted matches per query term. */
  terms: number[];
  /** Share of neighbouring query-term pairs that stand next to each other in the section (0 to 1). */
  phrase: number;
  /** Where each query term matches in the page, and how strongly. */
  at: Array<Map<number, number> | undefined>;
  /** Words of the heading and its parent headings (a flag's heading with its command's). */
  titleWords: string[];
  parent?: Section | undefined;
  score: number;
  why?: string;
}

/** A section's own heading words (without its parents'). */
const ownTitleWords = (s: Section) => (s.level > 1 ? s.sub.title.split(/\s+/).map(normaliseTerm).filter(Boolean) : []);

const levelOf = (s: PagefindSubResult) => {
  const m = /^h([1-6])$/.exec(s.anchor?.element ?? '');
  return m ? Number(m[1]) : 1;
};

/**
 * A page's own factor on its sections' scores, from its Pagefind meta `rank` (default 1): the
 * glossary (`data-pagefind-meta="rank:0.4"`) defines every term in a heading of its own, which
 * would otherwise come before the chapter section that teaches it.
 */
export function pageFactor(page: Pick<PagefindResultData, 'meta'>): number {
  const f = Number(page.meta['rank'] ?? 1);
  return Number.isFinite(f) && f > 0 ? f : 1;
}

/** Weighted matches at which a term counts half (more matches help less and less). */
const SATURATION = 5;
/** How much a parent section's matches count for its subsections (a flag under its command). */
const PARENT = 0.5;
/** Extra score for a heading made of the query's words, and for query words standing together. */
const TITLE_BONUS = 1.5;
const PHRASE_BONUS = 0.5;
/**
 * Rank every matching section of the loaded pages. Each query term counts by how rare it is on
 * the site (`rarity`), how strongly the section matches it (headings and weighted words count
 * more, with diminishing returns) and whether the section's parent heading matches it (a flag
 * under its command). Sections that match more of the rare terms win; a heading made of the
 * query's words and query words standing together in the text add to that. Best first.
 */
export function rankSections(pages: PagefindResultData[], query: string, rarity: Rarity = () => 1): Section[] {
  const terms = significantTerms(capQuery(query).text);
  const idf = terms.map((t) => (t.length === 1 && !/\d/.test(t) ? 0.05 : rarity(t)));
  const last = terms.length - 1;
  const all: Section[] = [];
  // How strongly each page word matches each term, computed once per distinct word.
  const memo = new Map<string, number[]>();
  const strengths = (word: string) => {
    let m = memo.get(word);
    if (m === undefined) memo.set(word, (m = terms.map((t, i) => matchStrength(word, t, i === last))));
    return m;
  };
  const strength = (word: string, i: number) => strengths(word)[i]!;
  pages.forEach((page, pageRank) => {
    const words = page.content?.split(/\s+/) ?? [];
    const subs = [...(page.sub_results ?? [])].sort((a, b) => (a.anchor?.location ?? 0) - (b.anchor?.location ?? 0));
    const stack: Section[] = [];
    const parents = page.anchors?.length ? parentHeadings(page) : undefined;
    const sectionless = !(page.anchors ?? []).some((a) => /^h[2-6]$/.test(a.element)) && subs.every((sub) => levelOf(sub) === 1);
    const byId = new Map<string, Section>();
    for (const sub of subs) {
      const level = levelOf(sub);
      const weights = new Map<number, number>();
      for (const w of sub.weighted_locations ?? []) weights.set(w.location, w.weight);
      const tf = new Array<number>(terms.length).fill(0);
      // Maps made only for terms that match here (a long query against a long page: keep it light).
      const at = new Array<Map<number, number> | undefined>(terms.length);
      for (const loc of sub.locations ?? []) {
        const ms = strengths(words[loc] ?? '');
        const weight = Math.max(1, weights.get(loc) ?? 1);
        for (let i = 0; i < ms.length; i++) {
          const m = ms[i]!;
          if (!m) continue;
          tf[i]! += m * weight;
          const map = (at[i] ??= new Map<number, number>());
          const had = map.get(loc);
          if (had === undefined || m > had) map.set(loc, m);
        }
      }
      while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
      // The heading right above this one on the page (from its anchors), when it matched too;
      // without anchors, the nearest matched section of a higher level.
      const parent = parents ? byId.get(parents.get(sub.anchor?.id ?? '') ?? '') : stack[stack.length - 1];
      // A page without headings (a tool page: the card, the explainer) is titled by its title.
      const heading = level > 1 ? sub.title : sectionless ? (page.meta.title ?? '') : '';
      const ownTitle = heading.split(/\s+/).map(normaliseTerm).filter(Boolean);
      const section: Section = {
        sub,
        page,
        pageRank,
        level,
        terms: tf,
        parent,
        score: 0,
        at,
        phrase: 0,
        titleWords: [...(parent && parent.level > 1 ? parent.titleWords : []), ...ownTitle],
      };
      stack.push(section);
      if (sub.anchor) byId.set(sub.anchor.id, section);
      all.push(section);
    }
  });
  // Words that match nowhere (not on the site, or an uncorrected typo) cannot tell sections apart.
  const found = terms.map((_, i) => all.some((s) => s.terms[i]! > 0));
  const totalIdf = idf.reduce((a, b, i) => a + (found[i] ? b : 0), 0) || 1;
  // Neighbouring query words that occur on the site, within three words of each other and in
  // order: a full point when both are spelled as in the query, half for other forms.
  const chain = terms.map((_, i) => i).filter((i) => found[i]);
  const ownPhrase = (s: Section) => {
    if (chain.length < 2) return 0;
    let pairs = 0;
    for (let k = 1; k < chain.length; k++) {
      const [a, b] = [s.at[chain[k - 1]!], s.at[chain[k]!]];
      if (!a || !b) continue;
      let best = 0;
      for (const [l, m] of a) {
        for (let gap = 1; gap <= 3 && best < 1; gap++) {
          const n = b.get(l + gap);
          if (n) best = Math.max(best, m === 1 && n === 1 ? 1 : 0.5);
        }
        if (best === 1) break;
      }
      pairs += best;
    }
    return pairs / (chain.length - 1);
  };
  for (const s of all) s.phrase = ownPhrase(s);
  const usage = terms.length === 1 && /^-/.test(terms[0]!) ? flagUsage(pages, terms[0]!) : undefined;
  const usageTotal = usage ? [...usage.values()].reduce((a, b) => a + b, 0) || 1 : 1;
  for (const s of all) if (s.parent && s.parent.level > 1) s.phrase = Math.max(s.phrase, ownPhrase(s.parent) * PARENT);
  for (const s of all) {
    let score = 0;
    let covered = 0;
    let titleCovered = 0;
    terms.forEach((_, i) => {
      const tf = s.terms[i]! + (s.parent && s.parent.level > 1 ? s.parent.terms[i]! * PARENT : 0);
      if (tf <= 0) return;
      score += idf[i]! * (tf / (tf + SATURATION));
      covered += idf[i]!;
      if (s.titleWords.some((w) => strength(w, i) >= 0.8)) titleCovered += idf[i]!;
    });
    // How much of the heading the query explains: "docker exec" is all of `docker exec`, a third of "exec format error".
    const titleRarity = s.titleWords.map((w) => rarity(w));
    const explained = s.titleWords.reduce((sum, w, j) => sum + (terms.some((_, i) => strength(w, i) >= 0.8) ? titleRarity[j]! : 0), 0);
    const precision = explained / (titleRarity.reduce((a, b) => a + b, 0) || 1);
    s.score =
      score * (covered / totalIdf) ** 2 * (1 + TITLE_BONUS * precision * (titleCovered / totalIdf)) * (1 + PHRASE_BONUS * s.phrase) * pageFactor(s.page);
    if (usage) {
      // A bare flag (`-v`): its entry under the command the course uses it with most comes first.
      const own = ownTitleWords(s).includes(terms[0]!);
      const cmd = own
        ? (headingTrail(s.page, s.sub).at(-1) ?? '')
            .split(/\s+/)
            .map(normaliseTerm)
            .filter((w) => w && w !== 'docker' && !/^-/.test(w))
            .join(' ')
        : '';
      const used = own && cmd ? [...usage].reduce((n, [c, k]) => n + (sameCommand(cmd, c) ? k : 0), 0) : 0;
      s.score *= 1 + USAGE_BONUS * (used / usageTotal);
    }
    s.why = `tf ${s.terms.map((x) => x.toFixed(1)).join('/')} idf ${idf.map((x) => x.toFixed(2)).join('/')} base ${score.toFixed(3)} cover ${(covered / totalIdf).toFixed(2)} title ${precision.toFixed(2)}x${(titleCovered / totalIdf).toFixed(2)} phrase ${s.phrase.toFixed(2)}`;
  }
  return all.filter((s) => s.score > 0).sort((a, b) => b.score - a.score || a.pageRank - b.pageRank);
}

/**
 * A copy of Pagefind's result data. Pagefind hands out the same object for a page in every
 * search and overwrites its matches, so take a copy before the next search's data() of that page.
 */
export function snapshotPageData(d: PagefindResultData): PagefindResultData {
  return {
    ...d,
    sub_results: (d.sub_results ?? []).map((sub) => ({
      ...sub,
      locations: [...(sub.locations ?? [])],
      weighted_locations: [...(sub.weighted_locations ?? [])],
    })),
  };
}

/**
 * Merge the data of one page from several searches (the whole query, and each of its words):
 * the union of matched locations, page-wide and per section. Pagefind keeps only pages that
 * contain every word of a query, and a pasted error message has words of its own (a container
 * name, a port), so the search box also searches word by word and merges.
 */
export function mergePageData(datas: PagefindResultData[]): PagefindResultData {
  const [first, ...rest] = datas;
  if (!first) throw new Error('mergePageData needs at least one result');
  if (!rest.length) return first;
  const subs = new Map<string, PagefindSubResult>();
  for (const d of datas) {
    for (const sub of d.sub_results ?? []) {
      const have = subs.get(sub.url);
      if (!have) {
        subs.set(sub.url, { ...sub, locations: [...(sub.locations ?? [])], weighted_locations: [...(sub.weighted_locations ?? [])] });
        continue;
      }
      const known = new Set(have.locations);
      for (const l of sub.locations ?? []) if (!known.has(l)) have.locations!.push(l);
      const knownW = new Set(have.weighted_locations!.map((w) => w.location));
      for (const w of sub.weighted_locations ?? []) if (!knownW.has(w.location)) have.weighted_locations!.push(w);
      // Keep the excerpt that highlights the most.
      if ((sub.excerpt.match(/<mark>/g)?.length ?? 0) > (have.excerpt.match(/<mark>/g)?.length ?? 0)) have.excerpt = sub.excerpt;
    }
  }
  return { ...first, sub_results: [...subs.values()] };
}

/**
 * Turn Pagefind page results into section hits, best first across pages (see rankSections), at
 * most `perPage` sections of one page. Pages without usable sections keep Pagefind's order.
 */
export function toSectionHits(
  pages: PagefindResultData[],
  {
    perPage = 5,
    highlight = '',
    rankQuery = highlight,
    rarity,
  }: { perPage?: number; highlight?: string; rankQuery?: string; rarity?: Rarity | undefined } = {},
): SectionHit[] {
  const link = (url: string) => withHighlight(url, highlight, rarity);
  const ranked = rankSections(pages, rankQuery, rarity);
  const perPageCount = new Map<string, number>();
  const hits: SectionHit[] = [];
  for (const s of ranked) {
    const n = perPageCount.get(s.page.url) ?? 0;
    if (n >= perPage) continue;
    perPageCount.set(s.page.url, n + 1);
    const isPageTop = !s.sub.anchor || s.sub.anchor.element === 'h1';
    const pageTitle = s.page.meta.title ?? s.page.url;
    const trail = [pageTitle, ...headingTrail(s.page, s.sub)];
    hits.push({ url: link(s.sub.url), pageTitle, section: isPageTop ? undefined : s.sub.title, trail, excerpt: s.sub.excerpt, score: s.score, why: s.why });
  }
  // A page Pagefind found but none of whose sections matches a query word as a word, a stem or a
  // part (Pagefind also matches the start of a longer word: `xyzzy` finds one letter) is no
  // result. Only a page without sections at all keeps Pagefind's word for it, at the end.
  for (const page of pages) {
    if (!perPageCount.has(page.url) && !page.sub_results?.length) {
      hits.push({
        url: link(page.url),
        pageTitle: page.meta.title ?? page.url,
        section: undefined,
        trail: [page.meta.title ?? page.url],
        excerpt: page.excerpt,
        score: 0,
      });
    }
  }
  return hits;
}
