/**
 * "Did you mean" for unknown commands and flags, with the one Damerau–Levenshtein distance of
 * src/lib/search/spelling.ts. A typo never leads to a command that deletes or stops things: `docker rnu`
 * suggests `run`, and nothing suggests `rm`, `rmi`, `prune`, `kill` or `down` by spelling alone
 * (the data's own mistakes may still point there, because an author wrote them).
 */
import { editDistance } from '../search/spelling.ts';
import { isDestructiveWord } from './deletes.ts';

/** The largest distance still worth suggesting for a word of this length. */
const maxDistance = (word: string) => (word.replace(/^-+/, '').length <= 3 ? 1 : 2);

/**
 * The candidate closest to `word`, or undefined when none is close enough. `preferred` wins ties
 * (e.g. commands the reference describes). Destructive command words are never suggested.
 */
export function closest(word: string, candidates: readonly string[], preferred: (c: string) => boolean = () => false, commands = false): string | undefined {
  const max = maxDistance(word);
  let best: { c: string; d: number; p: boolean } | undefined;
  for (const c of candidates) {
    if (commands && isDestructiveWord(c)) continue;
    const d = editDistance(word, c, max);
    if (d > max) continue;
    const p = preferred(c);
    if (!best || d < best.d || (d === best.d && p && !best.p)) best = { c, d, p };
  }
  return best?.c;
}
