/**
 * `npm run snapshot -- <term> <ref> [label]`: publish a frozen copy of the whole course for a term,
 * e.g. `npm run snapshot -- 2027-spring v2027.1 "Spring 2027"`.
 *
 * The snapshot is the normal build of its own commit, with that commit's own dependencies, never
 * HTML copied by hand: the ref is resolved to a commit, the commit is checked out in a temporary
 * shared clone (nothing is written to this repository's git folder), its dependencies are
 * installed (`npm ci`; when its package-lock.json is byte for byte this one's, the installed tree
 * is reused), and it is built with BASE_PATH=<current base><term>/ and SNAPSHOT_TERM (the banner,
 * canonical URLs to the current site, its own search index and offline worker). The output is
 * stored by commit and address in `.snapshots/` (SNAPSHOT_STORE), so later code never rebuilds or
 * rewrites it, and the term is written to content/terms.yaml; `npm run build` then copies it into
 * dist/<term>/ (src/build/include-snapshots.ts).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Document, parseDocument } from 'yaml';
import { buildOutput, DEFAULT_SITE, siteConfig } from '../integrations/site-config.ts';
import { parseTerms, TERM_ID, TERMS_FILE, type Term } from '../lib/terms/terms.ts';

/** A file only commits with snapshot support have: an older commit's build would ignore SNAPSHOT_TERM. */
export const SNAPSHOT_SUPPORT_FILE = 'src/lib/terms/snapshot-mode.ts';
/** What a stored snapshot says it was built from (written beside its pages, never copied into the site). */
export const MANIFEST = 'snapshot.json';

export interface SnapshotManifest {
  term: string;
  label: string;
  commit: string;
  /** The snapshot's own base path, `<current base><term>/`. */
  base: string;
  /** The SITE_URL its canonical URLs point at. */
  site: string;
}

export interface CutOptions {
  term: string;
  /** A tag, branch or commit of the repository at `root`. */
  ref: string;
  /** What the banner calls the term. @default from the id: 2027-spring → Spring 2027 */
  label?: string | undefined;
  /** The repository. @default process.cwd() */
  root?: string;
  /** Where snapshots are stored. @default SNAPSHOT_STORE or <root>/.snapshots */
  store?: string;
  /** The current site's origin and base path (SITE_URL, BASE_PATH). */
  site: string;
  base: string;
  /** The build cache (link-preview cards, the worker runtime): shared, keyed by content. */
  cacheDir?: string;
  /** Where the build's output goes. @default inherited */
  stdio?: 'inherit' | 'pipe';
}

export interface CutResult {
  term: Term;
  /** The stored output. */
  dir: string;
  /** False when a stored build of the same commit and address was reused. */
  built: boolean;
  /** Whether the installed dependencies were reused (identical lock file) rather than installed. */
  reusedDependencies?: boolean;
  seconds: number;
}

