/**
 * "Last updated" dates from git: the committer date of the last commit that touched a file. A
 * file with uncommitted changes (or not tracked yet) has no date: the date would be a lie. A
 * shallow clone knows only its tip, so it would give every file the same date: then no dates at
 * all, and one warning that says how to get them (fetch the full history).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

/** git's output, trimmed unless `raw` (status lines start with a space that means something). */
function git(args: string[], cwd: string, raw = false): string | undefined {
  try {
    const out = execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
    return raw ? out : out.trim();
  } catch {
    return undefined;
  }
}

export type DateStatus = 'ok' | 'no-git' | 'shallow';

/** Whether dates can be read here: `no-git` outside a checkout (or without git), `shallow` in a shallow clone. */
export function gitDateStatus(cwd = process.cwd()): DateStatus {
  const shallow = git(['rev-parse', '--is-shallow-repository'], cwd);
  if (shallow === undefined) return 'no-git';
  return shallow === 'true' ? 'shallow' : 'ok';
}

/**
 * The date of the last commit that touched each of `files` (paths relative to `cwd`), read with one
 * `git status` and one `git log` however many files there are: the log lists, newest first, the
 * files each commit changed, so a file's first appearance is its last commit (the commit that
 * `git log -1 -- file` names). Files with uncommitted changes, untracked files and files no commit
 * touched have no date, nor has any file when dates cannot be read (see gitDateStatus).
 */
export function lastCommitDates(files: readonly string[], cwd = process.cwd(), status: DateStatus = gitDateStatus(cwd)): Map<string, Date | undefined> {
  const dates = new Map<string, Date | undefined>(files.map((f) => [f, undefined]));
  if (status !== 'ok' || files.length === 0) return dates;
  // git prints paths from the repository's top; `files` are from `cwd`, which may be below it.
  const prefix = git(['rev-parse', '--show-prefix'], cwd);
  if (prefix === undefined) return dates;
  const specs = files.map(normalize);
  const paths = specs.map((f) => prefix + f);
  // -z: one NUL-separated record per file, names as git stores them (no quoting of odd characters).
  const dirty = git(['status', '--porcelain', '-z', '--untracked-files=all', '--', ...specs], cwd, true);
  if (dirty === undefined) return dates;
  const changed = new Set(
    dirty
      .split('\0')
      .filter(Boolean)
      .map((r) => normalize(r.slice(3))),
  );
  // --first-parent (merges diffed against the line they joined): a chapter's date is when its change
  // reached this branch, as `git log -1 --first-parent -- <file>` says, whether it came in a merge or not.
  const log = git(['log', '--first-parent', '--format=%x00%cI', '--name-only', '-z', '--', ...specs], cwd);
  const seen = new Map<string, Date>();
  let date: Date | undefined;
  for (const token of (log ?? '').split('\0')) {
    const t = token.trim();
    if (/^\d{4}-\d\d-\d\dT/.test(t)) date = new Date(t);
    else if (t && date && !seen.has(t)) seen.set(t, date);
  }
  files.forEach((f, i) => dates.set(f, changed.has(paths[i]!) ? undefined : seen.get(paths[i]!)));
  return dates;
}

/** A relative path without its leading `./`, as git prints it. */
function normalize(file: string): string {
  return file.replace(/^(\.\/)+/, '');
}

/**
 * The date `file` (a path relative to `cwd`) was last committed, or undefined when it has
 * uncommitted changes, is untracked, or dates cannot be read (see gitDateStatus).
 */
export function lastCommitDate(file: string, cwd = process.cwd(), status: DateStatus = gitDateStatus(cwd)): Date | undefined {
  return lastCommitDates([file], cwd, status).get(file);
}

/** Every chapter's date, read once (JSON: ISO dates, null for none). */
export interface ChapterDates {
  status: DateStatus;
  dates: Record<string, string | null>;
}

/**
 * The dates of every file in `dir` (keys are `dir/<file>`, as a chapter's filePath), read by
 * astro.config.mjs before the build starts and handed to the pages (import.meta.env.CHAPTER_DATES).
 * Read then, in one git log, not while pages render: a git call forks the build's process, and
 * forking it at 700 MiB, once per chapter, showed as hundreds of MiB of momentary extra memory.
 */
export function readChapterDates(dir = 'content/chapters', cwd = process.cwd()): ChapterDates {
  const status = gitDateStatus(cwd);
  const dates: Record<string, string | null> = {};
  if (status === 'ok') {
    const files = readdirSync(`${cwd}/${dir}`)
      .filter((x) => /\.mdx?$/.test(x))
      .sort()
      .map((f) => `${dir}/${f}`);
    for (const [f, d] of lastCommitDates(files, cwd, status)) dates[f] = d?.toISOString() ?? null;
  }
  return { status, dates };
}

let fallback: ChapterDates | undefined;
let warned = false;

/**
 * A chapter's date for the build: from import.meta.env.CHAPTER_DATES (read before the build, see
 * readChapterDates), else read once here; one console warning in a shallow clone.
 */
export function chapterDate(file: string, read: ChapterDates | undefined = import.meta.env.CHAPTER_DATES): Date | undefined {
  const dates = read ?? (fallback ??= readChapterDates());
  if (dates.status === 'shallow' && !warned) {
    warned = true;
    console.warn(
      '[docker-basics] This is a shallow git clone: "Last updated" dates and sitemap <lastmod> are left out. Clone with the full history (actions/checkout: fetch-depth: 0) to get them.',
    );
  }
  const iso = dates.status === 'ok' ? dates.dates[file] : undefined;
  return iso ? new Date(iso) : undefined;
}
