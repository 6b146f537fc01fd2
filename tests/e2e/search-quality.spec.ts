import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { BASE_ORIGIN, ORIGIN } from '../support/origins.ts';
import { anchorRedirects } from '../../src/lib/links/redirects.ts';

/**
 * Search quality: every query of tests/search/queries.yaml goes through the site's real search
 * (the <site-search> box on /search/, the same code as the header dialog: spelling correction,
 * Pagefind, section shaping) and the expected section must come first for at least 95% of the
 * queries and in the top three for all of them. Runs against the root build and the sub-path
 * build. Prints a table of the misses.
 */
interface Query {
  query: string;
  expect: string;
  kind: string;
  /** A top-three miss already reported in an open issue (why, and which). */ known?: string;
}
// An expected section that moved (src/lib/links/redirects.ts) is expected where it went.
const load = (file: string) =>
  (parse(readFileSync(new URL(`../search/${file}`, import.meta.url), 'utf8')) as Query[]).map((q) => ({
    ...q,
    expect: anchorRedirects[q.expect] ?? q.expect,
  }));
const queries = load('queries.yaml');
/**
 * Written with the issue-20 queries and never tuned against (tests/search/holdout.yaml): its score
 * is reported as it comes out. Scored only with SEARCH_HOLDOUT=1.
 */
const holdout = load('holdout.yaml');

const FIRST_TARGET = 0.95;
const HOLDOUT_FIRST_TARGET = 0.9;

/** `/docker-basics/commands/?hl=x#docker-run` → `/commands/#docker-run` */
function normalise(href: string, base: string): string {
  const u = new URL(href, 'http://x');
  const path = u.pathname.startsWith(base) ? `/${u.pathname.slice(base.length)}` : u.pathname;
  return `${path}${u.hash}`;
}

async function runAll(page: Page, origin: string, base: string, set: Query[] = queries) {
  await page.goto(`${origin}${base}search/`);
  const box = page.locator('site-search.search-page');
  const input = box.getByRole('searchbox');
  const rows: Array<Query & { rank: number; got: string[] }> = [];
  for (const q of set) {
    await input.fill(q.query);
    await box.locator(`ol[data-query="${CSS.escape(q.query)}"]`).waitFor({ state: 'attached' });
    const got = (await box.locator('a.search-hit').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).map((h) => normalise(h, base));
    rows.push({ ...q, rank: got.indexOf(q.expect) + 1, got });
  }
  return rows;
}

const CSS = { escape: (s: string) => s.replace(/["\\]/g, '\\$&') };

for (const [name, origin, base] of [
  ['root', ORIGIN, '/'],
  ['base /docker-basics/', BASE_ORIGIN, '/docker-basics/'],
] as const) {
  test(`query set: expected section first for ${FIRST_TARGET * 100}%, top three for all (${name})`, async ({ page }) => {
    test.setTimeout(360_000); // 230 queries on a shared machine
    expect(queries.length).toBeGreaterThanOrEqual(50);
    const rows = await runAll(page, origin, base);
    const first = rows.filter((r) => r.rank === 1).length;
    const top3 = rows.filter((r) => r.rank >= 1 && r.rank <= 3).length;
    const misses = rows.filter((r) => r.rank !== 1);
    const table = misses.map(
      (r) =>
        `  ${(r.rank ? `#${r.rank}` : 'miss').padEnd(5)} ${r.kind.padEnd(10)} ${JSON.stringify(r.query).padEnd(50)} want ${r.expect}\n        got ${r.got.slice(0, 3).join('  ') || '(nothing)'}`,
    );
    console.log(
      `search quality (${name}): first ${first}/${rows.length} (${((100 * first) / rows.length).toFixed(1)}%), top 3 ${top3}/${rows.length}\n${table.join('\n')}`,
    );
    expect.soft(first / rows.length, 'share of queries with the expected section first').toBeGreaterThanOrEqual(FIRST_TARGET);
    // A query marked `known` is a regression already reported in an open issue: printed, not failed.
    const out = misses.filter((r) => r.rank < 1 || r.rank > 3);
    console.log(
      `known misses (${name}): ${
        out
          .filter((r) => r.known)
          .map((r) => r.query)
          .join(', ') || 'none'
      }`,
    );
    expect(
      out.filter((r) => !r.known).map((r) => `${r.query} → ${r.expect}`),
      'queries without the expected section in the top three',
    ).toEqual([]);
  });

  // Run on purpose only (SEARCH_HOLDOUT=1): a set that every test run scores is a set people tune against.
  test(`hold-out set: expected section first for ${HOLDOUT_FIRST_TARGET * 100}% (${name})`, async ({ page }) => {
    test.skip(!process.env['SEARCH_HOLDOUT'], 'the hold-out is scored on purpose only: SEARCH_HOLDOUT=1');
    test.setTimeout(360_000); // 230 queries on a shared machine
    expect(holdout.length).toBeGreaterThanOrEqual(30);
    const rows = await runAll(page, origin, base, holdout);
    const first = rows.filter((r) => r.rank === 1).length;
    const top3 = rows.filter((r) => r.rank >= 1 && r.rank <= 3).length;
    const misses = rows.filter((r) => r.rank !== 1);
    const table = misses.map(
      (r) =>
        `  ${(r.rank ? `#${r.rank}` : 'miss').padEnd(5)} ${JSON.stringify(r.query).padEnd(50)} want ${r.expect}\n        got ${r.got.slice(0, 3).join('  ') || '(nothing)'}`,
    );
    console.log(
      `hold-out (${name}): first ${first}/${rows.length} (${((100 * first) / rows.length).toFixed(1)}%), top 3 ${top3}/${rows.length}\n${table.join('\n')}`,
    );
    expect(first / rows.length, 'share of hold-out queries with the expected section first').toBeGreaterThanOrEqual(HOLDOUT_FIRST_TARGET);
  });
}

// What a student does with a pasted error: search, open the first result, read the marks.
test('the page a pasted error opens marks its distinctive words, not words on every page', async ({ page }) => {
  const error = 'docker: Error response from daemon: Conflict. The container name "/lane-following" is already in use by container "3f2a9c0e1b7d".';
  await page.goto(`${ORIGIN}/search/`);
  const box = page.locator('site-search.search-page');
  await box.getByRole('searchbox').fill(error);
  await box.locator(`ol[data-query="${CSS.escape(error)}"]`).waitFor({ state: 'attached' });
  const first = box.locator('a.search-hit').first();
  expect(normalise((await first.getAttribute('href'))!, '/')).toBe('/troubleshooting/#name-in-use');
  await first.click();
  await page.waitForURL((u) => u.searchParams.has('hl'));
  const marks = page.locator('[data-pagefind-body] mark.search-hl');
  await expect(marks.first()).toBeAttached();
  const words = new Set((await marks.allTextContents()).map((w) => w.toLowerCase()));
  // `docker` and `container` are on nearly every page; the conflict and the name are the message's own.
  expect([...words].filter((w) => /^(docker|containers?)$/.test(w))).toEqual([]);
  expect(words).toContain('conflict');
});
