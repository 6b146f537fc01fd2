/**
 * Search shortcuts: "/" or Ctrl/Cmd+K opens the dialog, unless the user is typing in a field; the
 * header's search link opens it too. The search code itself is a separate chunk, fetched on first
 * use; the highlight chunk loads only on a page opened from a search result (`?hl=`).
 */
import searchUiUrl from '../search-ui.ts?lazy-url';
import highlightUrl from '../search-highlight.ts?lazy-url';

let searchUi: Promise<typeof import('../search-ui.ts')> | undefined;
const loadSearch = () => (searchUi ??= import(/* @vite-ignore */ searchUiUrl) as Promise<typeof import('../search-ui.ts')>);
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
