/**
 * What "inside the site" means for the static server, precompress.ts and the build's check of
 * `public/`: a path whose real path (every symlink resolved) is the root or below it. A link that
 * stays inside (`alias.html -> index.html`) is fine; one that leaves (`leak.txt -> /etc/passwd`,
 * `etc -> /etc`, `up -> ..`) is not, and a folder link is never walked into, so a link to `.`
 * cannot loop.
 */
import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Is `real` (already resolved with realpath) the root or below it? */
export function insideRoot(real: string, realRoot: string): boolean {
  return real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
}

export interface LinkOut {
  /** The link, relative to the root it was found under (`leak.txt`, `docs/etc`). */
  link: string;
  /** Where it points once resolved, or why it cannot be resolved (a dangling link, a loop). */
  target: string;
}

/**
 * Every symlink under `root` that leads outside it or nowhere, found without following any link.
 * `public/` is copied into the build as it is: a link there would publish what it points to.
 */
export function linksLeaving(root: string): LinkOut[] {
  const realRoot = realpathSync(root);
  const out: LinkOut[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(path);
        } catch (e) {
          out.push({ link: relative(root, path), target: `unresolvable (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
          continue;
        }
        if (!insideRoot(target, realRoot)) out.push({ link: relative(root, path), target });
      } else if (entry.isDirectory()) walk(path);
    }
  };
  walk(root);
  return out;
}

/**
 * Every regular file under `root`, as [folder, name]; symlinks are not followed (a linked folder
 * is neither walked nor written into), so nothing outside the root is ever read or written.
 */
export function filesInside(root: string): Array<[dir: string, name: string]> {
  const files: Array<[string, string]> = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.isFile()) files.push([dir, entry.name]);
    }
  };
  if (lstatSync(root).isDirectory()) walk(root);
  else walk(realpathSync(root));
  return files;
}
