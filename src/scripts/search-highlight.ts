/**
 * On a page opened from a search result (`?hl=words#section`): mark the searched words in the
 * chapter text and bring the section (or the first match) into view. Loaded by site.ts only when
 * the URL carries `hl`, so ordinary page views never fetch it.
 */
import { HIGHLIGHT_PARAM, highlightPattern } from '../lib/highlight.ts';

const words = new URLSearchParams(location.search).get(HIGHLIGHT_PARAM) ?? '';
const pattern = highlightPattern(words);
const body = document.querySelector('[data-pagefind-body]');
if (pattern && body) {
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.parentElement?.closest('script, style, mark, [data-pagefind-ignore], .sr-only') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  for (const node of nodes) {
    const text = node.data;
    pattern.lastIndex = 0;
    if (!pattern.test(text)) continue;
    pattern.lastIndex = 0;
    const frag = document.createDocumentFragment();
    let at = 0;
    for (const m of text.matchAll(pattern)) {
      frag.append(text.slice(at, m.index));
      const mark = document.createElement('mark');
      mark.className = 'search-hl';
      mark.textContent = m[0];
      frag.append(mark);
      at = m.index + m[0].length;
    }
    frag.append(text.slice(at));
    node.replaceWith(frag);
  }
  const target = (location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)))) || body.querySelector('mark.search-hl');
  if (target && target.id !== '_top') target.scrollIntoView({ block: location.hash ? 'start' : 'center' });
}
