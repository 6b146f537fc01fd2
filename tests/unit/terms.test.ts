/** Term snapshots: content/terms.yaml, snapshot mode, and "What changed since <term>" from chapter sources. */
import { describe, expect, it } from 'vitest';
import { parseTerms, readTerms } from '../../src/lib/terms/terms.ts';
import { cacheName, snapshotMode } from '../../src/lib/terms/snapshot-mode.ts';
import { sections, whatChanged, type ChapterSource } from '../../src/lib/terms/what-changed.ts';
import { chaptersAt, chaptersNow } from '../../src/lib/terms/chapter-sources.ts';
import { defaultLabel, snapshotKey, withTerm } from '../../src/build/cut-snapshot.ts';
import { inOtherSite } from '../../src/lib/links/link-check.ts';
import { otherSites } from '../../src/build/steps.ts';
import { navigationMatch } from '../../src/integrations/offline-worker.ts';

const SHA = 'a'.repeat(40);
const entry = (fields: Record<string, string>) =>
  `- ${Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n  ')}\n`;
const good = { id: '2027-spring', label: 'Spring 2027', commit: SHA, ref: 'v2027.1', date: '2027-01-15' };

describe('content/terms.yaml', () => {
  it('reads a valid list, an empty file and the repository own file', () => {
    expect(parseTerms(entry(good), 'terms.yaml')).toEqual([good]);
    expect(parseTerms('', 'terms.yaml')).toEqual([]);
    expect(parseTerms('# none yet\n[]\n', 'terms.yaml')).toEqual([]);
    expect(Array.isArray(readTerms())).toBe(true);
  });

  it('names the file, the term and the field of a bad value, with what to write', () => {
    expect(() => parseTerms(entry({ ...good, id: 'Spring 2027' }), 'content/terms.yaml')).toThrow(
      'content/terms.yaml: term 1 (Spring 2027): field "id" is "Spring 2027"; write the year, "-" and lower-case letters',
    );
    expect(() => parseTerms(entry({ ...good, commit: 'abc123' }), 'content/terms.yaml')).toThrow(
      /term 1 \(2027-spring\): field "commit" is "abc123"; write a full commit id/,
    );
    const { date: _date, ...noDate } = good;
    expect(() => parseTerms(entry(noDate), 'content/terms.yaml')).toThrow(/term 1 \(2027-spring\): field "date" is missing; write a date as YYYY-MM-DD/);
    expect(() => parseTerms(entry({ ...good, colour: 'red' }), 'content/terms.yaml')).toThrow(/unknown field "colour"/);
    expect(() => parseTerms(entry(good) + entry(good), 'content/terms.yaml')).toThrow(/term "2027-spring" is listed twice/);
    expect(() => parseTerms('id: 2027-spring\n', 'content/terms.yaml')).toThrow(/content\/terms.yaml: expected a list of terms/);
    expect(() => parseTerms('- id: [\n', 'content/terms.yaml')).toThrow(/content\/terms.yaml:\d+:\d+: YAML syntax error/);
  });

  it('npm run snapshot adds a term or replaces its entry, keeping the comments', () => {
    const first = withTerm('# Term snapshots\n', good);
    expect(first).toContain('# Term snapshots');
    expect(parseTerms(first)).toEqual([good]);
    const autumn = { ...good, id: '2027-autumn', label: 'Autumn 2027' };
    const both = withTerm(first, autumn);
    expect(parseTerms(both).map((t) => t.id)).toEqual(['2027-spring', '2027-autumn']);
    const recut = withTerm(both, { ...good, commit: 'b'.repeat(40) });
    expect(parseTerms(recut).map((t) => t.commit)).toEqual(['b'.repeat(40), SHA]);
  });

  it('labels and store keys', () => {
    expect(defaultLabel('2027-spring')).toBe('Spring 2027');
    expect(snapshotKey('2027-spring', SHA, '/')).toBe('2027-spring@aaaaaaaaaaaa');
    expect(snapshotKey('2027-spring', SHA, '/docker-basics/')).toBe('2027-spring@aaaaaaaaaaaa~docker-basics');
  });
});

