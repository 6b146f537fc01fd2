/**
 * `public/` is copied into the build as it is, and a symlink there would publish what it points
 * to (a link to /etc/passwd became dist/leak.txt, and the offline worker precached it). The build
 * refuses every link in `public/` that leads outside it or nowhere, naming the link and its target,
 * before anything is copied. Links that stay inside `public/` are fine. The servers refuse such
 * links too (src/server/inside-root.ts, src/server/nginx.conf).
 */
import { existsSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { linksLeaving } from '../server/inside-root.ts';

/** The error for a public folder with links out of it, or undefined when it has none. */
export function publicLinkProblems(folder: string, cwd = process.cwd()): string | undefined {
  const publicDir = folder.replace(/(.)\/+$/, '$1');
  if (!existsSync(publicDir)) return undefined;
  const rel = relative(cwd, publicDir);
  const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : publicDir;
  const links = linksLeaving(publicDir);
  if (!links.length) return undefined;
  return (
    `${shown}/ has ${links.length} symlink(s) that lead outside it; the build would publish what they point to:\n` +
    links.map((l) => `  ${shown}/${l.link} -> ${l.target}`).join('\n') +
    `\nCopy the file into ${shown}/ instead, or remove the link.`
  );
}

export function publicLinks(): AstroIntegration {
  return {
    name: 'docker-basics:public-links',
    hooks: {
      'astro:config:setup': ({ config }) => {
        const problem = publicLinkProblems(fileURLToPath(config.publicDir));
        if (problem) throw new Error(problem);
      },
    },
  };
}
