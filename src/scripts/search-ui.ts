/**
 * Search box and results, loaded on first use (never on a page that is only read).
 * <site-search> is used in the header dialog and on the /search/ page; it talks to the Pagefind
 * index built at compile time, under the site's base path, and corrects typos against the
 * vocabulary the build writes next to it (src/integrations/pagefind.ts).
 */
import { SEARCH_RANKING, mergePageData, significantTerms, snapshotPageData, toSectionHits, type PagefindResultData, type SectionHit } from '../lib/search.ts';
import { Speller, type Vocabulary } from '../lib/spelling.ts';

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
  /** The query that was searched: the student's, or the corrected one. */
  query: string;
  /** Set when a word was corrected ("Showing results for …"). */
  corrected?: string | undefined;
  hits: SectionHit[];
}

interface Found { id: string; score: number; data(): Promise<PagefindResultData> }

/**
 * Search the course the way the search box does: spelling correction; Pagefind for the whole
 * query and, for longer queries, for each word (Pagefind keeps only pages with every word, and a
 * pasted error message carries words of its own); the best pages by rare words found; their
 * sections ranked (src/lib/search.ts).
 */
export async function searchCourse(q: string, { exact = false } = {}): Promise<SearchOutcome> {
  const [pf, freq] = await Promise.all([loadPagefind(), (common ??= loadWords('common.json'))]);
  const rarity = freq ? (t: string) => freq.speller.rarity(t, freq.total) : () => 1;
  // A word that is not among the common ones and that Pagefind does not find may be a typo:
  // only then fetch the whole vocabulary and correct it.
  // The last word may be a typo that Pagefind still finds as the start of a few longer words.
  const cores = q.toLowerCase().match(/[a-z]{3,}/g) ?? [];
  const rare = cores.filter((t) => !freq?.speller.isKnown(t));
  const found = await Promise.all(rare.map(async (t) => (await pf.search(t))?.results.length ?? 0));
  const missing = found.some((n, i) => n === 0 || (n <= 2 && rare[i] === cores.at(-1) && /[a-z]$/i.test(q)));
  const sp = missing && !exact ? await (speller ??= loadWords('vocab.json')) : undefined;
  const corrected = sp?.speller.correct(q);
  const query = corrected ?? q;
  const words = significantTerms(query);
  const all = ((await pf.search(words.join(' ')))?.results ?? []) as Found[];
  // Too few pages with every word: also search word by word.
  const each = all.length < MAX_PAGES && words.length > 1 ? await Promise.all(words.map(async (w) => ((await pf.search(w))?.results ?? []) as Found[])) : [];
  const results = [all, ...each];
  // Pages: those with every word first, then by the rarity of the words they contain.
  const byPage = new Map<string, { score: number; found: Found[] }>();
  results.forEach((list, i) => {
    const weight = i === 0 ? 1 : rarity(words[i - 1]!);
    list.forEach((r, rank) => {
      const p = byPage.get(r.id) ?? { score: 0, found: [] };
      p.score += weight * (1 - rank / (list.length + 1) / 10);
      p.found.push(r);
      byPage.set(r.id, p);
    });
  });
  const best = [...byPage.values()].sort((a, b) => b.score - a.score).slice(0, MAX_PAGES);
  const pages = await Promise.all(
    best.map(async (p) => {
      const copies: PagefindResultData[] = [];
      for (const r of p.found) copies.push(snapshotPageData(await r.data())); // one at a time: see snapshotPageData
      return mergePageData(copies);
    }),
  );
  return { query, corrected, hits: toSectionHits(pages, { highlight: query, rarity }) };
}

let uid = 0;
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) => {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
};

class SiteSearch extends HTMLElement {
  input!: HTMLInputElement;
  list!: HTMLOListElement;
  status!: HTMLElement;
  note!: HTMLElement;
  seq = 0;

  connectedCallback() {
    if (this.input) return;
    const id = `search-input-${++uid}`;
    this.innerHTML = `<form role="search" class="search-form"><label for="${id}" class="sr-only">Search the course</label><input id="${id}" type="search" name="q" autocomplete="off" spellcheck="false" placeholder="Search commands, flags, errors" aria-describedby="${id}-status" aria-controls="${id}-results"></form><p id="${id}-status" class="search-status" role="status" aria-live="polite"></p><div class="search-note"></div><ol id="${id}-results" class="search-results" aria-label="Search results"></ol>`;
    this.input = this.querySelector('input')!;
    this.list = this.querySelector('ol')!;
    this.status = this.querySelector('[role=status]')!;
    this.note = this.querySelector('.search-note')!;
    this.querySelector('form')!.addEventListener('submit', (e) => {
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
    if (this.hasAttribute('data-url-sync')) {
      const q = new URLSearchParams(location.search).get('q');
      if (q) {
        this.input.value = q;
        void this.run();
      }
    }
    loadPagefind().catch(() => (this.status.textContent = 'Search could not load. Check your connection and reload the page.'));
  }

  focusInput() {
    this.input.focus();
    this.input.select();
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
      if (q) u.searchParams.set('q', q);
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

  render(q: string, { query, corrected, hits }: SearchOutcome) {
    const n = hits.length;
    this.status.textContent = n
      ? `${n} result${n === 1 ? '' : 's'} for “${query}”${n ? '. Press Enter to open the first.' : ''}`
      : `No results for “${query}”.`;
    const note: Node[] = [];
    if (corrected && n) {
      const p = el('p', 'search-corrected', 'Showing results for ');
      p.append(el('strong', '', corrected), '. Search instead for ', this.queryLink(q), '.');
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
        a.append(el('span', 'hit-page', h.pageTitle), el('span', 'hit-title', h.section ?? h.pageTitle), ex);
        li.append(a);
        return li;
      }),
    );
    this.list.dataset['query'] = q; // rendered: for tests and styles
  }
}
customElements.define('site-search', SiteSearch);

export function openSearchDialog(): void {
  const dialog = document.getElementById('search-dialog') as HTMLDialogElement | null;
  if (!dialog) return;
  if (!dialog.open) dialog.showModal();
  (dialog.querySelector('site-search') as SiteSearch).focusInput();
}
