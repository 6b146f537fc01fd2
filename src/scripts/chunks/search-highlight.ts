/**
 * On a page opened from a search result (`?hl=words#section`): mark the searched words in the
 * chapter text (src/lib/search/highlight-terms.ts: significant words only, whole words or stems), bring the
 * section (or the first mark) into view, and offer "Clear highlights" (a button, and Esc), which
 * also drops `hl` from the address. Loaded by search-shortcuts.ts only when the URL carries `hl`,
 * so ordinary page views never fetch it.
 */
import { HIGHLIGHT_PARAM, fragmentTarget, highlighter, highlightRanges } from '../../lib/search/highlight-terms.ts';

/** What skips its layout off screen: chapter sections, reference entries (src/styles/prose.css, CommandEntry.astro). */
const CONTAINED = '.prose-section, .cmd-entry';
const words = new URLSearchParams(location.search).get(HIGHLIGHT_PARAM) ?? '';
const h = highlighter(words);
const body = document.querySelector<HTMLElement>('[data-pagefind-body]');
const marks: HTMLElement[] = [];

if (h && body) {
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.parentElement?.closest('script, style, mark, [data-pagefind-ignore], .sr-only') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  for (const node of nodes) {
    const text = node.data;
    const ranges = highlightRanges(text, h);
    if (!ranges.length) continue;
    const frag = document.createDocumentFragment();
    let at = 0;
    for (const [start, end] of ranges) {
      frag.append(text.slice(at, start));
      const mark = document.createElement('mark');
      mark.className = 'search-hl';
      mark.textContent = text.slice(start, end);
      marks.push(mark);
      frag.append(mark);
      at = end;
    }
    frag.append(text.slice(at));
    node.replaceWith(frag);
  }
}

/** Unwrap every mark, remove the bar and `hl` from the address (the fragment stays). */
function clear(bar: HTMLElement) {
  for (const m of marks) m.replaceWith(...m.childNodes);
  body?.normalize();
  marks.length = 0;
  const hadFocus = bar.contains(document.activeElement);
  bar.remove();
  document.removeEventListener('keydown', onKey);
  const u = new URL(location.href);
  u.searchParams.delete(HIGHLIGHT_PARAM);
  history.replaceState(history.state, '', u);
  // Focus was on the button that is gone: put it where reading continues (main has tabindex=-1).
  if (hadFocus) document.getElementById('main-content')?.focus({ preventScroll: true });
}

function onKey(e: KeyboardEvent) {
  if (e.key !== 'Escape' || e.defaultPrevented || document.querySelector('dialog[open]')) return;
  const bar = document.querySelector<HTMLElement>('.search-hl-bar');
  if (bar) clear(bar);
}

const target = body ? (fragmentTarget(location.hash, (id) => document.getElementById(id)) ?? marks[0]) : undefined;
const section = target && target !== marks[0] && target.id !== '_top' ? target : undefined;

if (body && marks.length) {
  const bar = document.createElement('div');
  bar.className = 'search-hl-bar';
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', 'Search highlights');
  const label = document.createElement('span');
  label.textContent = `${marks.length} highlighted for “${words.slice(0, 80)}”`;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'search-hl-clear';
  button.textContent = 'Clear highlights';
  button.setAttribute('aria-keyshortcuts', 'Escape');
  button.addEventListener('click', () => clear(bar));
  bar.append(label, button);
  // It is fixed on screen; in the tab order it comes right after the section the link opened (the
  // next Tab from there), or after the skip link. A section that skips its layout off screen
  // (`content-visibility: auto`) contains its fixed descendants: fixed inside one, the bar would
  // scroll away with the text. So it is a manual popover, shown in the top layer (fixed to the
  // screen, and keeping its section rendered) while its place in the document keeps the tab order.
  // A browser without popovers gets it after the outermost such section.
  const skip = document.querySelector('.skip-link');
  const popover = typeof bar.showPopover === 'function';
  let after: Element | undefined = section;
  if (popover) bar.popover = 'manual';
  else for (let c = section?.closest(CONTAINED); c; c = c.parentElement?.closest(CONTAINED)) after = c;
  if (after) after.after(bar);
  else if (skip) skip.after(bar);
  else body.before(bar);
  if (popover) bar.showPopover();
  document.addEventListener('keydown', onKey);
}

if (target && target.id !== '_top') target.scrollIntoView({ block: section ? 'start' : 'center' });
