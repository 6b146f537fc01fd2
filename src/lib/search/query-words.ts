/**
 * Words of a query, shared by the search box (src/lib/search/ranking.ts) and the page a result opens
 * (src/lib/search/highlight-terms.ts, a separate small chunk): normalising, stop words and the site's one
 * stemmer (also used by the speller, src/lib/search/spelling.ts). Pure and small.
 */

/**
 * The one English stemmer of the site: search ranking (src/lib/search/ranking.ts), the result page's
 * highlights (src/lib/search/highlight-terms.ts) and the speller's "is this word known" test
 * (src/lib/search/spelling.ts) all use it, so a word that ranks a section is also the word marked on the
 * page. Rough on purpose: it drops one common ending (`removing`, `removes`, `removed` →
 * `remov`), a final `e` and a doubled final consonant (`stopped` → `stop`), roughly as Pagefind's
 * own English stemming does. Lower-case input; a word it would empty stays as it is.
 */
export function stem(word: string): string {
  return (
    word
      .replace(/(?:ing|ed|es|s|ly)$/, '')
      .replace(/(?<=..)e$/, '')
      .replace(/([b-df-hj-km-np-rtv-y])\1$/, '$1') || word
  );
}

/**
 * A one-letter flag (`-t`, `-T`, `-p`, `-P`): the one kind of word whose case is meaning. The
 * docker CLI reads `-t` (`--tty`, `--tag`) and `-T` (Compose's `--no-TTY`) as different flags.
 */
export const SHORT_FLAG = /^-[A-Za-z]$/;

/**
 * Lower case, without sentence punctuation around it; leading dashes and slashes of flags and
 * paths stay. A one-letter flag keeps its case (SHORT_FLAG).
 */
export function normaliseTerm(word: string): string {
  const bare = word.replace(/^[^\p{L}\p{N}\-/.]+|[^\p{L}\p{N}]+$/gu, '');
  return SHORT_FLAG.test(bare) ? bare : bare.toLowerCase();
}

/** Words Pagefind indexes whole as well as in parts (src/integrations/search-index.ts, SEARCH_CHARACTERS). */
const JOINERS = /[-.:/=_]+/;

/**
 * The parts to look up for a path or file name (`daemon.json`, `/tmp/.X11-unix`,
 * `compose.yaml`): Pagefind indexes a word such as `/etc/docker/daemon.json` whole and as
 * `etc`, `docker`, `daemon`, `json`, so `daemon.json`, which is neither, finds nothing by
 * itself. Its last path segment's parts do (ranking then matches the term inside the whole word:
 * matchStrength in ranking.ts). Flags, port mappings, `key=value` pairs and plain words have none.
 * At most `max` parts, in order, without the query's own words.
 */
export function pathParts(terms: readonly string[], max = 6): string[] {
  const out: string[] = [];
  for (const t of terms) {
    if (/^-/.test(t) || t.includes('=') || !/[./]/.test(t) || !/\p{L}/u.test(t)) continue;
    const last = t.split(/[/:]+/).filter(Boolean).at(-1) ?? '';
    for (const p of last.split(JOINERS)) {
      const part = p.toLowerCase();
      if (part.length >= 2 && /\p{L}/u.test(part) && !STOP_WORDS.has(part) && !terms.includes(part) && !out.includes(part)) out.push(part);
    }
  }
  return out.slice(0, max);
}

/** The words of a query, normalised, without duplicates. */
export function queryTerms(query: string): string[] {
  return [...new Set(query.split(/\s+/).map(normaliseTerm).filter(Boolean))];
}

/**
 * English function words (the usual stop-word list of information retrieval, e.g. NLTK's). They
 * do not pick pages or sections ("remove all stopped containers" is about remove, stopped,
 * containers) and do not break a phrase ("delete an image" is the phrase "delete image").
 */
export const STOP_WORDS = new Set(
  (
    'i me my myself we our ours you your yours he him his she her it its itself they them their what which who whom ' +
    'this that these those am is are was were be been being have has had having do does did doing a an the and but ' +
    'if or because as until while of at by for with about against between into through during before after above ' +
    'below to from up down in out on off over under again further then once here there when where why how all any ' +
    'both each few more most other some such no nor not only own same so than too very can will just should now ' +
    // and the comparison words of "COPY vs ADD" (which would otherwise find "VS Code")
    'vs versus'
  ).split(' '),
);

/** The words of a query that pick pages and sections: without stop words (but a Compose subcommand), unless it has nothing else. */
export function significantTerms(query: string): string[] {
  const all = queryTerms(query);
  // A stop word right after `compose` is its subcommand (`docker compose up`, `docker compose down`).
  const content = all.filter((t, i) => !STOP_WORDS.has(t) || all[i - 1] === 'compose');
  return content.length ? content : all;
}
