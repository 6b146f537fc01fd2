/**
 * `npm run build`'s second half: `astro build && node src/build/finish-site.ts`. Runs the
 * post-build steps (steps.ts: the search index, then the offline worker) over the written site,
 * reading OUT_DIR, BASE_PATH and SERVICE_WORKER as astro.config.mjs does. A failed step exits with
 * 1 and its message (the search step removes the half-built site first).
 */
import { builtSite, runSteps } from './steps.ts';

try {
  await runSteps(builtSite(process.env));
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
