/**
 * A build never leaves a half-built site where it is served: `astro build` writes into a staging
 * folder beside the output (`dist.building/` for `dist/`), and the finished site replaces the
 * output folder only once every step has passed. A failed page render, search index or site check
 * leaves the previous `dist/` as it was (and `npm run serve` serves that), with the failed build
 * in `dist.building/` to look at.
 *
 * `npm run build` publishes as the last post-build step (src/build/steps.ts), after the search
 * index, the offline worker and the site check; a plain `astro build` leaves the site staged and
 * prints the command that finishes it (src/build/next-step.ts).
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { parse, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The folder a build is written to before it replaces `outDir`. */
export const stagingDir = (outDir: string): string => `${resolve(outDir).replace(/[\\/]$/, '')}.building`;

/** The site the last `astro build` wrote: the staging folder when there is one, else `outDir` itself. */
export function builtDir(outDir: string): string {
  return existsSync(stagingDir(outDir)) ? stagingDir(outDir) : resolve(outDir);
}

/**
 * Replace `outDir` with the staged build (a rename each way, so the old site is gone only once the
 * new one is in place). Refuses an output folder that is the project folder or above it.
 * Returns what happened, for the build log.
 */
export function publishStaged(outDir: string): string {
  const target = resolve(outDir);
  const staged = stagingDir(target);
  if (!existsSync(staged)) return `${target} was written in place (no staged build to publish)`;
  if (target === parse(target).root || target === resolve('.') || resolve('.').startsWith(target + sep)) {
    throw new Error(`OUT_DIR=${outDir} is the project folder or above it: the staged build stays in ${staged}`);
  }
  const old = `${target}.old`;
  rmSync(old, { recursive: true, force: true });
  if (existsSync(target)) renameSync(target, old);
  renameSync(staged, target);
  rmSync(old, { recursive: true, force: true });
  return `the finished site replaced ${target}`;
}

/** Point `astro build` at the staging folder; the last post-build step publishes it. */
export function stagedOutput(): AstroIntegration {
  return {
    name: 'docker-basics:staged-output',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        updateConfig({ outDir: pathToFileURL(`${stagingDir(fileURLToPath(config.outDir))}/`) });
      },
    },
  };
}
