/**
 * "Last updated" dates from git: the committer date of the last commit that touched a file. A
 * file with uncommitted changes (or not tracked yet) has no date: the date would be a lie. A
 * shallow clone knows only its tip, so it would give every file the same date: then no dates at
 * all, and one warning that says how to get them (fetch the full history).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

function git(args: string[], cwd: string): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
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
 * The date `file` (a path relative to `cwd`, or absolute) was last committed, or undefined when it
 * has uncommitted changes, is untracked, or dates cannot be read (see gitDateStatus).
 */
export function lastCommitDate(file: string, cwd = process.cwd(), status: DateStatus = gitDateStatus(cwd)): Date | undefined {
  if (status !== 'ok') return undefined;
  const dirty = git(['status', '--porcelain', '--', file], cwd);
  if (dirty === undefined || dirty !== '') return undefined;
  const iso = git(['log', '-1', '--format=%cI', '--', file], cwd);
  return iso ? new Date(iso) : undefined;
}

/** Every chapter's date, read once (JSON: ISO dates, null for none). */
export interface ChapterDates {
  status: DateStatus;
  dates: Record<string, string | null>;
}

/**
 * The dates of every file in `dir` (keys are `dir/<file>`, as a chapter's filePath), read by
 * astro.config.mjs before the build starts and handed to the pages (import.meta.env.CHAPTER_DATES).
 * Read then, not while pages render: each git call forks the build's process, and forking it at
 * 700 MiB, once per chapter, showed as hundreds of MiB of momentary extra memory.
 */
export function readChapterDates(dir = 'content/chapters', cwd = process.cwd()): ChapterDates {
  const status = gitDateStatus(cwd);
  const dates: Record<string, string | null> = {};
  if (status === 'ok') {
    for (const f of readdirSync(`${cwd}/${dir}`).filter((x) => /\.mdx?$/.test(x)).sort()) {
      dates[`${dir}/${f}`] = lastCommitDate(`${dir}/${f}`, cwd, status)?.toISOString() ?? null;
    }
  }
  return { status, dates };
}

const memo = new Map<string, Date | undefined>();
let status: DateStatus | undefined;
let warned = false;

/**
 * A chapter's date for the build: from import.meta.env.CHAPTER_DATES (read before the build, see
 * readChapterDates), else lastCommitDate memoised; one console warning in a shallow clone.
 */
export function chapterDate(file: string, read: ChapterDates | undefined = import.meta.env.CHAPTER_DATES): Date | undefined {
  if (read && read.status === 'ok' && file in read.dates) {
    const iso = read.dates[file];
    return iso ? new Date(iso) : undefined;
  }
  const st = read?.status ?? (status ??= gitDateStatus());
  if (st === 'shallow' && !warned) {
    warned = true;
    console.warn('[docker-basics] This is a shallow git clone: "Last updated" dates and sitemap <lastmod> are left out. Clone with the full history (actions/checkout: fetch-depth: 0) to get them.');
  }
  if (st !== 'ok') return undefined;
  if (!memo.has(file)) memo.set(file, lastCommitDate(file, process.cwd(), st));
  return memo.get(file);
}
