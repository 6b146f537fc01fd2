import { resolve, dirname } from 'node:path';
import type { Plugin } from 'vite';

const PREFIX = '\0lazy-url:';

/**
 * `import url from './module.ts?lazy-url'` gives the URL of `module.ts` built as its own chunk, to
 * load later with `import(url)`. Unlike a plain `import('./module.ts')`, it adds no preload helper
 * (about 1 KB) to the importing script, which keeps the JavaScript a page loads up front tiny.
 */
export function lazyUrl(): Plugin {
  let build = false;
  return {
    name: 'docker-basics:lazy-url',
    enforce: 'pre',
    configResolved(config) {
      build = config.command === 'build';
    },
    resolveId(id, importer) {
      if (!id.endsWith('?lazy-url') || !importer) return null;
      return PREFIX + resolve(dirname(importer), id.slice(0, -'?lazy-url'.length));
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length);
      if (!build || this.environment.config.consumer !== 'client') {
        return `export default ${JSON.stringify(`/@fs${file}`)};`;
      }
      const ref = this.emitFile({ type: 'chunk', id: file });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}
