import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import type { AstroIntegration } from 'astro';
import { formatProblems, lintChapter } from '../lib/checks/content-lint.ts';
import { checkKnownWrong, parseKnownWrong } from '../lib/checks/known-wrong.ts';

/**
 * Fails the build (and the dev server start) when a chapter has a problem Markdown would let
 * through: an unknown code-fence language, a heading without an explicit id, a duplicate id,
 * a smart dash in a flag, a prompt or a non-ASCII character in copyable code; and a statement or
 * an image tag listed in content/reference/known-wrong.yaml (src/lib/checks/known-wrong.ts).
 */
export function contentLint(): AstroIntegration {
  return {
    name: 'docker-basics:content-lint',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const root = fileURLToPath(config.root);
        const dir = join(root, 'content', 'chapters');
        const files = readdirSync(dir).filter((f) => f.endsWith('.mdx') || f.endsWith('.md'));
        const knownWrongFile = join(root, 'content', 'reference', 'known-wrong.yaml');
        const knownWrong = parseKnownWrong(readFileSync(knownWrongFile, 'utf8'), relative(root, knownWrongFile));
        const today = new Date().toISOString().slice(0, 10);
        const problems = files.flatMap((f) => {
          const path = join(dir, f);
          const source = readFileSync(path, 'utf8');
          return [...lintChapter(relative(root, path), source), ...checkKnownWrong(relative(root, path), source, knownWrong, today)];
        });
        if (problems.length) {
          throw new Error(`Chapter content has ${problems.length} problem(s):\n${formatProblems(problems)}`);
        }
        logger.info(`${files.length} chapters passed the content lint`);
      },
    },
  };
}
