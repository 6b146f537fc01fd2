import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { generateSW, getManifest } from 'workbox-build';
import { buildOutput } from './site-config.ts';
import { cacheName } from '../lib/terms/snapshot-mode.ts';

/**
 * Offline reading: after one visit with a connection, the course works with none. Workbox
 * generates the service worker from the built site, after Pagefind has written its index.
 *
 * The worker precaches, under revisioned URLs, what offline reading needs in the order a reader
 * needs it, up to a budget that does not grow with the site: first the shell (every script, data
 * file and the search runtime, the home, 404, search and explainer pages), then the search index,
 * then the pages in the sitemap's order (the course's order), each with its search fragment.
 * Whatever does not fit is cached the first time it is fetched (runtime caching), so a page read
 * once online stays readable offline. Today's course fits whole; a course ten times its size
 * precaches its first chapters and the search index. An address nothing answers offline (a typo,
 * a page never visited) shows the precached 404 page, not the browser's error page.
 */

/** Where the worker is written, relative to the output directory and the base path. */
export const SERVICE_WORKER_PATH = 'sw.js';

/**
 * What may be precached: every page and every file the pages and search fetch. Pagefind's own
 * files (`.pf_fragment`, `.pf_index`, `.pf_meta`, `.pagefind` WebAssembly) are named by extension.
 */
export const PRECACHE_PATTERNS = ['**/*.{html,css,js,json,svg,xml,txt,wasm,pagefind,pf_fragment,pf_index,pf_meta}'];

/**
 * Budget for the precache (bytes as stored, uncompressed): the most the worker downloads in the
 * background after the first visit (a student's phone on mobile data pays for every byte once).
 * The precache is filled up to it and never past it, so the budget holds however many pages the
 * course has; only a shell (scripts, data, search runtime) over it fails the build. The whole site
 * was 2.8 MB on 2026-12-01.
 */
export const PRECACHE_BUDGET_BYTES = 6 * 1024 * 1024;

/** Pages in the shell, precached whatever the budget: the home page, the offline 404, search and the explainer. */
export const SHELL_PAGES = ['index.html', '404.html', 'search/index.html', 'explain/index.html'];

/** Search files fetched per query (index chunks and result fragments); the rest of pagefind/ is the runtime. */
const SEARCH_INDEX = /^pagefind\/index\//;
const SEARCH_FRAGMENT = /^pagefind\/fragment\//;

/** What the precache is chosen from, read from the written site. */
export interface PrecachePlan {
  /** Pages as files relative to the output directory (`what-is-docker/index.html`), in reading order. */
  pages: string[];
  /** Each search fragment file (relative to the output directory) and the page file it shows. */
  fragmentPage: Map<string, string>;
}

/** A page's URL path (`/what-is-docker/`, as the sitemap or Pagefind gives it, without the base) as its file. */
const pageFile = (path: string) => `${path.replace(/^\/+/, '')}${path.endsWith('/') || path === '' ? 'index.html' : ''}`;

/**
 * The reading order from `<outDir>/sitemap.xml` (home, chapters in course order, tool pages) and
 * each Pagefind fragment's page (a fragment is gzip: `pagefind_dcd` and JSON with the page's `url`).
 */
export function readPrecachePlan(outDir: string, base: string): PrecachePlan {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const sitemapFile = join(outDir, 'sitemap.xml');
  if (!existsSync(sitemapFile)) {
    throw new Error(
      `Offline worker: ${sitemapFile} is missing. The precache takes the reading order from it (src/pages/sitemap.xml.ts): run the whole \`npm run build\`.`,
    );
  }
  const sitemap = readFileSync(sitemapFile, 'utf8');
  const pages = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => pageFile(new URL(m[1]!).pathname.slice(prefix.length - 1)));
  const fragmentPage = new Map<string, string>();
  const dir = join(outDir, 'pagefind/fragment');
  for (const f of existsSync(dir) ? readdirSync(dir) : []) {
    const text = gunzipSync(readFileSync(join(dir, f))).toString('utf8');
    const url = /^pagefind_dcd(\{"url":"((?:[^"\\]|\\.)*)")/.exec(text)?.[2];
    if (url === undefined) continue;
    const path = JSON.parse(`"${url}"`) as string;
    fragmentPage.set(`pagefind/fragment/${f}`, pageFile(prefix !== '/' && path.startsWith(prefix) ? path.slice(prefix.length - 1) : path));
  }
  return { pages, fragmentPage };
}