describe('snapshot mode', () => {
  it('is off without SNAPSHOT_TERM and knows the current site from the base path', () => {
    expect(snapshotMode({}, '/')).toBeUndefined();
    expect(snapshotMode({ SNAPSHOT_TERM: '2027-spring', SNAPSHOT_LABEL: 'Spring 2027' }, '/2027-spring/')).toEqual({
      term: '2027-spring',
      label: 'Spring 2027',
      currentBase: '/',
    });
    expect(snapshotMode({ SNAPSHOT_TERM: '2027-spring' }, '/docker-basics/2027-spring/')?.currentBase).toBe('/docker-basics/');
  });

  it('fails naming the variable when the base path is not the term', () => {
    expect(() => snapshotMode({ SNAPSHOT_TERM: '2027-spring' }, '/docker-basics/')).toThrow(
      /SNAPSHOT_TERM=2027-spring needs BASE_PATH to end with \/2027-spring\//,
    );
    expect(() => snapshotMode({ SNAPSHOT_TERM: 'spring' }, '/spring/')).toThrow(/SNAPSHOT_TERM=spring is not a term id/);
  });

  it('keeps the current site and a snapshot apart: cache names, the link check, the worker', () => {
    expect(cacheName('pages', undefined)).toBe('pages');
    expect(cacheName('pages', '2027-spring')).toBe('2027-spring-pages');
    const terms = [{ ...good }];
    expect(otherSites({ base: '/', terms })).toEqual(['/2027-spring/']);
    expect(otherSites({ base: '/docker-basics/', terms })).toEqual(['/docker-basics/2027-spring/']);
    expect(otherSites({ base: '/2027-spring/', snapshot: { term: '2027-spring', label: 'Spring 2027', currentBase: '/' } })).toEqual(['/']);
    // From the current site: the snapshot's paths are the snapshot's.
    expect(inOtherSite('/2027-spring/what-is-docker/', '/', ['/2027-spring/'])).toBe(true);
    expect(inOtherSite('/what-is-docker/', '/', ['/2027-spring/'])).toBe(false);
    // From a snapshot: the current site is another build, the snapshot's own paths are not.
    expect(inOtherSite('/what-is-docker/', '/2027-spring/', ['/'])).toBe(true);
    expect(inOtherSite('/2027-spring/what-is-docker/', '/2027-spring/', ['/'])).toBe(false);
  });

  it("the current site's worker leaves navigations to a snapshot alone (the function written into sw.js)", () => {
    const match = navigationMatch(['/2027-spring/']);
    const nav = (path: string, mode = 'navigate') => match({ request: { mode } as Request, url: new URL(`https://example.org${path}`) });
    expect(nav('/what-is-docker/')).toBe(true);
    expect(nav('/2027-spring/what-is-docker/')).toBe(false);
    expect(nav('/what-is-docker/', 'cors')).toBe(false);
    expect(String(match)).toContain('["/2027-spring/"]');
    expect(navigationMatch()({ request: { mode: 'navigate' } as Request, url: new URL('https://example.org/2027-spring/') })).toBe(true);
  });
});

const chapter = (slug: string, title: string, body: string): ChapterSource => ({ slug, source: `---\ntitle: ${title}\norder: 1\n---\n\nIntro.\n\n${body}` });

describe('what changed since a term', () => {
  const then = [
    chapter(
      'basics',
      'Basics',
      '## Images {#images}\n\nAn image.\n\n## Layers {#layers}\n\nLayers stack.\n\n### Cache {#cache}\n\nOld text.\n\n```bash\ndocker build .\n```\n',
    ),
    chapter('old-page', 'Old page', '## Gone {#gone}\n\nBye.\n'),
    chapter('same', 'Same', '## Still {#still}\n\nSame text.\n'),
  ];
  const now = [
    chapter(
      'basics',
      'Basics',
      '## Images {#images}\n\nAn   image.\n\n### Cache {#cache}\n\nNew text.\n\n```bash\ndocker build .\n```\n\n## Tags {#tags}\n\nNew.\n',
    ),
    chapter('fresh', 'Fresh', '## Start {#start}\n\nHello.\n\n## Layers {#layers}\n\nLayers stack.\n'),
    chapter('same', 'Same', '## Still {#still}\n\nSame text.\n'),
  ];

  it('lists chapters and sections added, removed, moved and changed, and leaves out what did not change', () => {
    const changes = whatChanged(then, now, { redirects: { '/old-page/': '/fresh/' }, anchorRedirects: {} });
    expect(changes).toEqual([
      {
        slug: 'basics',
        title: 'Basics',
        status: 'changed',
        sections: [
          { change: 'changed', id: 'cache', title: 'Cache' },
          { change: 'added', id: 'tags', title: 'Tags' },
          // Not in basics any more, but another chapter has a section with its id.
          { change: 'moved', id: 'layers', title: 'Layers', to: '/fresh/#layers' },
        ],
      },
      {
        slug: 'fresh',
        title: 'Fresh',
        status: 'added',
        sections: [
          { change: 'added', id: 'start', title: 'Start' },
          { change: 'added', id: 'layers', title: 'Layers' },
        ],
      },
      { slug: 'old-page', title: 'Old page', status: 'removed', movedTo: '/fresh/', sections: [{ change: 'removed', id: 'gone', title: 'Gone' }] },
    ]);
  });

  it('follows anchorRedirects for a section that moved', () => {
    const changes = whatChanged(then, now, { anchorRedirects: { '/old-page/#gone': '/same/#still' } });
    expect(changes.find((c) => c.slug === 'old-page')?.sections).toEqual([{ change: 'moved', id: 'gone', title: 'Gone', to: '/same/#still' }]);
  });

  it('finds nothing changed between the course and itself, and every ## and ### of it is a section', () => {
    const course = chaptersNow();
    expect(course.length).toBeGreaterThan(5);
    expect(whatChanged(course, course)).toEqual([]);
    for (const c of course) {
      const headed = c.source.split('\n').filter((l) => /^#{2,3} .*\{#[a-z][a-z0-9-]+\}\s*$/.test(l)).length;
      expect(sections(c.source).length, c.slug).toBe(headed);
    }
  });

  it('reads a commit chapters from git, and names the fix for a commit git does not have', () => {
    const head = chaptersAt('HEAD');
    expect(head.map((c) => c.slug).sort()).toEqual(
      expect.arrayContaining(
        chaptersNow()
          .map((c) => c.slug)
          .filter((s) => head.some((h) => h.slug === s)),
      ),
    );
    expect(head.find((c) => c.slug === 'what-is-docker')?.source).toMatch(/^---\n/);
    expect(() => chaptersAt('f'.repeat(40))).toThrow(/git has no commit f{40}.*fetch-depth: 0/);
  });
});
