/**
 * Search box and results, loaded on first use (never on a page that is only read).
 * <site-search> upgrades the markup src/components/site/SearchBox.astro renders (in the header
 * dialog and on the /search/ page): the box works as a plain form before this code arrives, and
 * what was typed meanwhile is searched on upgrade.
 *
 * The searching itself (Pagefind, spelling, ranking: src/scripts/chunks/search-core.ts) runs in a
 * Web Worker (search-worker.ts), so a keystroke costs the page only a message and, when results
 * arrive, one render. Typing waits for a short pause before searching (DEBOUNCE_MS), and a query
 * that a newer one replaced is abandoned in the worker and never shown. Where a worker cannot
 * start, the same code runs on the page.
 */
import type { SectionHit } from '../../lib/search/ranking.ts';
import type { SearchOutcome } from './search-core.ts';
import type { SearchRequest } from './search-worker.ts';

const base = document.documentElement.dataset['base'] ?? '/';

/** Quiet time after a keystroke before searching: a typed word is searched once, not per letter. */
const DEBOUNCE_MS = 150;

type Reply = { id: number; outcome?: SearchOutcome; stale?: boolean; error?: string; ready?: boolean };

/**
 * One searcher for the page: the worker, or the page itself when the worker fails to start (a
 * browser without module workers). Answers come back by id; only the newest is wanted.
 */
class Searcher {
  worker: Worker | undefined;
  waiting = new Map<number, (r: Reply) => void>();
  id = 0;
  onPage: Promise<typeof import('./search-core.ts')> | undefined;

  constructor() {
    try {
      this.worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module', name: 'search' });
      this.worker.addEventListener('message', (e: MessageEvent<Reply>) => this.answer(e.data));
      this.worker.addEventListener('error', () => this.fallBack());
    } catch {
      this.fallBack();
    }
  }

  answer(r: Reply) {
    const done = this.waiting.get(r.id);
    this.waiting.delete(r.id);
    done?.(r);
  }

  /** The worker could not start: run the search on the page from now on, and redo what was asked. */
  fallBack() {
    this.worker?.terminate();
    this.worker = undefined;
    this.onPage ??= import('./search-core.ts').then((core) => {
      core.configure({ base });
      return core;
    });
    const pending = [...this.waiting.keys()];
    for (const id of pending) this.answer({ id, error: 'retry' });
  }

  post(req: Omit<SearchRequest, 'id' | 'base'>): Promise<Reply> {
    const id = ++this.id;
    if (!this.worker) return this.runOnPage({ ...req, id, base });
    return new Promise<Reply>((resolve) => {
      this.waiting.set(id, resolve);
      this.worker!.postMessage({ ...req, id, base } satisfies SearchRequest);
    }).then((r) => (r.error === 'retry' ? this.runOnPage({ ...req, id, base }) : r));
  }

  async runOnPage(req: SearchRequest): Promise<Reply> {
    const core = await this.onPage!;
    if (req.warm) return core.loadPagefind().then(() => ({ id: req.id, ready: true }));
    try {
      return { id: req.id, outcome: await core.searchCourse(req.query, { exact: req.exact, stale: () => req.id !== this.id }) };
    } catch (err) {
      return err instanceof core.StaleQuery ? { id: req.id, stale: true } : { id: req.id, error: String(err) };
    }
  }

  /** Load Pagefind ahead of the first query. */
  warm(): Promise<Reply> {
    return this.post({ query: '', exact: false, warm: true });
  }

  search(query: string, exact: boolean): Promise<Reply> {
    return this.post({ query, exact });
  }
}
let searcher: Searcher | undefined;

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
  timer: ReturnType<typeof setTimeout> | undefined;

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
    this.input.addEventListener('input', () => this.typed());
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
    searcher ??= new Searcher();
    void searcher.warm().then((r) => {
      if (r.error) this.status.textContent = 'Search could not load. Check your connection and reload the page.';
      else this.dataset['loaded'] = ''; // the index answers: for tests and the bench
    });
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

  /** A keystroke: search once typing pauses; results for what the box said before never show. */
  typed() {
    ++this.seq;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), this.input.value.trim() ? DEBOUNCE_MS : 0);
  }

  async run(exact = false) {
    clearTimeout(this.timer);
    const q = this.input.value.trim();
    const seq = ++this.seq;
    if (!q) {
      this.syncUrl(undefined);
      this.list.replaceChildren();
      this.note.replaceChildren();
      this.status.textContent = '';
      delete this.list.dataset['query'];
      return;
    }
    searcher ??= new Searcher();
    const reply = await searcher.search(q, exact);
    if (seq !== this.seq || reply.stale) return;
    if (!reply.outcome) {
      this.status.textContent = 'Search could not load. Check your connection and reload the page.';
      return;
    }
    this.syncUrl(reply.outcome.searched.text);
    this.render(q, reply.outcome);
  }

  /** The /search/ page keeps the query in its address (capped as searched), so it can be shared. */
  syncUrl(q: string | undefined) {
    if (!this.hasAttribute('data-url-sync')) return;
    const u = new URL(location.href);
    if (q) u.searchParams.set('q', q);
    else u.searchParams.delete('q');
    history.replaceState(null, '', u);
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
    this.status.textContent = n ? `${n} result${n === 1 ? '' : 's'} for ${quote(query)}. Press Enter to open the first.` : `No results for ${quote(query)}.`;
    const note: Node[] = [];
    if (searched.truncated) {
      note.push(
        el(
          'p',
          'search-capped',
          `Only the first ${searched.words} word${searched.words === 1 ? '' : 's'} (${searched.text.length} characters) were searched. Shorten the text to its key words for better results.`,
        ),
      );
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
    // Results under their page's title, in rank order: a run of sections of one page shares one
    // title (a page is not pulled up past a better section of another page: the order is the
    // ranking's, tests/e2e/search-quality.spec.ts).
    const pages: SectionHit[][] = [];
    for (const h of hits) {
      const last = pages.at(-1);
      if (last && last[0]!.url.replace(/#.*$/, '') === h.url.replace(/#.*$/, '')) last.push(h);
      else pages.push([h]);
    }
    let group = 0;
    this.list.replaceChildren(
      ...pages.map((sections) => {
        const li = el('li', 'search-group');
        const title = el('p', 'hit-group', sections[0]!.pageTitle);
        title.id = `${this.list.id}-g${++group}`;
        const ul = el('ul', 'search-group-hits');
        ul.setAttribute('aria-labelledby', title.id);
        ul.append(
          ...sections.map((h) => {
            const item = document.createElement('li');
            const a = el('a', 'search-hit');
            a.href = h.url;
            const ex = el('span', 'hit-excerpt');
            ex.innerHTML = h.excerpt; // Pagefind escapes page text and adds only <mark>.
            // The trail names the page too, for a screen reader reading the link alone; on screen
            // the group's title says it once.
            const trail = el('span', 'hit-page');
            h.trail.forEach((t, i) =>
              trail.append(...(i ? [el('span', i === 1 ? 'hit-sep sr-only' : 'hit-sep', ' › ')] : []), i ? t : el('span', 'sr-only', t)),
            );
            a.append(trail, el('span', 'hit-title', h.section ?? h.pageTitle), ex);
            item.append(a);
            return item;
          }),
        );
        li.append(title, ul);
        return li;
      }),
    );
    this.list.dataset['query'] = q; // rendered: for tests and styles
  }
}
customElements.define('site-search', SiteSearch);
