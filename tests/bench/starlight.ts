/**
 * The benchmark's side-by-side comparison with Astro Starlight (tests/bench/bench.ts): a plain
 * Starlight site (tests/bench/starlight/, its own npm project with exact versions) is filled with
 * our chapters (tests/bench/starlight-content.ts), built and timed with the same `measureBuild`,
 * served by our static server and loaded with the same `loadOnce` under the same profile.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { startServer } from '../../src/server/static-server.ts';
import { loadOnce, measureBuild, medianLoad, ROOT, ROOT_BIN, type BuildFigures, type Load } from './measure.ts';
import { chapterToStarlight, commandsFromHtml } from './starlight-content.ts';

export const STARLIGHT_DIR = join(ROOT, 'tests/bench/starlight');
const CHAPTERS = join(ROOT, 'content/chapters');
/** Files of tests/bench/starlight/ that make the site (the rest is its npm project). */
const PROJECT_FILES = ['astro.config.mjs', 'package.json', 'src/content.config.mjs'];

/** How the `commands` chapter (generated from data on our side) is given to Starlight. */
export const COMMANDS_NOTE = "the commands chapter is our built page's HTML body in a Starlight Markdown page";

export type Installed = { ok: true; versions: Record<string, string> } | { ok: false; reason: string };

/**
 * Install tests/bench/starlight/ with `npm ci` when its node_modules is missing, on our pinned
 * Node 22 (on Node 20, npm would resolve differently). Never throws: a failed install (offline, a
 * registry error) is a reason to skip the comparison, not to lose the rest of the bench.
 */
export function ensureStarlightInstalled(): Installed {
  const pkg = JSON.parse(readFileSync(join(STARLIGHT_DIR, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  if (!existsSync(join(STARLIGHT_DIR, 'node_modules/.bin/astro'))) {
    console.log(`Installing the Starlight comparison project (npm ci in ${STARLIGHT_DIR}) …`);
    const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
      cwd: STARLIGHT_DIR,
      env: { ...process.env, PATH: `${ROOT_BIN}:${process.env['PATH']}` },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (r.status !== 0) {
      // npm's first error lines say what failed (code, the request); its last ones only point to its log.
      const lines = `${r.stderr}\n${r.stdout}`.split('\n').filter((l) => /\berror\b/i.test(l));
      const why = r.error?.message ?? (lines.slice(0, 4).join('; ') || 'no output');
      return { ok: false, reason: `npm ci in tests/bench/starlight failed (exit ${r.status ?? 'none'}): ${why}` };
    }
  }
  // The lock pins exact versions; a stale node_modules from another lock would compare another Starlight.
  const versions: Record<string, string> = {};
  for (const [name, wanted] of Object.entries(pkg.dependencies)) {
    const file = join(STARLIGHT_DIR, 'node_modules', name, 'package.json');
    const got = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : 'missing';
    if (got !== wanted)
      return {
        ok: false,
        reason: `tests/bench/starlight/node_modules has ${name} ${got}, package.json pins ${wanted}: delete that node_modules and run again`,
      };
    versions[name] = got;
  }
  return { ok: true, versions };
}

export interface StarlightProject {
  dir: string;
  /** Slugs of the chapters (not of their copies), in file order. */
  slugs: string[];
  /** Chapter pages in all, copies included. */
  chapters: number;
}

/**
 * A temporary Starlight project holding our chapters `scale` times (as `generateLargeProject`
 * repeats them for our site). `ourSite` is our built site: the commands chapter comes from it.
 */
export function generateStarlightProject(scale: number, ourSite: string): StarlightProject {
  // Inside tests/bench/starlight/ (git-ignored), so that Node finds its node_modules by walking
  // up. A copy in the system's temporary folder with node_modules symlinked (as our scaled build
  // does) fails to build: Vite resolves Starlight's components to their real path outside the
  // project ("No cached compile metadata found for …/Page.astro?astro&type=style").
  const dir = mkdtempSync(join(STARLIGHT_DIR, '.work-'));
  for (const f of PROJECT_FILES) cpSync(join(STARLIGHT_DIR, f), join(dir, f), { recursive: true });
  const docs = join(dir, 'src/content/docs');
  mkdirSync(docs, { recursive: true });
  const slugs: string[] = [];
  for (const f of readdirSync(CHAPTERS)
    .filter((x) => x.endsWith('.mdx'))
    .sort()) {
    const slug = f.replace(/\.mdx$/, '');
    const source = readFileSync(join(CHAPTERS, f), 'utf8');
    const fromData = source.includes('<CommandReference');
    const built = fromData ? readFileSync(join(ourSite, slug, 'index.html'), 'utf8') : '';
    for (let i = 0; i < scale; i++) {
      // Same content, a unique sidebar order and its own URL, as for our scaled build.
      const order = i * 1000;
      const name = i ? `${slug}-copy-${i}` : slug;
      if (fromData) writeFileSync(join(docs, `${name}.md`), commandsFromHtml(source, built, order));
      else writeFileSync(join(docs, `${name}.mdx`), chapterToStarlight(source, order));
    }
    slugs.push(slug);
  }
  return { dir, slugs, chapters: slugs.length * scale };
}

export function buildStarlight(label: string, project: StarlightProject): Promise<BuildFigures> {
  return measureBuild({
    label,
    cwd: project.dir,
    outDir: join(project.dir, 'dist'),
    chapters: project.chapters,
    bin: join(STARLIGHT_DIR, 'node_modules/.bin'),
  });
}

export interface StarlightPage extends Load {
  path: string;
}

/** Serve a built Starlight project with our static server and load each chapter `loads` times. */
export async function loadStarlightChapters(browser: Browser, project: StarlightProject, loads: number): Promise<StarlightPage[]> {
  const server = await startServer({ dir: join(project.dir, 'dist'), port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const pages: StarlightPage[] = [];
  try {
    for (const slug of project.slugs) {
      const path = `/${slug}/`;
      process.stdout.write(`Loading Starlight ${path} ${loads}x …\n`);
      const runs: Load[] = [];
      for (let i = 0; i < loads; i++) runs.push(await loadOnce(browser, origin + path));
      pages.push({ path, ...medianLoad(runs) });
    }
  } finally {
    server.close();
  }
  return pages;
}
