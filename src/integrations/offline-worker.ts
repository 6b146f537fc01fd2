import { join } from 'node:path';
import { rm, writeFile } from 'node:fs/promises';
import { generateSW } from 'workbox-build';

/**
 * Offline reading: after one visit with a connection, the whole course (every page, its assets,
 * the Pagefind index, the spelling lists and the explainer) works with none. Workbox generates the
 * service worker from the built site, after Pagefind has written its index, so every file is
 * precached under a revisioned URL and a new deploy installs in the background.
 */

/** Where the worker is written, relative to the output directory and the base path. */
export const SERVICE_WORKER_PATH = 'sw.js';

/**
 * What is precached: every page and every file the pages and search fetch. Pagefind's own files
 * (`.pf_fragment`, `.pf_index`, `.pf_meta`, `.pagefind` WebAssembly) are named by extension.
 */
export const PRECACHE_PATTERNS = ['**/*.{html,css,js,json,svg,xml,txt,wasm,pagefind,pf_fragment,pf_index,pf_meta}'];

/**
 * Budget for the precache (bytes as stored, uncompressed). The site and its index were 1.8 MB on
 * 2026-12-01; a build over this fails, so the worker never downloads an unexpected amount in the
 * background (a student's phone on mobile data pays for every byte once).
 */
export const PRECACHE_BUDGET_BYTES = 6 * 1024 * 1024;

export interface PrecacheReport {
  count: number;
  size: number;
}

/** Written when offline reading is off (SERVICE_WORKER=off): a worker that removes itself and its caches. */
const REMOVE_WORKER = `self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (e) => e.waitUntil((async () => {
  for (const k of await caches.keys()) await caches.delete(k);
  await self.registration.unregister();
})()));
`;

/**
 * Write `<outDir>/sw.js` (and the Workbox runtime beside it) precaching the built site. `base` is
 * the site's base path (`/` or `/docker-basics/`): precache URLs carry it, so the worker serves
 * the same URLs the pages request.
 */
export async function writeServiceWorker(outDir: string, base: string): Promise<PrecacheReport> {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const { count, size, warnings } = await generateSW({
    globDirectory: outDir,
    globPatterns: PRECACHE_PATTERNS,
    globIgnores: [SERVICE_WORKER_PATH, 'workbox-*.js'],
    swDest: join(outDir, SERVICE_WORKER_PATH),
    modifyURLPrefix: { '': prefix },
    // Pages are precached as /page/index.html and requested as /page/.
    directoryIndex: 'index.html',
    // ?cmd= (explainer), ?q= (search page), ?hl= (search highlights) and Pagefind's ?ts= cache
    // buster all address the same precached file.
    ignoreURLParametersMatching: [/.*/],
    // A new deploy waits until the reader accepts "reload" (the page posts SKIP_WAITING).
    skipWaiting: false,
    // The first visit is controlled as soon as the worker is active, so it is available offline at once.
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
    sourcemap: false,
    mode: 'production',
    inlineWorkboxRuntime: true,
  });
  if (warnings.length) throw new Error(`Workbox: ${warnings.join('; ')}`);
  if (size > PRECACHE_BUDGET_BYTES) {
    throw new Error(
      `The offline precache is ${(size / 1024).toFixed(0)} KB, over its budget of ${(PRECACHE_BUDGET_BYTES / 1024).toFixed(0)} KB ` +
        `(PRECACHE_BUDGET_BYTES in src/integrations/offline-worker.ts): find what grew, or raise the budget on purpose.`,
    );
  }
  return { count, size };
}

/**
 * The offline step of a build: the worker precaching `outDir` (after the Pagefind index is
 * written), or, with offline reading off, a worker that removes any installed one. Returns the
 * line to log.
 */
export async function finishOfflineWorker(outDir: string, base: string, enabled: boolean): Promise<string> {
  if (!enabled) {
    await rm(join(outDir, SERVICE_WORKER_PATH), { force: true });
    await writeFile(join(outDir, SERVICE_WORKER_PATH), REMOVE_WORKER);
    return 'Offline reading is off (SERVICE_WORKER=off): sw.js removes any installed worker';
  }
  const { count, size } = await writeServiceWorker(outDir, base);
  return `Service worker precaches ${count} files, ${(size / 1024).toFixed(0)} KB (budget ${(PRECACHE_BUDGET_BYTES / 1024).toFixed(0)} KB)`;
}
