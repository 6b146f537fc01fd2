/**
 * The search itself, without a page: Pagefind, the spelling lists and the ranking
 * (src/lib/search/ranking.ts). It runs in a Web Worker (src/scripts/chunks/search-worker.ts), so a
 * student typing on a slow phone never waits for it; src/scripts/chunks/search-dialog.ts runs it on
 * the page only where a worker cannot start. A query is abandoned at its next step as soon as a
 * newer one is typed (`stale`), so the worker never works for a query nobody will see.
 */
import {
  SEARCH_RANKING,
  capQuery,
  flagsForValues,
  mergePageData,
  pathParts,
  significantTerms,
  snapshotPageData,
  toSectionHits,
  type CappedQuery,
  type PagefindResultData,
  type SectionHit,
} from '../../lib/search/ranking.ts';
import { Speller, type Vocabulary } from '../../lib/search/spelling.ts';
import { stem } from '../../lib/search/query-words.ts';

interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string): Promise<{ results: Array<{ id: string; score: number; data(): Promise<PagefindResultData> }> } | null>;
}

/** The site's base path ('/' or '/docker-basics/'): the page tells it (configure) before the first search. */
let base = '/';
export function configure(options: { base: string }): void {
  base = options.base;
}

let pagefind: Promise<Pagefind> | undefined;
export function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const pf = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await pf.options({ baseUrl: base, excerptLength: 24, ranking: SEARCH_RANKING, noWorker: true });
    await pf.init();
    return pf;
  })();
  return pagefind;
}
/** A vocabulary file as a Speller, or undefined when it cannot load (search still works). */
const loadWords = (file: string) =>
  fetch(`${base}search/${file}`)
    .then((r) => (r.ok ? (r.json() as Promise<Vocabulary>) : Promise.reject(new Error(String(r.status)))))
    .then((v) => ({ speller: new Speller(v), total: v.total }))
    .catch(() => undefined);
let common: ReturnType<typeof loadWords> | undefined;
let speller: ReturnType<typeof loadWords> | undefined;

/** Pages whose sections are shown: each page costs one fragment download (the first query must stay small). */
const MAX_PAGES = 5;

export interface SearchOutcome {
  /** The query that was searched: the student's (capped), or the corrected one. */
  query: string;
  /** Set when a word was corrected ("Showing results for …"). */
  corrected?: string | undefined;
  /** What of the student's text was searched (a long paste is capped, and the box says so). */
  searched: CappedQuery;
  hits: SectionHit[];
}

export interface SearchOptions {
  /** Search exactly these words ("Search instead for …"): no spelling correction. */
  exact?: boolean;
  /** True once a newer query has been typed: this one is abandoned (StaleQuery) at its next step. */
  stale?: () => boolean;
}

/** Thrown by searchCourse when a newer query made this one pointless. */
export class StaleQuery extends Error {
  constructor() {
    super('A newer query replaced this one');
    this.name = 'StaleQuery';
  }
}

interface Found {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

/** Let the thread handle messages (a newer query) and, on a page, input and paint, between pieces of work (no 4 ms clamp, unlike setTimeout). */
const yieldToMain = () =>
  new Promise<void>((resolve) => {
    const c = new MessageChannel();
    c.port1.onmessage = () => resolve();
    c.port2.postMessage(0);
  });

/**
 * Pagefind searches a few at a time, yielding in between: each one runs WebAssembly on the main
 * thread, and 30 of them in one go would block the page (a long paste searched word by word).
 */
async function inTurns<T, R>(items: readonly T[], f: (item: T) => Promise<R>, batch = 4): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += batch) {
    if (i) await yieldToMain();
    out.push(...(await Promise.all(items.slice(i, i + batch).map(f))));
  }
  return out;
}

/** Words checked against Pagefind as possible typos, at most (each is one look-up). */
const MAX_TYPO_CHECKS = 12;

/**
 * Search the course the way the search box does: the first MAX_QUERY_WORDS words only (capQuery);
 * spelling correction; Pagefind for the whole query and, for longer queries, for each word
 * (Pagefind keeps only pages with every word, and a pasted error message carries words of its
 * own); a flag's name added when a word is a value it takes (`8080:80` → `--publish`); the best
 * pages by rare words found; their sections ranked (src/lib/search/ranking.ts).
 */
