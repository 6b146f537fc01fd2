/**
 * The chapter sources of a commit, read from git in one `git cat-file --batch` (each git call
 * forks the build's process), for "What changed since <term>" (what-changed.ts).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChapterSource } from './what-changed.ts';

export const CHAPTERS_DIR = 'content/chapters';

/** The `.mdx` chapters of `commit`; throws saying what to do when git does not have it (a shallow clone). */
export function chaptersAt(commit: string, root = process.cwd()): ChapterSource[] {
  let names: string[];
  try {
    names = execFileSync('git', ['ls-tree', '--name-only', `${commit}:${CHAPTERS_DIR}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
      .split('\n')
      .filter((n) => n.endsWith('.mdx'));
  } catch {
    throw new Error(
      `content/terms.yaml: git has no commit ${commit} (or no ${CHAPTERS_DIR} in it) to compare with for "What changed": fetch the full history (git fetch --unshallow; in CI, actions/checkout with fetch-depth: 0)`,
    );
  }
  const input = names.map((n) => `${commit}:${CHAPTERS_DIR}/${n}`).join('\n') + '\n';
  const out = execFileSync('git', ['cat-file', '--batch'], { cwd: root, input, maxBuffer: 64 * 1024 * 1024 });
  const sources: ChapterSource[] = [];
  let at = 0;
  for (const name of names) {
    const nl = out.indexOf(10, at);
    const size = Number(out.subarray(at, nl).toString('utf8').split(' ')[2]);
    sources.push({ slug: name.replace(/\.mdx$/, ''), source: out.subarray(nl + 1, nl + 1 + size).toString('utf8') });
    at = nl + 1 + size + 1;
  }
  return sources;
}

/** Today's chapters, from the working tree (what this build renders). */
export function chaptersNow(root = process.cwd()): ChapterSource[] {
  const dir = join(root, CHAPTERS_DIR);
  return readdirSync(dir)
    .filter((n) => n.endsWith('.mdx'))
    .sort()
    .map((n) => ({ slug: n.replace(/\.mdx$/, ''), source: readFileSync(join(dir, n), 'utf8') }));
}
