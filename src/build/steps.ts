/**
 * The steps that finish a site after `astro build` has written its pages: each reads the whole
 * written site, so they run in their own process once Astro's has exited (src/build/finish-site.ts),
 * never beside Astro's 700 MiB at 300 pages. `npm run build` is `astro build && node
 * src/build/finish-site.ts`; a plain `astro build` ends by printing what is left (next-step.ts).
 *
 * To add a step, add it to POST_BUILD_STEPS, in the order it must run. Each step's module is loaded
 * only when the step runs, so this list costs Astro's process nothing.
 */
import { buildOutput, siteConfig } from '../integrations/site-config.ts';
import { builtDir } from '../integrations/staged-output.ts';
import { snapshotMode, type SnapshotMode } from '../lib/terms/snapshot-mode.ts';
import { readTerms, type Term } from '../lib/terms/terms.ts';

/** The written site, as every step sees it. */
export interface BuiltSite {
  /** Where `astro build` wrote the site: the staging folder `<OUT_DIR>.building` (staged-output.ts), or OUT_DIR itself. */
  outDir: string;
  /** The output directory the finished site replaces, absolute (OUT_DIR or dist/). */
  publishTo: string;
  /** The base path, `/` or `/docker-basics/`. */
  base: string;
  /** The site's origin (SITE_URL): absolute links to it are the site's own. */
  siteOrigin: string;
  /** Whether offline reading is on (SERVICE_WORKER is not `off`). */
  offline: boolean;
  /** The build's cache folder (ASTRO_CACHE_DIR or node_modules/.astro): what a step keeps between builds. */
  cacheDir: string;
  /** The term snapshot this build is (SNAPSHOT_TERM), or undefined for the current site. */
  snapshot?: SnapshotMode | undefined;
  /** The current site's term snapshots (content/terms.yaml), copied in by the last step but one; none in a snapshot. */
  terms?: readonly Term[];
}

/**
 * Paths served by another build beside this one, with the base: the current site's snapshots
 * (`/2027-spring/`), or, in a snapshot, the current site. The link check leaves links there to
 * that build's own check, and the current site's offline worker leaves the snapshots' paths alone.
 */
export function otherSites(site: Pick<BuiltSite, 'base' | 'snapshot' | 'terms'>): string[] {
  if (site.snapshot) return [site.snapshot.currentBase];
  return (site.terms ?? []).map((t) => `${site.base}${t.id}/`);
}

export interface PostBuildStep {
  /** Short name, printed with the step's line and time: `[docker-basics:<name>]`. */
  name: string;
  /** What the step writes, for the line a plain `astro build` prints. */
  writes: string;
  /** Runs the step; resolves to the line to print, throws with a message that says what to do. */
  run(site: BuiltSite): Promise<string>;
}

export const POST_BUILD_STEPS: readonly PostBuildStep[] = [
  {
    name: 'search-index',
    writes: 'the search index',
    run: async ({ outDir }) => (await import('../integrations/search-index.ts')).indexSite(outDir),
  },
  // After the search index: it precaches what the steps before it wrote.
  {
    name: 'offline-worker',
    writes: 'the offline worker',
    run: async (site) =>
      (await import('../integrations/offline-worker.ts')).finishOfflineWorker(site.outDir, site.base, site.offline, site.cacheDir, {
        term: site.snapshot?.term,
        leave: otherSites(site),
      }),
  },
  // Every link, fragment, id, published anchor, alt text and self-check question of the finished pages.
  {
    name: 'check-site',
    writes: 'the check of links, anchors and ids',
    run: async (site) =>
      (await import('./check-site.ts')).checkSite({ outDir: site.outDir, base: site.base, siteOrigin: site.siteOrigin, otherSites: otherSites(site) }),
  },
  // After the check (a snapshot was checked by its own build, against its own commit's rules):
  // each term of content/terms.yaml, built from its own commit, into <outDir>/<term>/.
  {
    name: 'term-snapshots',
    writes: 'the term snapshots of content/terms.yaml',
    run: async (site) => (await import('./include-snapshots.ts')).includeSnapshots(site),
  },
  // Last: the finished site replaces the output folder only now, so a failed step never leaves a half-built one.
  {
    name: 'staged-output',
    writes: 'the move of the finished site into the output folder',
    run: async ({ publishTo }) => (await import('../integrations/staged-output.ts')).publishStaged(publishTo),
  },
];

/** The site as astro.config.mjs builds it, from the same variables (OUT_DIR, BASE_PATH, SERVICE_WORKER). */
export function builtSite(env: Record<string, string | undefined> = process.env): BuiltSite {
  const { outDir, offline, cacheDir } = buildOutput(env);
  const { site, base } = siteConfig(env);
  const snapshot = snapshotMode(env, base);
  return { outDir: builtDir(outDir), publishTo: outDir, base, siteOrigin: site, offline, cacheDir, snapshot, terms: snapshot ? [] : readTerms() };
}

export interface StepResult {
  name: string;
  line: string;
  seconds: number;
}

/**
 * Run `steps` in order over `site`, printing each one's line and time as it ends (the bench reads
 * these times). The first failure stops the rest: it throws with the step's name and message.
 */
export async function runSteps(
  site: BuiltSite,
  steps: readonly PostBuildStep[] = POST_BUILD_STEPS,
  print: (line: string) => void = console.log,
): Promise<StepResult[]> {
  const results: StepResult[] = [];
  for (const step of steps) {
    const started = performance.now();
    let line: string;
    try {
      line = await step.run(site);
    } catch (e) {
      throw new Error(`Post-build step "${step.name}" failed:\n${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
    const seconds = (performance.now() - started) / 1000;
    print(`${new Date().toTimeString().slice(0, 8)} [docker-basics:${step.name}] ${line} (${stepTime(seconds)})`);
    results.push({ name: step.name, line, seconds });
  }
  return results;
}

/** How a step's time is printed at the end of its line, e.g. `in 2.41 s`; STEP_TIME reads it back. */
export const stepTime = (seconds: number) => `in ${seconds.toFixed(2)} s`;
export const STEP_TIME = /\[docker-basics:([\w-]+)\] .* \(in ([\d.]+) s\)$/;