export async function searchCourse(input: string, { exact = false, stale = () => false }: SearchOptions = {}): Promise<SearchOutcome> {
  /** After each step that waited: give up if a newer query came meanwhile. */
  const check = () => {
    if (stale()) throw new StaleQuery();
  };
  const searched = capQuery(input);
  const q = searched.text;
  const [pf, freq] = await Promise.all([loadPagefind(), (common ??= loadWords('common.json'))]);
  check();
  const rarity = freq ? (t: string) => freq.speller.rarity(t, freq.total) : () => 1;
  // A word that is not among the common ones and that Pagefind does not find may be a typo:
  // only then fetch the whole vocabulary and correct it.
  // The last word may be a typo that Pagefind still finds as the start of a few longer words.
  const cores = q.toLowerCase().match(/[a-z]{3,}/g) ?? [];
  const rare = [...new Set(cores.filter((t) => !freq?.speller.isKnown(t)))].slice(0, MAX_TYPO_CHECKS);
  // Pagefind falls back to near matches for a word it lacks (`entrypiont` finds 7 pages, none
  // with that word), so a word counts as found only if the best page really contains it (or its stem).
  const found = await inTurns(rare, async (t) => {
    check();
    const list = ((await pf.search(t))?.results ?? []) as Found[];
    if (!list[0]) return 0;
    check();
    return ((await list[0].data()).content ?? '').toLowerCase().includes(stem(t)) ? list.length : 0;
  });
  check();
  const missing = found.some((n, i) => n === 0 || (n <= 2 && rare[i] === cores.at(-1) && /[a-z]$/i.test(q)));
  const sp = missing && !exact ? await (speller ??= loadWords('vocab.json')) : undefined;
  check();
  const corrected = sp?.speller.correct(q);
  const query = corrected ?? q;
  const terms = significantTerms(query);
  const flags = flagsForValues(terms);
  const words = [...flags, ...terms];
  // A query that is only a flag's value means that flag: rank by the flag's name, so its entry
  // comes before a section that merely uses the same value.
  const rankQuery = flags.length && terms.length === 1 ? flags.join(' ') : words.join(' ');
  // Looked up as well: the parts of a path or file name (`daemon.json` inside `/etc/docker/daemon.json`).
  const look = [...words, ...pathParts(words)];
  const all = ((await pf.search(look.join(' ')))?.results ?? []) as Found[];
  check();
  // Too few pages with every word: also search word by word.
  const each = all.length < MAX_PAGES && look.length > 1 ? await inTurns(look, async (w) => (check(), ((await pf.search(w))?.results ?? []) as Found[])) : [];
  check();
  const results = [all, ...each];
  // Pages: those with every word first, then by the rarity of the words they contain.
  const byPage = new Map<string, { score: number; found: Found[] }>();
  results.forEach((list, i) => {
    const weight = i === 0 ? 1 : rarity(look[i - 1]!);
    list.forEach((r, rank) => {
      const p = byPage.get(r.id) ?? { score: 0, found: [] };
      p.score += weight * (1 - rank / (list.length + 1) / 10);
      p.found.push(r);
      byPage.set(r.id, p);
    });
  });
  const best = [...byPage.values()].sort((a, b) => b.score - a.score).slice(0, MAX_PAGES);
  const pages = await inTurns(
    best,
    async (p) => {
      const copies: PagefindResultData[] = [];
      for (const r of p.found) {
        check();
        copies.push(snapshotPageData(await r.data())); // one at a time: see snapshotPageData
        if (copies.length % 4 === 0) await yieldToMain(); // Pagefind builds excerpts on this thread
      }
      return mergePageData(copies);
    },
    MAX_PAGES,
  ); // in parallel: each is a fragment download
  await yieldToMain();
  check();
  const hits = toSectionHits(pages, { highlight: query, rankQuery, rarity });
  for (const h of hits) h.excerpt = fromSentenceStart(h.excerpt);
  return { query, corrected, searched, hits };
}

/**
 * An excerpt that starts mid-sentence ("two your docker command talks to …", Pagefind cuts a window
 * of words around the match) starts instead at the next sentence when that comes before the first
 * match, and otherwise gets a leading "…" so it reads as a cut. Excerpts are Pagefind's escaped
 * text with `<mark>` only.
 */
export function fromSentenceStart(excerpt: string): string {
  const text = excerpt.trimStart();
  if (!text || /^(<mark>)?[A-Z0-9`"'“([$-]/.test(text)) return text;
  const firstMark = text.indexOf('<mark>');
  const limit = firstMark < 0 ? text.length : firstMark;
  const m = /[.!?:](?:<\/mark>)?\s+(?=(<mark>)?[A-Z0-9`"'“([$])/.exec(text.slice(0, limit));
  if (m && text.length - (m.index + m[0].length) > 40) return text.slice(m.index + m[0].length);
  return `…${text}`;
}
