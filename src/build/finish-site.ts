/**
 * The last steps of `npm run build`, run after `astro build` has exited (the build script is
 * `DOCKER_BASICS_AFTER_ASTRO=1 astro build && node src/build/finish-site.ts`; after-astro.ts says
 * why): the search index and spelling lists, then the offline worker, over the written site. Reads
 * OUT_DIR, BASE_PATH and SERVICE_WORKER as astro.config.mjs does. A failed step exits with 1 and
 * its message (the search step removes the half-built site, as it does inside `astro build`).
 */
import { indexSite } from '../integrations/search-index.ts';
import { finishOfflineWorker } from '../integrations/offline-worker.ts';
import { buildOutput, siteConfig } from '../integrations/site-config.ts';
import { checkSite } from './check-site.ts';
import { builtDir, publishStaged } from '../integrations/staged-output.ts';

function log(name: string, line: string): void {
  console.log(`${new Date().toTimeString().slice(0, 8)} [docker-basics:${name}] ${line}`);
}

try {
  const { base } = siteConfig(process.env);
  const { outDir: target, offline } = buildOutput(process.env);
  const outDir = builtDir(target);
  log('pagefind', await indexSite(outDir));
  log('service-worker', await finishOfflineWorker(outDir, base, offline));
  log('check-site', checkSite({ outDir, base, siteOrigin: siteConfig(process.env).site }));
  log('staged-output', publishStaged(target));
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