/** `2027-spring` → `Spring 2027`. */
export function defaultLabel(term: string): string {
  const [year, ...rest] = term.split('-');
  const words = rest.join(' ');
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} ${year}`;
}

/** The stored output's folder name: term, commit and, for a site under a sub-path, that path. */
export function snapshotKey(term: string, commit: string, currentBase: string): string {
  const sub = currentBase.split('/').filter(Boolean).join('-');
  return `${term}@${commit.slice(0, 12)}${sub ? `~${sub}` : ''}`;
}

export const storeDir = (root: string, env: Record<string, string | undefined> = process.env) => resolve(root, env['SNAPSHOT_STORE'] || '.snapshots');

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** The full commit of `ref`, and its date; throws naming the ref and what to do. */
export function resolveCommit(root: string, ref: string): { commit: string; date: string } {
  let commit: string;
  try {
    commit = git(root, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
  } catch {
    throw new Error(`git knows no commit "${ref}" in ${root}: give a tag, a branch or a commit id (git tag, git log --oneline)`);
  }
  try {
    git(root, 'cat-file', '-e', `${commit}:${SNAPSHOT_SUPPORT_FILE}`);
  } catch {
    throw new Error(
      `${ref} (${commit.slice(0, 12)}) predates term snapshots: its build has no snapshot mode (${SNAPSHOT_SUPPORT_FILE}), so its pages would carry no banner and canonical URLs to themselves. Cut snapshots from a commit that has that file (git log --diff-filter=A -- ${SNAPSHOT_SUPPORT_FILE} shows the first).`,
    );
  }
  return { commit, date: git(root, 'show', '-s', '--format=%cs', commit) };
}

/**
 * The environment the snapshot's build gets: the system's (paths, locale, proxies, npm's settings,
 * CI) and the site settings that are not the snapshot's own, nothing else. A test runner's or an
 * enclosing build's variables changed how the snapshot's pages rendered (under Vitest, BASE_URL,
 * SITE, NODE_ENV=test and the like put the wrong base path into every link).
 */
export function buildEnv(env: Record<string, string | undefined>): Record<string, string | undefined> {
  const keep =
    /^(PATH|HOME|USER|LOGNAME|SHELL|TERM|TMPDIR|TMP|TEMP|LANG|LC_\w+|TZ|CI|GITHUB_\w+|RUNNER_\w+|HTTPS?_PROXY|NO_PROXY|https?_proxy|no_proxy|npm_config_\w+|NPM_CONFIG_\w+|SITE_REPO|SITE_REPO_BRANCH|SERVICE_WORKER|ASTRO_CACHE_DIR|CHROMIUM_PATH)$/;
  // npm_config_local_prefix would make the snapshot's `npm run build` run this project's script, in this folder.
  return Object.fromEntries(Object.entries(env).filter(([k]) => keep.test(k) && k !== 'npm_config_local_prefix'));
}

/** Read a stored snapshot's manifest, or undefined when there is none. */
export function readManifest(dir: string): SnapshotManifest | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as SnapshotManifest;
  } catch {
    return undefined;
  }
}

/** Build (or find stored) the snapshot of `ref` for `term`. */
export function cutSnapshot(o: CutOptions): CutResult {
  const started = performance.now();
  if (!TERM_ID.test(o.term)) throw new Error(`"${o.term}" is not a term id: the year, "-" and lower-case letters, e.g. 2027-spring`);
  const root = resolve(o.root ?? process.cwd());
  const { commit, date } = resolveCommit(root, o.ref);
  const term: Term = { id: o.term, label: o.label || defaultLabel(o.term), commit, ref: o.ref, date };
  const base = `${o.base}${o.term}/`;
  const store = o.store ?? storeDir(root);
  const dir = join(store, snapshotKey(o.term, commit, o.base));
  const have = readManifest(dir);
  if (have && have.commit === commit && have.base === base && have.site === o.site && have.label === term.label) {
    return { term, dir, built: false, seconds: (performance.now() - started) / 1000 };
  }

  const work = mkdtempSync(join(tmpdir(), `docker-basics-snapshot-${o.term}-`));
  try {
    // A shared clone reads this repository's objects in place; its own git folder has the history
    // the build reads ("Last updated" dates), and nothing is written to this one's.
    git(tmpdir(), 'clone', '--quiet', '--shared', '--no-checkout', root, work);
    git(work, 'checkout', '--quiet', '--detach', commit);
    const lock = join(root, 'package-lock.json');
    const reuse = existsSync(join(root, 'node_modules')) && existsSync(lock) && readFileSync(lock).equals(readFileSync(join(work, 'package-lock.json')));
    if (reuse) {
      symlinkSync(realpathSync(join(root, 'node_modules')), join(work, 'node_modules'));
    } else {
      const ci = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: work, stdio: o.stdio ?? 'inherit' });
      if (ci.status !== 0)
        throw new Error(`npm ci failed for ${o.ref} (${commit.slice(0, 12)}) in ${work}: its dependencies could not be installed (see above)`);
    }
    const out = join(store, `.building-${snapshotKey(o.term, commit, o.base)}`);
    rmSync(out, { recursive: true, force: true });
    const env: Record<string, string | undefined> = {
      ...buildEnv(process.env),
      // Unset stays unset (the local default), so the build does not warn about a loopback SITE_URL it was not given.
      SITE_URL: process.env['SITE_URL'] ? o.site : o.site === DEFAULT_SITE ? undefined : o.site,
      BASE_PATH: base,
      SNAPSHOT_TERM: o.term,
      SNAPSHOT_LABEL: term.label,
      SITE_VERSION: o.term,
      OUT_DIR: out,
      ...(o.cacheDir ? { ASTRO_CACHE_DIR: o.cacheDir } : {}),
    };
    const build = spawnSync('npm', ['run', 'build'], { cwd: work, env, stdio: o.stdio ?? 'inherit' });
    if (build.status !== 0) {
      const output = build.stdout ? `\n${String(build.stdout).slice(-3000)}${String(build.stderr).slice(-3000)}` : '';
      throw new Error(`The build of ${o.ref} (${commit.slice(0, 12)}) for ${base} failed (see above); nothing was stored${output}`);
    }
    const manifest: SnapshotManifest = { term: o.term, label: term.label, commit, base, site: o.site };
    writeFileSync(join(out, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(out, dir);
    return { term, dir, built: true, reusedDependencies: reuse, seconds: (performance.now() - started) / 1000 };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Add or replace `term` in the terms file's text, keeping its comments and the other entries. */
export function withTerm(text: string, term: Term, file = TERMS_FILE): string {
  const terms = parseTerms(text, file);
  const entry = { id: term.id, label: term.label, commit: term.commit, ref: term.ref, date: term.date };
  const doc = parseDocument(text);
  const i = terms.findIndex((t) => t.id === term.id);
  if (i >= 0) doc.setIn([i], doc.createNode(entry));
  else if (terms.length) doc.addIn([], doc.createNode(entry));
  else {
    // An empty file or `[]`: a new list under the file's opening comment.
    const fresh = new Document([entry]);
    fresh.commentBefore = doc.commentBefore ?? (doc.contents as { commentBefore?: string | null } | null)?.commentBefore ?? null;
    return fresh.toString();
  }
  return doc.toString();
}

/** Disk used by a folder, in bytes (files only). */
export function diskBytes(dir: string): number {
  const out = execFileSync('du', ['-sb', dir], { encoding: 'utf8' });
  return Number(out.split(/\s/)[0]);
}

const USAGE = 'npm run snapshot -- <term> <ref> [label]   e.g. npm run snapshot -- 2027-spring v2027.1 "Spring 2027"';

if (import.meta.url === `file://${process.argv[1]}`) {
  const [termId, ref, label] = process.argv.slice(2);
  if (!termId || !ref) {
    console.error(`Usage: ${USAGE}`);
    process.exit(2);
  }
  try {
    const { site, base } = siteConfig(process.env);
    const { cacheDir } = buildOutput(process.env);
    console.log(`Cutting the ${termId} snapshot from ${ref} for ${site}${base}${termId}/ ...`);
    const r = cutSnapshot({ term: termId, ref, label, site, base, cacheDir });
    const text = existsSync(TERMS_FILE) ? readFileSync(TERMS_FILE, 'utf8') : '';
    writeFileSync(TERMS_FILE, withTerm(text, r.term));
    const mb = (diskBytes(r.dir) / 1024 / 1024).toFixed(1);
    console.log(
      `${r.built ? `Built ${r.term.id} from ${r.term.commit.slice(0, 12)} in ${r.seconds.toFixed(0)} s (dependencies ${r.reusedDependencies ? 'reused: identical package-lock.json' : 'installed with npm ci'})` : `${r.term.id} from ${r.term.commit.slice(0, 12)} was already stored`}: ${r.dir}, ${mb} MB.\n` +
        `${TERMS_FILE} lists it. Commit that file; npm run build copies the snapshot into ${base}${r.term.id}/ (building it again from its commit where .snapshots/ is empty, as in CI).`,
    );
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
