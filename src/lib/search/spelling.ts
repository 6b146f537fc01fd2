/**
 * Spelling suggestions for search ("Showing results for daemon"). The vocabulary is every word
 * of the indexed pages, written at build time (see src/integrations/search-index.ts), most frequent
 * first. Pure, so it is unit-tested without a browser.
 */
import { stem } from './query-words.ts';

/** The compact vocabulary file the build writes: words separated by spaces, most frequent first. */
export interface Vocabulary {
  /** Format version. */
  v: 1;
  /** Words in the whole vocabulary (set in the short list of the most frequent words). */
  total?: number;
  /** Lower-case words of 2 or more letters, most frequent first, separated by single spaces. */
  words: string;
}

/**
 * Damerau–Levenshtein distance (optimal string alignment): insertions, deletions, substitutions
 * and swaps of two neighbouring letters each cost 1. Stops early and returns `max + 1` as soon as
 * the distance is known to exceed `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[n]!;
}

/** The longest vocabulary word (buildVocabulary keeps words of 2 to 24 letters). */
const MAX_WORD = 24;
/** Unknown words of one query that get a suggestion at most (the rest are searched as typed). */
export const MAX_CORRECTED = 8;

/** Words and stems of a vocabulary, prepared once for fast look-ups. */
export class Speller {
  readonly words: string[];
  private readonly known: Set<string>;
  private readonly stems: Set<string>;
  private readonly ranks = new Map<string, number>();

  constructor(vocab: Vocabulary | string[]) {
    this.words = Array.isArray(vocab) ? vocab : vocab.words.split(' ').filter(Boolean);
    this.known = new Set(this.words);
    this.stems = new Set(this.words.map(stem));
    this.words.forEach((w, i) => {
      if (!this.ranks.has(w)) this.ranks.set(w, i);
      const s = stem(w);
      if (!this.ranks.has(s)) this.ranks.set(s, i);
    });
  }

  /**
   * How rare a search term is on the site, from 0 (the most frequent word) to 1 (rare, or not a
   * plain word: flags, paths, numbers). The vocabulary is sorted by frequency, so by Zipf's law
   * the logarithm of a word's rank stands in for its inverse document frequency. `total` is the
   * size of the whole vocabulary when this one holds only its most frequent words.
   */
  rarity(term: string, total = this.words.length): number {
    if (!/^[a-z]+$/.test(term)) return 1;
    const rank = this.ranks.get(term) ?? this.ranks.get(stem(term)) ?? total;
    return Math.min(1, (Math.log(2 + rank) / Math.log(2 + total)) ** 2);
  }

  /**
   * Is `word` (lower case, letters only) in the pages? With `prefix`, a word still being typed
   * counts as known when some vocabulary word starts with it.
   */
  isKnown(word: string, prefix = false): boolean {
    if (this.isWord(word) || this.isCompound(word)) return true;
    return prefix && this.words.some((w) => w.startsWith(word));
  }

  private isWord(word: string): boolean {
    return word.length < 3 || /\d/.test(word) || this.known.has(word) || this.stems.has(stem(word));
  }

  /**
   * A word made of two known words of 3+ letters (`healthcheck`, `dockerfile`, `bindmount`): a
   * compound the site does not happen to spell that way, not a typo. Linear in the word's length.
   */
  isCompound(word: string): boolean {
    if (word.length < 6 || word.length > MAX_WORD) return false;
    for (let i = 3; i <= word.length - 3; i++) {
      const [a, b] = [word.slice(0, i), word.slice(i)];
      if ((this.known.has(a) || this.stems.has(stem(a))) && (this.known.has(b) || this.stems.has(stem(b)))) return true;
    }
    return false;
  }

