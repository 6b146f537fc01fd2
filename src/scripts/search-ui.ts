/**
 * Search box and results, loaded on first use (never on a page that is only read).
 * <site-search> is used in the header dialog and on the /search/ page; it talks to the Pagefind
 * index built at compile time, under the site's base path.
 */
import { toSectionHits, type PagefindResultData } from '../lib/search.ts';

interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string): Promise<{ results: Array<{ data(): Promise<PagefindResultData> }> } | null>;
}

const base = document.documentElement.dataset['base'] ?? '/';
let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const pf = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await pf.options({ baseUrl: base, excerptLength: 24 });
    await pf.init();
    return pf;
  })();
  return pagefind;
}

const MAX_PAGES = 8;
let uid = 0;

class SiteSearch extends HTMLElement {
  input!: HTMLInputElement;
  list!: HTMLOListElement;
  status!: HTMLElement;
  seq = 0;

  connectedCallback() {
    if (this.input) return;
    const id = `search-input-${++uid}`;
    this.innerHTML = `<form role="search" class="search-form"><label for="${id}" class="sr-only">Search the course</label><input id="${id}" type="search" name="q" autocomplete="off" spellcheck="false" placeholder="Search commands, flags, errors" aria-describedby="${id}-status"></form><p id="${id}-status" class="search-status" role="status" aria-live="polite"></p><ol class="search-results"></ol>`;
    this.input = this.querySelector('input')!;
    this.list = this.querySelector('ol')!;
    this.status = this.querySelector('[role=status]')!;
    this.querySelector('form')!.addEventListener('submit', (e) => {
      e.preventDefault();
      this.list.querySelector('a')?.click();
    });
    this.input.addEventListener('input', () => this.run());
    this.addEventListener('keydown', (e) => this.onKey(e));
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

  async run() {
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
      this.status.textContent = '';
      return;
    }
    const pf = await loadPagefind();
    const res = await pf.search(q);
    if (seq !== this.seq || !res) return;
    const pages = await Promise.all(res.results.slice(0, MAX_PAGES).map((r) => r.data()));
    if (seq !== this.seq) return;
    const hits = toSectionHits(pages);
    this.status.textContent = hits.length ? `${hits.length} result${hits.length === 1 ? '' : 's'} for “${q}”` : `No results for “${q}”.`;
    this.list.replaceChildren(
      ...hits.map((h) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = h.url;
        a.className = 'search-hit';
        const page = document.createElement('span');
        page.className = 'hit-page';
        page.textContent = h.pageTitle;
        const title = document.createElement('span');
        title.className = 'hit-title';
        title.textContent = h.section ?? h.pageTitle;
        const ex = document.createElement('span');
        ex.className = 'hit-excerpt';
        ex.innerHTML = h.excerpt; // Pagefind escapes page text and adds only <mark>.
        a.append(page, title, ex);
        li.append(a);
        return li;
      }),
    );
  }
}
customElements.define('site-search', SiteSearch);

export function openSearchDialog(): void {
  const dialog = document.getElementById('search-dialog') as HTMLDialogElement | null;
  if (!dialog) return;
  if (!dialog.open) dialog.showModal();
  (dialog.querySelector('site-search') as SiteSearch).focusInput();
}
