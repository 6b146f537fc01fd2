import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import type { AstroIntegration } from 'astro';
import { formatProblems, lintChapter } from '../lib/checks/content-lint.ts';

/**
 * Fails the build (and the dev server start) when a chapter has a problem Markdown would let
 * through: an unknown code-fence language, a heading without an explicit id, a duplicate id,
 * a smart dash in a flag, a prompt or a non-ASCII character in copyable code.
 */
export function contentLint(): AstroIntegration {
  return {
    name: 'docker-basics:content-lint',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const root = fileURLToPath(config.root);
        const dir = join(root, 'content', 'chapters');
        const files = readdirSync(dir).filter((f) => f.endsWith('.mdx') || f.endsWith('.md'));
        const problems = files.flatMap((f) => {
          const path = join(dir, f);
          return lintChapter(relative(root, path), readFileSync(path, 'utf8'));
        });
        if (problems.length) {
          throw new Error(`Chapter content has ${problems.length} problem(s):\n${formatProblems(problems)}`);
        }
        logger.info(`${files.length} chapters passed the content lint`);
      },
    },
  };
}