  /**
   * The closest vocabulary word to an unknown `word`: at most 1 edit for words of up to 4
   * letters, 2 for longer ones; among equally close words the most frequent wins. Undefined when
   * the word is known or nothing is close enough.
   */
  suggest(word: string, prefix = false): string | undefined {
    const w = word.toLowerCase();
    // Vocabulary words have at most MAX_WORD letters: a longer word is not within two edits of one.
    if (w.length > MAX_WORD + 2 || this.isKnown(w, prefix)) return undefined;
    // One edit; two only in long words and only inside them (first and last two letters as
    // typed), so an inflection the site does not use ("difference" / "different") is not "corrected".
    const max = w.length >= 8 ? 2 : 1;
    let best: string | undefined;
    let bestD = max + 1;
    for (const v of this.words) {
      if (v.length < 3 || Math.abs(v.length - w.length) > max) continue;
      const d = editDistance(w, v, max);
      if (d === 2 && (v.slice(0, 2) !== w.slice(0, 2) || v.slice(-2) !== w.slice(-2))) continue;
      if (d < bestD) {
        bestD = d;
        best = v;
        if (d === 1) break; // words are most frequent first: the first 1-edit match wins
      }
    }
    return bestD <= max ? best : undefined;
  }

  /**
   * Correct every unknown word of a query, keeping punctuation around it (`--privilaged` →
   * `--privileged`). The last word counts as known while it is a prefix of a vocabulary word
   * (the student may still be typing). A part of a hyphenated compound is left alone when
   * another part is a known word (`multi-stage`, `read-only`, `unless-stopped`): it is a real
   * compound the site has not used, and "correcting" it would search for a different word. At
   * most MAX_CORRECTED words are looked up (each costs a pass over the vocabulary), so a pasted
   * log stays fast. Returns undefined when nothing changed.
   */
  correct(query: string): string | undefined {
    const parts = query.split(/(\s+)/);
    const lastWord = parts.length - 1 - [...parts].reverse().findIndex((p) => /\S/.test(p));
    let changed = false;
    let looked = 0;
    const out = parts.map((part, i) => {
      const cores = part.match(/[A-Za-z]{3,}/g) ?? [];
      const compound = /[A-Za-z]-[A-Za-z]/.test(part) && cores.length > 1;
      const knownPart = compound && cores.some((c) => this.isWord(c.toLowerCase()));
      return part.replace(/[A-Za-z]{3,}/g, (core) => {
        if (knownPart || looked >= MAX_CORRECTED) return core;
        if (this.isKnown(core.toLowerCase(), i === lastWord)) return core;
        looked++;
        const s = this.suggest(core, i === lastWord);
        if (!s) return core;
        changed = true;
        return s;
      });
    });
    return changed ? out.join('') : undefined;
  }
}

/**
 * Tokenise page text into vocabulary words (lower case, letters only, 2 to 24 letters) and return
 * them most frequent first (ties alphabetically, so the output is stable); with `limit`, only the
 * most frequent words and the size of the whole list.
 */
export function buildVocabulary(texts: Iterable<string>, limit = Infinity): Vocabulary {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const m of text.toLowerCase().matchAll(/[a-z]+/g)) {
      const w = m[0];
      if (w.length < 2 || w.length > 24) continue;
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  const words = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  if (words.length <= limit) return { v: 1, words: words.join(' ') };
  return { v: 1, total: words.length, words: words.slice(0, limit).join(' ') };
}

/**
 * The text Pagefind indexes on a built page: the element marked `data-pagefind-body`, without
 * tags, scripts, styles and `data-pagefind-ignore` elements (approximately: enough for a word
 * list). Empty when the page has no such element.
 */
export function indexedText(html: string): string {
  const start = html.search(/<([a-z][a-z0-9]*)\b[^>]*\bdata-pagefind-body\b/i);
  if (start < 0) return '';
  const tag = /^<([a-z][a-z0-9]*)/i.exec(html.slice(start))![1]!.toLowerCase();
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  re.lastIndex = start;
  let depth = 0;
  let end = html.length;
  for (let m; (m = re.exec(html));) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) {
      end = m.index;
      break;
    }
  }
  return html
    .slice(start, end)
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<(a|div|span|p|button)\b[^>]*data-pagefind-ignore[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/gi, ' ');
}
