import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/**
 * Characters Pagefind keeps inside words, so `--privileged`, `-itd`, `docker.sock`, `8080:80`
 * and `--net=host` are indexed and searched as students type them.
 */
export const SEARCH_CHARACTERS = '-';

/** Throw with every message Pagefind reported for one step. */
function check(step: string, errors: string[] | undefined): void {
  if (errors && errors.length) throw new Error(`Pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}

/**
 * Builds the Pagefind search index into `<outDir>/pagefind/` after Astro has written the site.
 * Only elements marked `data-pagefind-body` (the article of a chapter page) are indexed.
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'docker-basics:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        try {
          const { index, errors } = await pagefind.createIndex({ includeCharacters: SEARCH_CHARACTERS });
          check('createIndex', errors);
          if (!index) throw new Error('Pagefind createIndex returned no index');
          const added = await index.addDirectory({ path: outDir });
          check('addDirectory', added.errors);
          if (added.page_count === 0) throw new Error('Pagefind indexed 0 pages: is data-pagefind-body on the chapter article?');
          const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
          check('writeFiles', written.errors);
          logger.info(`Pagefind indexed ${added.page_count} pages`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