export interface SizedEntry {
  /** The URL, with the base path in front. */
  url: string;
  size: number;
}

export interface PrecacheChoice<E extends SizedEntry> {
  precache: E[];
  /** Files left to runtime caching, and how many of them are pages. */
  left: E[];
  leftPages: number;
}

/**
 * Choose the precache from every candidate file (Workbox's manifest, URLs with `prefix`): the
 * shell always, then the search index, then each page of `plan.pages` with its fragments, then
 * any other file, in that order while the total stays within `budget`; everything from the first
 * group that does not fit on is left to runtime caching. Throws when the shell alone is over the
 * budget, naming its largest files.
 */
export function choosePrecache<E extends SizedEntry>(entries: E[], prefix: string, plan: PrecachePlan, budget = PRECACHE_BUDGET_BYTES): PrecacheChoice<E> {
  const byFile = new Map(entries.map((e) => [e.url.slice(prefix.length), e]));
  const taken = new Set<string>();
  const take = (files: string[]) => files.filter((f) => byFile.has(f) && !taken.has(f) && taken.add(f));
  const isShell = (f: string) => SHELL_PAGES.includes(f) || (!f.endsWith('.html') && !SEARCH_INDEX.test(f) && !SEARCH_FRAGMENT.test(f));
  const shell = take([...byFile.keys()].filter(isShell));
  const fragmentsOf = new Map<string, string[]>();
  for (const [fragment, page] of plan.fragmentPage) fragmentsOf.set(page, [...(fragmentsOf.get(page) ?? []), fragment]);
  const groups = [
    take([...byFile.keys()].filter((f) => SEARCH_INDEX.test(f)).sort()),
    ...plan.pages.map((p) => take([p, ...(fragmentsOf.get(p) ?? [])])),
    ...take([...byFile.keys()].sort()).map((f) => [f]),
  ];
  const sizeOf = (files: string[]) => files.reduce((n, f) => n + byFile.get(f)!.size, 0);
  let total = sizeOf(shell);
  if (total > budget) {
    const largest = [...shell].sort((a, b) => byFile.get(b)!.size - byFile.get(a)!.size).slice(0, 5);
    throw new Error(
      `The offline worker's shell (scripts, data, search runtime and ${SHELL_PAGES.join(', ')}) is ${kib(total)} KB, ` +
        `over the precache budget of ${kib(budget)} KB (PRECACHE_BUDGET_BYTES in src/integrations/offline-worker.ts). ` +
        `Largest: ${largest.map((f) => `${f} (${kib(byFile.get(f)!.size)} KB)`).join(', ')}. Find what grew, or raise the budget on purpose.`,
    );
  }
  const precache = [...shell];
  let i = 0;
  for (; i < groups.length && total + sizeOf(groups[i]!) <= budget; i++) {
    precache.push(...groups[i]!);
    total += sizeOf(groups[i]!);
  }
  const left = groups.slice(i).flat();
  return {
    precache: precache.map((f) => byFile.get(f)!),
    left: left.map((f) => byFile.get(f)!),
    leftPages: left.filter((f) => f.endsWith('.html')).length,
  };
}

const kib = (n: number) => (n / 1024).toFixed(0);

export interface PrecacheReport {
  count: number;
  size: number;
  /** Files and pages left to runtime caching, and their bytes. */
  leftFiles: number;
  leftPages: number;
  leftSize: number;
}

/** Written when offline reading is off (SERVICE_WORKER=off): a worker that removes itself and its caches. */
const REMOVE_WORKER = `self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (e) => e.waitUntil((async () => {
  for (const k of await caches.keys()) await caches.delete(k);
  await self.registration.unregister();
})()));
`;

/** Where a worker sits among the builds on one origin (src/lib/terms/): a snapshot's term, the paths of the others. */
export interface WorkerScope {
  /** The term snapshot this worker serves (its cache names carry it), or undefined for the current site. */
  term?: string | undefined;
  /** Paths (with the base) of other builds, each with its own worker, whose navigations this worker leaves alone. */
  leave?: readonly string[];
}

