/**
 * Search box and results, loaded on first use (never on a page that is only read).
 * <site-search> upgrades the markup src/components/site/SearchBox.astro renders (in the header
 * dialog and on the /search/ page): the box works as a plain form before this code arrives, and
 * what was typed meanwhile is searched on upgrade. It talks to the Pagefind
 * index built at compile time, under the site's base path, and corrects typos against the
 * vocabulary the build writes next to it (src/integrations/search-index.ts).
 */
import {
  SEARCH_RANKING, capQuery, flagsForValues, mergePageData, pathParts, significantTerms, snapshotPageData, toSectionHits,
  type CappedQuery, type PagefindResultData, type SectionHit,
} from '../../lib/search/ranking.ts';
import { Speller, type Vocabulary } from '../../lib/search/spelling.ts';
import { stem } from '../../lib/search/query-words.ts';

interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string): Promise<{ results: Array<{ id: string; score: number; data(): Promise<PagefindResultData> }> } | null>;
}

const base = document.documentElement.dataset['base'] ?? '/';
let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
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

interface Found { id: string; score: number; data(): Promise<PagefindResultData> }

/** Let the browser paint and handle input between pieces of work (no 4 ms clamp, unlike setTimeout). */
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
export async function searchCourse(input: string, { exact = false } = {}): Promise<SearchOutcome> {
  const searched = capQuery(input);
  const q = searched.text;
  const [pf, freq] = await Promise.all([loadPagefind(), (common ??= loadWords('common.json'))]);
  const rarity = freq ? (t: string) => freq.speller.rarity(t, freq.total) : () => 1;
  // A word that is not among the common ones and that Pagefind does not find may be a typo:
  // only then fetch the whole vocabulary and correct it.
  // The last word may be a typo that Pagefind still finds as the start of a few longer words.
  const cores = q.toLowerCase().match(/[a-z]{3,}/g) ?? [];
  const rare = [...new Set(cores.filter((t) => !freq?.speller.isKnown(t)))].slice(0, MAX_TYPO_CHECKS);
  // Pagefind falls back to near matches for a word it lacks (`entrypiont` finds 7 pages, none
  // with that word), so a word counts as found only if the best page really contains it (or its stem).
  const found = await inTurns(rare, async (t) => {
    const list = ((await pf.search(t))?.results ?? []) as Found[];
    if (!list[0]) return 0;
    return ((await list[0].data()).content ?? '').toLowerCase().includes(stem(t)) ? list.length : 0;
  });
  const missing = found.some((n, i) => n === 0 || (n <= 2 && rare[i] === cores.at(-1) && /[a-z]$/i.test(q)));
  const sp = missing && !exact ? await (speller ??= loadWords('vocab.json')) : undefined;
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
  // Too few pages with every word: also search word by word.
  const each = all.length < MAX_PAGES && look.length > 1 ? await inTurns(look, async (w) => ((await pf.search(w))?.results ?? []) as Found[]) : [];
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
  const pages = await inTurns(best, async (p) => {
    const copies: PagefindResultData[] = [];
    for (const r of p.found) {
      copies.push(snapshotPageData(await r.data())); // one at a time: see snapshotPageData
      if (copies.length % 4 === 0) await yieldToMain(); // Pagefind builds excerpts on the main thread
    }
    return mergePageData(copies);
  }, MAX_PAGES); // in parallel: each is a fragment download
  await yieldToMain();
  return { query, corrected, searched, hits: toSectionHits(pages, { highlight: query, rankQuery, rarity }) };
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) => {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
};

/** A query as the status line quotes it: a long paste is shortened, so the line stays one or two lines. */
const quote = (q: string) => `“${q.length > 60 ? `${q.slice(0, 57).trimEnd()}…` : q}”`;

/**
 * Enhances the server-rendered search form (SearchBox.astro): a form with the input, a status
 * line, a note and the results list. Without this code the form submits to /search/?q=.
 */
class SiteSearch extends HTMLElement {
  input!: HTMLInputElement;
  list!: HTMLOListElement;
  status!: HTMLElement;
  note!: HTMLElement;
  seq = 0;

