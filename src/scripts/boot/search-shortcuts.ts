/**
 * Search shortcuts: "/" or Ctrl/Cmd+K opens the dialog, unless the user is typing in a field; the
 * header's search link opens it too. The dialog is server-rendered, so it opens and its box takes
 * the focus at once; the search code (a separate chunk) loads meanwhile and searches whatever was
 * typed. Esc closes the dialog in one press, also from a box with text (which is kept). The
 * highlight chunk loads only on a page opened from a search result (`?hl=`).
 */
import searchUiUrl from '../chunks/search-dialog.ts?lazy-url';
import highlightUrl from '../chunks/search-highlight.ts?lazy-url';

let searchUi: Promise<unknown> | undefined;
const loadSearch = () => (searchUi ??= import(/* @vite-ignore */ searchUiUrl));
const dialog = document.getElementById('search-dialog') as HTMLDialogElement | null;
const dialogInput = dialog?.querySelector<HTMLInputElement>('input[type=search]');
function openSearch() {
  if (dialog && dialogInput) {
    if (!dialog.open) dialog.showModal();
    dialogInput.focus();
    dialogInput.select();
  }
  void loadSearch();
}
const typing = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
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
if (dialog) {
  // A search input clears itself on the first Esc; users expect the dialog to close (Starlight and
  // most documentation sites do), so close it and keep the text for the next time.
  dialog.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && dialog.open) {
      e.preventDefault();
      dialog.close();
    }
  });
  dialog.querySelector('[data-search-close]')?.addEventListener('click', () => dialog.close());
}
/* Opened from a search result: mark the searched words (a separate chunk). */
if (location.search.includes('hl=')) import(/* @vite-ignore */ highlightUrl);
/* The /search/ page has its own box: load the search code there at once. */
if (document.querySelector('site-search:not(#search-dialog *)')) void loadSearch();
