/**
 * The only script a page loads up front. It enhances server HTML and stays tiny: the theme menu,
 * the search shortcuts (the search code itself is a separate chunk, fetched on first use), the
 * "On this page" highlight and the copy buttons.
 */

import searchUiUrl from './search-ui.ts?lazy-url';
import highlightUrl from './search-highlight.ts?lazy-url';

const root = document.documentElement;

/* Theme menu: auto (follow the OS), light or dark; remembered in localStorage. */
customElements.define(
  'theme-select',
  class extends HTMLElement {
    connectedCallback() {
      const select = this.querySelector('select')!;
      select.value = root.dataset['theme'] ?? 'auto';
      select.addEventListener('change', () => {
        const v = select.value;
        if (v === 'auto') delete root.dataset['theme'];
        else root.dataset['theme'] = v;
        try {
          if (v === 'auto') localStorage.removeItem('theme');
          else localStorage.setItem('theme', v);
        } catch {}
      });
    }
  },
);

/* Search: "/" or Ctrl/Cmd+K opens the dialog, unless the user is typing in a field. */
let searchUi: Promise<typeof import('./search-ui.ts')> | undefined;
const loadSearch = () => (searchUi ??= import(/* @vite-ignore */ searchUiUrl) as Promise<typeof import('./search-ui.ts')>);
const openSearch = () => loadSearch().then((m) => m.openSearchDialog());
const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
document.addEventListener('keydown', (e) => {
  if (
    ((e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey) || (e.key.toLowerCase() === 'k' && (e.ctrlKey || e.metaKey))) &&
    !typing(e.target) &&
    !document.querySelector('dialog[open]')
  ) {
    e.preventDefault();
    openSearch();
  }
});
for (const a of document.querySelectorAll('[data-search-open]')) {
  a.addEventListener('click', (e) => {
    e.preventDefault();
    openSearch();
  });
}
/* Opened from a search result: mark the searched words (a separate chunk). */
if (location.search.includes('hl=')) import(/* @vite-ignore */ highlightUrl);
/* The /search/ page has its own box: load the search code there at once. */
if (document.querySelector('site-search:not(#search-dialog *)')) void loadSearch();

/* "On this page": mark the entry of the last heading scrolled past. */
const tocLinks = [...document.querySelectorAll<HTMLAnchorElement>('.toc a')];
if (tocLinks.length) {
  const heads = [...new Set(tocLinks.map((a) => decodeURIComponent(a.hash.slice(1))))]
    .map((id) => document.getElementById(id))
    .filter((h): h is HTMLElement => !!h);
  const mark = () => {
    const y = innerHeight * 0.3;
    let cur = heads[0];
    for (const h of heads) if (h.getBoundingClientRect().top < y) cur = h;
    for (const a of tocLinks) {
      if (a.hash === `#${cur?.id}`) a.setAttribute('aria-current', 'true');
      else a.removeAttribute('aria-current');
    }
  };
  let queued = false;
  addEventListener('scroll', () => {
    if (!queued) {
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        mark();
      });
    }
  }, { passive: true });
  mark();
}

/* Copy buttons: the text to copy was decided at build time (data-copy). */
customElements.define(
  'copy-button',
  class extends HTMLElement {
    connectedCallback() {
      const button = this.querySelector('button')!;
      const status = this.querySelector('[aria-live]')!;
      button.hidden = false;
      button.addEventListener('click', async () => {
        const text = this.dataset['copy'] ?? '';
        let ok = true;
        try {
          await navigator.clipboard.writeText(text);
        } catch {
          // Clipboard API refused (permissions, insecure origin): copy through a selected textarea.
          const ta = document.createElement('textarea');
          ta.value = text;
          ta.setAttribute('readonly', '');
          ta.className = 'sr-only';
          document.body.append(ta);
          ta.select();
          ok = document.execCommand('copy');
          ta.remove();
          button.focus();
        }
        status.textContent = ok ? 'Copied' : 'Copy failed: select the text and press Ctrl+C';
        button.dataset['state'] = ok ? 'copied' : 'failed';
        setTimeout(() => {
          status.textContent = '';
          delete button.dataset['state'];
        }, 2000);
      });
    }
  },
);
