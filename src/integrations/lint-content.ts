import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent } from '../lib/checks/check-content.ts';
import { formatProblems } from '../lib/checks/content-lint.ts';

/**
 * Fails the build (and the dev server start) when the content breaks a rule of src/lib/checks/
 * (check-content.ts lists them): every problem is printed with its file and line, before Astro
 * renders anything.
 */
export function contentLint(options: { root?: string; chaptersDir?: string } = {}): AstroIntegration {
  return {
    name: 'docker-basics:content-lint',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        // A fixture site (tests/unit/bad-input.test.ts) passes the project root and its own chapters.
        const siteRoot = fileURLToPath(config.root);
        const root = options.root ?? siteRoot;
        const chaptersDir = options.chaptersDir === undefined ? undefined : resolve(siteRoot, options.chaptersDir);
        const { problems, chapters } = checkContent({ root, ...(chaptersDir ? { chaptersDir } : {}) });
        if (problems.length) {
          throw new Error(`The content has ${problems.length} problem(s):\n${formatProblems(problems)}`);
        }
        logger.info(`${chapters} chapters and the command reference passed the content checks`);
      },
    },
  };
}