/**
 * The route of navigations this worker answers (network first, its 404 offline): every one, except
 * under another build's path in `leave` (a term snapshot, with its own worker scoped to it), which
 * is neither cached in this worker's pages nor answered with its 404. Workbox writes the function
 * into sw.js as source, so the paths are written into its text.
 */
export function navigationMatch(leave: readonly string[] = []): (o: { request: Request; url: URL }) => boolean {
  if (!leave.length) return ({ request }) => request.mode === 'navigate';
  // Built from text: a closure over `leave` would not survive into sw.js.
  return new Function('{ request, url }', `return request.mode === 'navigate' && !${JSON.stringify(leave)}.some((p) => url.pathname.startsWith(p));`) as (o: {
    request: Request;
    url: URL;
  }) => boolean;
}

/** Stands in for the precache list in the cached worker (see workerRuntime), and that list as Terser writes it. */
const MANIFEST_SLOT = { url: '__docker_basics_precache__', revision: null };
const MANIFEST_SLOT_CODE = /\[\{url:"__docker_basics_precache__",revision:null\}\]/;

/**
 * The worker's code without its precache list: Workbox's runtime (precaching, routing, the two
 * runtime caches, the 404 fallback) bundled and minified by generateSW, which takes seconds of
 * Rollup and Terser (most of this step's time). It depends only on Workbox's version and these
 * options, so it is kept in `<cacheDir>/offline-worker/`, named by their hash, and built again
 * only when one changes; the list of the site's files is put into it at each build.
 */
