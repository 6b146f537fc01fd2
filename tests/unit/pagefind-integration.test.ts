/**
 * The Pagefind build step (src/integrations/search-index.ts) with Pagefind mocked, as Starlight tests
 * its own: every failure ends the build with the step, Pagefind's messages and what to do, and
 * removes the half-built output so an index-less site cannot be served or deployed as if complete.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const pf = vi.hoisted(() => ({
  createIndex: vi.fn(),
  close: vi.fn(async () => null),
}));
vi.mock('pagefind', () => pf);

const { indexSite } = await import('../../src/integrations/search-index.ts');

let root: string;
let outDir: string;

/** Run the search step (src/build/steps.ts runs it after astro build) on outDir. */
function buildDone(): Promise<string> {
  return indexSite(outDir);
}

/** An index whose steps answer as given. */
function fakeIndex(over: { addDirectory?: unknown; writeFiles?: unknown } = {}) {
  return {
    addDirectory: vi.fn(async () => over.addDirectory ?? { errors: [], page_count: 1 }),
    writeFiles: vi.fn(async () => {
      if (over.writeFiles instanceof Error) throw over.writeFiles;
      mkdirSync(join(outDir, 'pagefind'), { recursive: true });
      writeFileSync(join(outDir, 'pagefind', 'pagefind.js'), '');
      return over.writeFiles ?? { errors: [], outputPath: join(outDir, 'pagefind') };
    }),
  };
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'docker-basics-pagefind-'));
  outDir = join(root, 'dist');
  mkdirSync(join(outDir, 'commands'), { recursive: true });
  writeFileSync(join(outDir, 'index.html'), '<main data-pagefind-body><p>docker run</p></main>');
  writeFileSync(join(outDir, 'commands', 'index.html'), '<main data-pagefind-body><p>docker ps</p></main>');
  vi.clearAllMocks();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('a Pagefind failure fails the build and leaves no index-less site', () => {
  const failures: Array<[string, () => void, RegExp]> = [
    [
      'createIndex reports errors',
      () => pf.createIndex.mockResolvedValue({ errors: ['bad config key'], index: undefined }),
      /Pagefind createIndex failed:\n\s+bad config key/,
    ],
    [
      'createIndex throws (binary missing)',
      () => pf.createIndex.mockRejectedValue(new Error('Failed to install either of @pagefind/linux-x64')),
      /Failed to install either of @pagefind\/linux-x64/,
    ],
    [
      'addDirectory reports errors',
      () => pf.createIndex.mockResolvedValue({ errors: [], index: fakeIndex({ addDirectory: { errors: ['cannot read x.html'], page_count: 0 } }) }),
      /Pagefind addDirectory failed:\n\s+cannot read x\.html/,
    ],
    [
      'no page is indexed',
      () => pf.createIndex.mockResolvedValue({ errors: [], index: fakeIndex({ addDirectory: { errors: [], page_count: 0 } }) }),
      /indexed 0 pages: is data-pagefind-body on the chapter article/,
    ],
    [
      'writeFiles throws',
      () => pf.createIndex.mockResolvedValue({ errors: [], index: fakeIndex({ writeFiles: new Error('EACCES: permission denied') }) }),
      /EACCES: permission denied/,
    ],
  ];
  it.each(failures)('%s', async (_name, arrange, detail) => {
    arrange();
    const err = await buildDone().then(
      () => undefined,
      (e: Error) => e,
    );
    expect(err, 'the build did not fail').toBeInstanceOf(Error);
    expect(err!.message).toMatch(/^Search index \(Pagefind\) failed/);
    expect(err!.message).toMatch(detail);
    expect(err!.message).toContain(`${outDir} was removed`);
    expect(err!.message).toMatch(/npm ci/);
    expect(existsSync(outDir), 'the half-built site is still there').toBe(false);
    expect(pf.close).toHaveBeenCalled();
  });
});

describe('a successful index', () => {
  it('keeps the site, writes the vocabulary and says how many pages', async () => {
    pf.createIndex.mockResolvedValue({ errors: [], index: fakeIndex({ addDirectory: { errors: [], page_count: 2 } }) });
    const line = await buildDone();
    expect(existsSync(join(outDir, 'index.html'))).toBe(true);
    expect(existsSync(join(outDir, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(JSON.parse(readFileSync(join(outDir, 'search', 'vocab.json'), 'utf8'))).toHaveProperty('words');
    expect(line).toMatch(/^Pagefind indexed 2 pages/);
    expect(pf.close).toHaveBeenCalledTimes(1);
  });
});
