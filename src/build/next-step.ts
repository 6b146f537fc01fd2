/**
 * The integration that ends a plain `astro build` by saying what is left: the post-build steps
 * (steps.ts) run only in `node src/build/finish-site.ts`, which `npm run build` runs next. Without
 * them the pages are written but search and offline reading are missing.
 */
import type { AstroIntegration } from 'astro';
import { POST_BUILD_STEPS } from './steps.ts';

export const FINISH_COMMAND = 'node src/build/finish-site.ts';

/** The line printed after `astro build`. */
export function nextStepLine(): string {
  const what = POST_BUILD_STEPS.map((s) => s.writes);
  const list = what.length > 1 ? `${what.slice(0, -1).join(', ')} and ${what.at(-1)}` : what[0];
  return `Pages written. Still to do: ${list}, by \`${FINISH_COMMAND}\` (npm run build runs it next).`;
}

export function postBuildNotice(): AstroIntegration {
  return {
    name: 'docker-basics:post-build',
    hooks: {
      'astro:build:done': ({ logger }) => logger.info(nextStepLine()),
    },
  };
}