async function workerRuntime(prefix: string, cacheDir: string, { term, leave = [] }: WorkerScope = {}): Promise<string> {
  const navigation = navigationMatch(leave);
  const options = {
    swDest: '',
    globDirectory: '',
    globPatterns: [] as string[],
    additionalManifestEntries: [MANIFEST_SLOT],
    // Pages are precached as /page/index.html and requested as /page/.
    directoryIndex: 'index.html',
    // ?cmd= (explainer), ?q= (search page), ?hl= (search highlights) and Pagefind's ?ts= cache
    // buster all address the same precached file.
    ignoreURLParametersMatching: [/.*/],
    runtimeCaching: [
      {
        // A page not precached: from the network, and kept for reading offline. Offline, a page
        // never visited or a mistyped address gets the precached 404 page (with its suggestion).
        urlPattern: navigation,
        handler: 'NetworkFirst' as const,
        options: {
          // A snapshot's caches carry its term: one origin shares its cache names across workers,
          // and each worker's expiration would otherwise evict the other's pages.
          cacheName: cacheName('pages', term),
          matchOptions: { ignoreSearch: true },
          expiration: { maxEntries: 500 },
          precacheFallback: { fallbackURL: `${prefix}404.html` },
        },
      },
      {
        // Search index chunks and fragments not precached: their names change with their content,
        // so a cached copy is never stale. Only this site's index (anchored after the origin): not a snapshot's.
        urlPattern: new RegExp(`^https?://[^/]+${prefix.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}pagefind/(?:index|fragment)/`),
        handler: 'CacheFirst' as const,
        options: { cacheName: cacheName('search', term), expiration: { maxEntries: 2000 } },
      },
    ],
    // A new deploy waits until the reader accepts "reload" (the page posts SKIP_WAITING).
    skipWaiting: false,
    // The first visit is controlled as soon as the worker is active, so it is available offline at once.
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    sourcemap: false,
    mode: 'production',
    inlineWorkboxRuntime: true,
  };
  const require = createRequire(import.meta.url);
  const workbox = (JSON.parse(readFileSync(require.resolve('workbox-build/package.json'), 'utf8')) as { version: string }).version;
  const key = createHash('sha256')
    .update(JSON.stringify([workbox, options], (_, v: unknown) => (typeof v === 'function' || v instanceof RegExp ? String(v) : v)))
    .digest('hex')
    .slice(0, 32);
  const cached = join(cacheDir, 'offline-worker', `${key}.js`);
  try {
    return readFileSync(cached, 'utf8');
  } catch {
    // Not built yet with these options: build it below.
  }
  const work = await mkdtemp(join(tmpdir(), 'docker-basics-sw-'));
  try {
    const { warnings } = await generateSW({ ...options, swDest: join(work, SERVICE_WORKER_PATH), globDirectory: work });
    if (warnings.length) throw new Error(`Workbox: ${warnings.join('; ')}`);
    const code = readFileSync(join(work, SERVICE_WORKER_PATH), 'utf8');
    if (code.split(MANIFEST_SLOT_CODE).length !== 2) {
      throw new Error(
        `Workbox ${workbox} no longer writes the precache list as one literal (${MANIFEST_SLOT_CODE}): update MANIFEST_SLOT_CODE in src/integrations/offline-worker.ts`,
      );
    }
    try {
      mkdirSync(dirname(cached), { recursive: true });
      writeFileSync(`${cached}.${process.pid}.tmp`, code);
      renameSync(`${cached}.${process.pid}.tmp`, cached);
    } catch {
      // A read-only cache only costs the next build this bundling.
    }
    return code;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Write `<outDir>/sw.js` precaching what choosePrecache picks from the built site, and caching the
 * rest on first use. `base` is the site's base path (`/` or `/docker-basics/`): precache URLs carry
 * it, so the worker serves the same URLs the pages request. `cacheDir` keeps the bundled runtime.
 */
export async function writeServiceWorker(
  outDir: string,
  base: string,
  {
    budget = PRECACHE_BUDGET_BYTES,
    cacheDir = buildOutput(process.env).cacheDir,
    scope = {},
  }: { budget?: number; cacheDir?: string; scope?: WorkerScope } = {},
): Promise<PrecacheReport> {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const plan = readPrecachePlan(outDir, prefix);
  let choice: PrecacheChoice<SizedEntry> | undefined;
  const { manifestEntries, count, size, warnings } = await getManifest({
    globDirectory: outDir,
    globPatterns: PRECACHE_PATTERNS,
    globIgnores: [SERVICE_WORKER_PATH, 'workbox-*.js'],
    modifyURLPrefix: { '': prefix },
    maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
    manifestTransforms: [
      (entries) => {
        const chosen = choosePrecache(entries, prefix, plan, budget);
        choice = chosen;
        return { manifest: chosen.precache, warnings: [] };
      },
    ],
  });
  if (warnings.length) throw new Error(`Workbox: ${warnings.join('; ')}`);
  const runtime = await workerRuntime(prefix, cacheDir, scope);
  // Written as generateSW writes it (unquoted keys), so the list reads the same in every sw.js.
  const list = `[${(manifestEntries ?? []).map(({ url, revision }) => `{url:${JSON.stringify(url)},revision:${JSON.stringify(revision)}}`).join(',')}]`;
  await writeFile(
    join(outDir, SERVICE_WORKER_PATH),
    runtime.replace(MANIFEST_SLOT_CODE, () => list),
  );
  const rest = choice?.left ?? [];
  return { count, size, leftFiles: rest.length, leftPages: choice?.leftPages ?? 0, leftSize: rest.reduce((n, e) => n + e.size, 0) };
}

/**
 * The offline step of a build: the worker precaching `outDir` (after the Pagefind index is
 * written), or, with offline reading off, a worker that removes any installed one. Returns the
 * line to log.
 */
export async function finishOfflineWorker(outDir: string, base: string, enabled: boolean, cacheDir?: string, scope: WorkerScope = {}): Promise<string> {
  if (!enabled) {
    await rm(join(outDir, SERVICE_WORKER_PATH), { force: true });
    await writeFile(join(outDir, SERVICE_WORKER_PATH), REMOVE_WORKER);
    return 'Offline reading is off (SERVICE_WORKER=off): sw.js removes any installed worker';
  }
  const r = await writeServiceWorker(outDir, base, { ...(cacheDir ? { cacheDir } : {}), scope });
  const rest = r.leftFiles ? `; ${r.leftFiles} files (${r.leftPages} pages, ${kib(r.leftSize)} KB) are cached on first use` : '; nothing is left to first use';
  return `Service worker precaches ${r.count} files, ${kib(r.size)} KB (budget ${kib(PRECACHE_BUDGET_BYTES)} KB)${rest}`;
}
