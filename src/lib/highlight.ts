/**
 * Which words a result page highlights for a search (`?hl=`): each searched word, matched at the
 * start of a word in the page and up to the end of that word, so `remove` marks `removes` and
 * `--privileged` marks `--privileged`. Pure, so it is unit-tested without a browser.
 */

/** Query parameter that carries the searched words to the result page, which highlights them. */
export const HIGHLIGHT_PARAM = 'hl';

/** Drop a common English ending so `removing` marks `remove` and `removes` (kept apart from spelling.ts so this chunk stays separate). */
const stem = (word: string) => word.replace(/(?:ing|ed|es|s|ly)$/, '').replace(/(?<=..)e$/, '').replace(/([b-df-hj-km-np-rtv-y])\1$/, '$1') || word;

/** Split a query into the terms to highlight: trimmed of sentence punctuation, 2+ characters. */
export function highlightTerms(query: string): string[] {
  const terms = query
    .toLowerCase()
    .split(/\s+/)
    .map((t) => t.replace(/^[^\p{L}\p{N}\-/.]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((t) => t.length >= 2)
    .map((t) => (/^[a-z]+$/.test(t) && t.length > 4 ? stem(t) : t));
  return [...new Set(terms)].sort((a, b) => b.length - a.length);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A global, case-insensitive pattern for the terms, or undefined when there is nothing to mark. */
export function highlightPattern(query: string): RegExp | undefined {
  const terms = highlightTerms(query);
  if (!terms.length) return undefined;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(escape).join('|')})[\\p{L}\\p{N}]*`, 'giu');
}
