/**
 * The post-build step that puts the current site's term snapshots (content/terms.yaml) into it:
 * each term's stored build (src/build/cut-snapshot.ts) is copied into `<outDir>/<term>/` as it was
 * built from its own commit, so later code never rebuilds or rewrites it. A term missing from the
 * store (a fresh checkout, CI) is built from its commit first; with SNAPSHOT_BUILD=off the build
 * fails instead, naming the command that builds it.
 *
 * It runs after the search index, the offline worker and the site check of the current site, so
 * neither the current index nor its worker's precache holds a snapshot's pages; the snapshot's own
 * sitemap stays out of the current site's (it is not linked from robots.txt or any page).
 */
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BuiltSite } from './steps.ts';
import { cutSnapshot, MANIFEST, readManifest, snapshotKey, storeDir } from './cut-snapshot.ts';

export async function includeSnapshots(site: BuiltSite, root = process.cwd(), env: Record<string, string | undefined> = process.env): Promise<string> {
  if (site.snapshot) return `this is the ${site.snapshot.term} snapshot: no snapshots inside it`;
  const terms = site.terms ?? [];
  if (!terms.length) return 'no term snapshots listed in content/terms.yaml';
  const store = storeDir(root, env);
  const lines: string[] = [];
  for (const term of terms) {
    const dir = join(store, snapshotKey(term.id, term.commit, site.base));
    const want = { commit: term.commit, base: `${site.base}${term.id}/`, site: site.siteOrigin, label: term.label };
    const have = readManifest(dir);
    const stored = have && have.commit === want.commit && have.base === want.base && have.site === want.site && have.label === want.label;
    if (!stored) {
      const command = `SITE_URL=${site.siteOrigin} BASE_PATH=${site.base} npm run snapshot -- ${term.id} ${term.commit} "${term.label}"`;
      if (env['SNAPSHOT_BUILD'] === 'off') {
        throw new Error(`The ${term.id} snapshot (content/terms.yaml) is not built for ${want.site}${want.base} in ${store}. Build it with:\n  ${command}`);
      }
      console.log(`The ${term.id} snapshot is not stored for ${want.site}${want.base}: building it from ${term.commit.slice(0, 12)} (as ${command})`);
      cutSnapshot({ term: term.id, ref: term.commit, label: term.label, root, store, site: site.siteOrigin, base: site.base, cacheDir: site.cacheDir });
    }
    const target = join(site.outDir, term.id);
    if (existsSync(target))
      throw new Error(`content/terms.yaml: term "${term.id}" would replace ${target}, which the current site already has: give the term another id`);
    cpSync(dir, target, { recursive: true, filter: (src) => src !== join(dir, MANIFEST) });
    lines.push(`${term.id} (${term.commit.slice(0, 12)})`);
  }
  return `term snapshots copied into the site: ${lines.join(', ')}`;
}
