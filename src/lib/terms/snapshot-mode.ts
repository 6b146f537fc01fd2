/**
 * Whether this build is a term snapshot, from the variables `npm run snapshot` sets
 * (src/build/cut-snapshot.ts): SNAPSHOT_TERM (the term id, the last segment of BASE_PATH) and
 * SNAPSHOT_LABEL. A snapshot is the normal build of its own commit under `<current base><term>/`;
 * this says where the current site is, for the banner, canonical URLs and the link check.
 */
import { TERM_ID } from './terms.ts';

export interface SnapshotMode {
  /** `2027-spring`. */
  term: string;
  /** `Spring 2027`. */
  label: string;
  /** The current site's base path, the snapshot's base without its last segment: `/` or `/docker-basics/`. */
  currentBase: string;
}

/** The snapshot this build is, or undefined for the current site. Throws naming the variable for a bad value. */
export function snapshotMode(env: Record<string, string | undefined>, base: string): SnapshotMode | undefined {
  const term = env['SNAPSHOT_TERM'];
  if (!term) return undefined;
  if (!TERM_ID.test(term))
    throw new Error(`SNAPSHOT_TERM=${term} is not a term id: write the year, "-" and lower-case letters, e.g. SNAPSHOT_TERM=2027-spring`);
  if (!base.endsWith(`/${term}/`)) {
    throw new Error(`SNAPSHOT_TERM=${term} needs BASE_PATH to end with /${term}/ (it is ${base}): cut snapshots with npm run snapshot -- ${term} <ref>`);
  }
  const label = env['SNAPSHOT_LABEL'] || term;
  return { term, label, currentBase: base.slice(0, -(term.length + 1)) };
}

/** Service-worker cache names: the current site's as they always were, a snapshot's prefixed with its term so neither evicts the other. */
export const cacheName = (name: string, term: string | undefined): string => (term ? `${term}-${name}` : name);