  connectedCallback() {
    if (this.input) return;
    const part = <T extends Element>(selector: string) => {
      const found = this.querySelector<T>(selector);
      if (!found) throw new Error(`<site-search> needs its server-rendered ${selector} (src/components/site/SearchBox.astro)`);
      return found;
    };
    this.input = part<HTMLInputElement>('input[type=search]');
    this.list = part<HTMLOListElement>('ol.search-results');
    this.status = part<HTMLElement>('[role=status]');
    this.note = part<HTMLElement>('.search-note');
    part<HTMLFormElement>('form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.list.querySelector('a')?.click();
    });
    this.input.addEventListener('input', () => void this.run());
    this.addEventListener('keydown', (e) => this.onKey(e));
    this.addEventListener('click', (e) => {
      const a = (e.target as Element).closest<HTMLAnchorElement>('a[data-query]');
      if (!a) return;
      e.preventDefault();
      this.input.value = a.dataset['query'] ?? '';
      this.input.focus();
      void this.run(true); // "Search instead for …": exactly these words
    });
    this.dataset['ready'] = '';
    if (this.hasAttribute('data-url-sync') && !this.input.value) {
      const q = new URLSearchParams(location.search).get('q');
      if (q) this.input.value = q;
    }
    // Typed before this code arrived (the dialog opens at once): search it now.
    if (this.input.value.trim()) void this.run();
    loadPagefind().catch(() => (this.status.textContent = 'Search could not load. Check your connection and reload the page.'));
  }

  onKey(e: KeyboardEvent) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const links = [...this.list.querySelectorAll('a')];
    if (!links.length) return;
    e.preventDefault();
    const i = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = e.key === 'ArrowDown' ? i + 1 : i - 1;
    if (next < 0) this.input.focus();
    else links[Math.min(next, links.length - 1)]!.focus();
  }

  async run(exact = false) {
    const q = this.input.value.trim();
    const seq = ++this.seq;
    if (this.hasAttribute('data-url-sync')) {
      const u = new URL(location.href);
      if (q) u.searchParams.set('q', capQuery(q).text);
      else u.searchParams.delete('q');
      history.replaceState(null, '', u);
    }
    if (!q) {
      this.list.replaceChildren();
      this.note.replaceChildren();
      this.status.textContent = '';
      delete this.list.dataset['query'];
      return;
    }
    const out = await searchCourse(q, { exact });
    if (seq !== this.seq) return;
    this.render(q, out);
  }

  /** A link that searches for `query` in this box. */
  queryLink(query: string) {
    const a = el('a', 'search-suggestion', query);
    a.href = `${base}search/?q=${encodeURIComponent(query)}`;
    a.dataset['query'] = query;
    return a;
  }

  render(q: string, { query, corrected, searched, hits }: SearchOutcome) {
    const n = hits.length;
    this.status.textContent = n
      ? `${n} result${n === 1 ? '' : 's'} for ${quote(query)}. Press Enter to open the first.`
      : `No results for ${quote(query)}.`;
    const note: Node[] = [];
    if (searched.truncated) {
      note.push(el('p', 'search-capped', `Only the first ${searched.words} word${searched.words === 1 ? '' : 's'} (${searched.text.length} characters) were searched. Shorten the text to its key words for better results.`));
    }
    if (corrected && n) {
      const p = el('p', 'search-corrected', 'Showing results for ');
      p.append(el('strong', '', corrected), '. Search instead for ', this.queryLink(searched.text), '.');
      note.push(p);
    } else if (!n) {
      const p = el('p', 'search-empty');
      const reference = el('a', '', 'the command reference');
      reference.href = `${base}commands/`;
      if (corrected) p.append('Nothing matches “', corrected, '” either. ');
      p.append('Try a command or flag as you would type it (', el('code', '', 'docker run -p'), '), fewer words, or browse ', reference, '.');
      note.push(p);
    }
    this.note.replaceChildren(...note);
    this.list.replaceChildren(
      ...hits.map((h) => {
        const li = document.createElement('li');
        const a = el('a', 'search-hit');
        a.href = h.url;
        const ex = el('span', 'hit-excerpt');
        ex.innerHTML = h.excerpt; // Pagefind escapes page text and adds only <mark>.
        const trail = el('span', 'hit-page');
        h.trail.forEach((t, i) => trail.append(...(i ? [el('span', 'hit-sep', ' › ')] : []), t));
        a.append(trail, el('span', 'hit-title', h.section ?? h.pageTitle), ex);
        li.append(a);
        return li;
      }),
    );
    this.list.dataset['query'] = q; // rendered: for tests and styles
  }
}
customElements.define('site-search', SiteSearch);
