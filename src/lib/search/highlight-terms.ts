/**
 * Which words a result page highlights for a search (`?hl=`): the query's significant words (no
 * stop words), each marked where the page has the same word or a word with the same stem
 * (`remove` marks `removes` and `Removing`; `the` marks nothing; `run` marks `running`, not
 * `runtime`). Flags, paths and ports are marked as typed (`--privileged`, `docker.sock` inside
 * `/var/run/docker.sock`). Pure, so it is unit-tested without a browser.
 */
import { SHORT_FLAG, significantTerms, stem, STOP_WORDS } from './query-words.ts';

/** Query parameter that carries the searched words to the result page, which highlights them. */
export const HIGHLIGHT_PARAM = 'hl';

/** Words a page marks at most (a hand-made `?hl=` can be long too). */
const MAX_TERMS = 8;

const plain = (t: string) => /^[\p{L}\p{N}]+$/u.test(t);

/** The terms to highlight: significant words of 2+ characters, longest first, at most MAX_TERMS. */
export function highlightTerms(query: string): string[] {
  const terms = significantTerms(query.slice(0, 1000))
    .filter((t) => t.length >= 2 && !STOP_WORDS.has(t))
    .slice(0, MAX_TERMS);
  return [...new Set(terms)].sort((a, b) => b.length - a.length);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export interface Highlighter {
  /** Global, case-insensitive: candidates (a term's stem at the start of a word, to the end of the word). */
  pattern: RegExp;
  /** Whether a candidate is one of the terms: the same word, or a plain word with the same stem. */
  accepts(word: string): boolean;
}

/** A highlighter for the query's terms, or undefined when there is nothing to mark. */
export function highlighter(query: string): Highlighter | undefined {
  const terms = highlightTerms(query);
  if (!terms.length) return undefined;
  const exact = new Set(terms);
  const stems = new Set(terms.filter(plain).map(stem));
  const starts = [...new Set(terms.map((t) => (plain(t) ? stem(t) : t)))].sort((a, b) => b.length - a.length);
  return {
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${starts.map(escape).join('|')})[\\p{L}\\p{N}]*`, 'giu'),
    accepts(word) {
      // A one-letter flag is marked as typed: `-T` is not `-t` (query-words.ts, SHORT_FLAG).
      if (SHORT_FLAG.test(word)) return exact.has(word);
      const w = word.toLowerCase();
      return exact.has(w) || (plain(w) && stems.has(stem(w)));
    },
  };
}

/** Where `text` has a highlighted word: [start, end) pairs, in order. */
export function highlightRanges(text: string, h: Highlighter): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  h.pattern.lastIndex = 0;
  for (const m of text.matchAll(h.pattern)) if (h.accepts(m[0])) out.push([m.index, m.index + m[0].length]);
  return out;
}

/**
 * The element a page's fragment names, or undefined: decoded when it is percent-encoded, taken
 * as it is when it is malformed (`#%`, `#%E0%A4%A`: decodeURIComponent would throw URIError).
 */
export function fragmentTarget(hash: string, byId: (id: string) => Element | null): Element | undefined {
  const raw = hash.replace(/^#/, '');
  if (!raw) return undefined;
  let id = raw;
  try {
    id = decodeURIComponent(raw);
  } catch {
    /* malformed percent-encoding: try the fragment as written */
  }
  return byId(id) ?? byId(raw) ?? undefined;
}
