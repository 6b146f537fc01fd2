/**
 * "Last updated" dates from git: the committer date of the last commit that touched a file. A
 * file with uncommitted changes (or not tracked yet) has no date: the date would be a lie. A
 * shallow clone knows only its tip, so it would give every file the same date: then no dates at
 * all, and one warning that says how to get them (fetch the full history).
 */
import { execFileSync } from 'node:child_process';

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

const memo = new Map<string, Date | undefined>();
let status: DateStatus | undefined;
let warned = false;

/** lastCommitDate for the build, memoised, with one console warning in a shallow clone. */
export function chapterDate(file: string): Date | undefined {
  status ??= gitDateStatus();
  if (status === 'shallow' && !warned) {
    warned = true;
    console.warn('[docker-basics] This is a shallow git clone: "Last updated" dates and sitemap <lastmod> are left out. Clone with the full history (actions/checkout: fetch-depth: 0) to get them.');
  }
  if (!memo.has(file)) memo.set(file, lastCommitDate(file, process.cwd(), status));
  return memo.get(file);
}
