import { join, parse, resolve, sep } from 'node:path';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import * as pagefind from 'pagefind';
import { buildVocabulary, indexedText } from '../lib/search/spelling.ts';

/**
 * Characters Pagefind keeps inside words, so `--privileged`, `-itd`, `docker.sock`, `8080:80`,
 * `/var/run/docker.sock` and `--net=host` are indexed and searched as students type them.
 * Pagefind also indexes the parts of such a word (`docker.sock` → `docker`, `sock`) and strips
 * them from the ends of words, so sentence punctuation (`kernel.`, `exits,`) does not split or
 * hide ordinary words; the query is normalised the same way in the browser.
 */
export const SEARCH_CHARACTERS = '-.:/=';

/** Where the spelling vocabulary is written, relative to the output directory (and the base path). */
export const VOCABULARY_PATH = 'search/vocab.json';
/** The most frequent words only: how common each query word is (loaded with the first search; small). */
export const COMMON_WORDS_PATH = 'search/common.json';
const COMMON_WORDS = 300;

/**
 * Write the words of every indexed page (most frequent first) for the search box's spelling
 * suggestions ("Showing results for daemon"), and the most frequent of them, which rank query
 * words by how common they are. Returns the number of words.
 */
export async function writeVocabulary(outDir: string): Promise<number> {
  const files = (await readdir(outDir, { recursive: true })).filter((f) => f.endsWith('.html'));
  // One page in memory at a time (a site 100 times this size would otherwise hold every page's
  // HTML and text at once): buildVocabulary walks the texts as they are read, twice.
  const texts = {
    *[Symbol.iterator]() {
      for (const f of files) yield indexedText(readFileSync(join(outDir, f), 'utf8'));
    },
  };
  const vocab = buildVocabulary(texts);
  await mkdir(join(outDir, 'search'), { recursive: true });
  await writeFile(join(outDir, VOCABULARY_PATH), JSON.stringify(vocab));
  await writeFile(join(outDir, COMMON_WORDS_PATH), JSON.stringify(buildVocabulary(texts, COMMON_WORDS)));
  return vocab.words.split(' ').length;
}

/**
 * Files Pagefind always writes that this site never loads: its ready-made UIs (ours is
 * src/scripts/chunks/search-dialog.ts), its highlighter (ours is search-highlight.ts) and its web worker
 * (the site runs Pagefind with `noWorker`). Removed after indexing so that they are neither
 * deployed nor precached by the offline worker (about 480 KB a student's laptop would download).
 */
export const UNUSED_PAGEFIND_FILE = /^pagefind-(?:component-ui|modular-ui|ui|highlight|worker)\.(?:js|css)$/;

async function removeUnusedPagefindFiles(dir: string): Promise<void> {
  for (const f of await readdir(dir)) if (UNUSED_PAGEFIND_FILE.test(f)) await rm(join(dir, f));
}

/** Throw with every message Pagefind reported for one step. */
function check(step: string, errors: string[] | undefined): void {
  if (errors && errors.length) throw new Error(`Pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}

/**
 * Build the Pagefind search index into `<outDir>/pagefind/` from the written site, then the
 * spelling vocabulary into `<outDir>/search/vocab.json`. Only elements marked
 * `data-pagefind-body` (the article of a chapter page) are indexed. On any failure it throws with
 * the step, Pagefind's messages and what to do, after removing the output folder: a site without
 * its index would look complete and serve a broken search (tests/unit/pagefind-integration.test.ts).
 * Returns the line to log. A post-build step (src/build/steps.ts), run after Astro has exited.
 */
export async function indexSite(outDir: string): Promise<string> {
  let pages: number;
  try {
    const { index, errors } = await pagefind.createIndex({ includeCharacters: SEARCH_CHARACTERS });
    check('createIndex', errors);
    if (!index) throw new Error('Pagefind createIndex returned no index');
    const added = await index.addDirectory({ path: outDir });
    check('addDirectory', added.errors);
    if (added.page_count === 0) throw new Error('Pagefind indexed 0 pages: is data-pagefind-body on the chapter article?');
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    check('writeFiles', written.errors);
    await removeUnusedPagefindFiles(join(outDir, 'pagefind'));
    pages = added.page_count;
  } catch (e) {
    throw new Error(failureMessage(e, await removeOutput(outDir)), { cause: e });
  } finally {
    // Pagefind's process holds the whole index: end it before the vocabulary is built.
    await pagefind.close();
  }
  const words = await writeVocabulary(outDir);
  return `Pagefind indexed ${pages} pages; spelling vocabulary: ${words} words`;
}

/**
 * Remove the half-built site after a failed index, so nothing serves or deploys a site whose
 * search is missing. Refuses anything that is not a plain output folder (the project root, `/`).
 * Returns what happened, for the message.
 */
async function removeOutput(outDir: string): Promise<string> {
  const abs = resolve(outDir);
  if (abs === parse(abs).root || abs === resolve('.') || resolve('.').startsWith(abs + sep)) {
    return `${outDir} was NOT removed (it is the project folder or above it): delete the half-built site yourself`;
  }
  try {
    await rm(abs, { recursive: true, force: true });
    return `${outDir} was removed, so a site without its search index cannot be served or deployed`;
  } catch (e) {
    return `${outDir} could not be removed (${e instanceof Error ? e.message : String(e)}): delete it before serving or deploying`;
  }
}

function failureMessage(e: unknown, removed: string): string {
  const detail = e instanceof Error ? e.message : String(e);
  return [
    `Search index (Pagefind) failed, so the build stopped. ${removed}.`,
    `  ${detail.replace(/\n/g, '\n  ')}`,
    'What to do: run `npm ci` (Pagefind runs a binary from its @pagefind/<platform> package, which `npm install --omit=optional`',
    'or a copied node_modules can miss), check that the output folder is writable, then `npm run build` again.',
  ].join('\n');
}
