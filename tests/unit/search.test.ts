import { describe, expect, it } from 'vitest';
import {
  matchStrength, mergePageData, queryTerms, rankSections, significantTerms, snapshotPageData, toSectionHits, withHighlight,
  type PagefindResultData,
} from '../../src/lib/search.ts';

/** A page as Pagefind's data() returns it, from sections of text (the first is the h1). */
function page(url: string, sections: Array<{ id: string; el: string; title: string; text: string; weight?: number }>): PagefindResultData {
  const words: string[] = [];
  const subs = sections.map((s) => {
    const start = words.length;
    const own = `${s.title} ${s.text}`.split(/\s+/).filter(Boolean);
    words.push(...own);
    const locations = own.map((_, i) => start + i);
    const titleLen = s.title.split(/\s+/).length;
    return {
      title: s.title, url: `${url}#${s.id}`, excerpt: s.text,
      anchor: { element: s.el, id: s.id, location: start },
      locations,
      weighted_locations: locations.map((l) => ({ location: l, weight: l - start < titleLen ? (s.weight ?? 6) : 1, balanced_score: 1 })),
    };
  });
  return { url, excerpt: '', content: words.join(' '), meta: { title: sections[0]!.title }, sub_results: subs };
}

describe('query words', () => {
  it('are normalised: case, sentence punctuation; flags and paths kept', () => {
    expect(queryTerms('Conflict. The "/bot" --rm, docker.sock:')).toEqual(['conflict', 'the', '/bot', '--rm', 'docker.sock']);
  });
  it('lose stop words unless nothing else is left', () => {
    expect(significantTerms('remove all stopped containers')).toEqual(['remove', 'stopped', 'containers']);
    expect(significantTerms('the')).toEqual(['the']);
  });
});

describe('matchStrength', () => {
  it('grades exact words, stems, compound words and parts', () => {
    expect(matchStrength('--rm', '--rm')).toBe(1);
    expect(matchStrength('Containers,', 'container')).toBe(0.9);
    expect(matchStrength('/var/run/docker.sock:', 'docker.sock')).toBe(0.9);
    expect(matchStrength('docker.sock', 'sock')).toBe(0.4);
    expect(matchStrength('--rm', 'rm')).toBe(0.4);
    expect(matchStrength('-aG', '-a')).toBe(0);
    expect(matchStrength('running', 'run')).toBe(0.9);
  });
});

describe('rankSections', () => {
  const reference = page('/commands/', [
    { id: '_top', el: 'h1', title: 'Commands', text: 'Every docker command.' },
    { id: 'docker-ps', el: 'h3', title: 'docker ps', text: 'List containers. Search terms: list containers.', weight: 10 },
    { id: 'docker-ps-all', el: 'h4', title: '-a, --all', text: 'Also list stopped containers.', weight: 10 },
    { id: 'docker-container-prune', el: 'h3', title: 'docker container prune', text: 'Search terms: remove all stopped containers.', weight: 10 },
  ]);
  const chapter = page('/troubleshooting/', [
    { id: '_top', el: 'h1', title: 'Troubleshooting', text: 'When docker says no.' },
    { id: 'port-allocated', el: 'h2', title: 'Port is already allocated', text: 'Bind for 0.0.0.0:8080 failed: port is already allocated.' },
  ]);
  const top = (q: string) => rankSections([chapter, reference], q)[0]?.sub.url;

  it('finds a flag under its command (the command words come from the parent heading)', () => {
    expect(top('docker ps -a')).toBe('/commands/#docker-ps-all');
    expect(top('docker ps')).toBe('/commands/#docker-ps');
  });
  it('prefers the section whose words stand together as in the query', () => {
    expect(top('remove stopped containers')).toBe('/commands/#docker-container-prune');
  });
  it('ranks across pages, not page by page', () => {
    expect(top('port is already allocated')).toBe('/troubleshooting/#port-allocated');
  });
  it('counts rare words more than common ones', () => {
    const rarity = (t: string) => (t === 'docker' ? 0.01 : 1);
    expect(rankSections([chapter, reference], 'docker prune', rarity)[0]?.sub.url).toBe('/commands/#docker-container-prune');
  });
});

describe('toSectionHits', () => {
  it('links each hit to its section with the searched words for highlighting', () => {
    const p = page('/troubleshooting/', [
      { id: '_top', el: 'h1', title: 'Troubleshooting', text: 'Errors.' },
      { id: 'no-space', el: 'h2', title: 'No space left on device', text: 'Free disk space.' },
    ]);
    const [hit] = toSectionHits([p], { highlight: 'disk space' });
    expect(hit).toMatchObject({ url: '/troubleshooting/?hl=disk+space#no-space', pageTitle: 'Troubleshooting', section: 'No space left on device' });
  });
  it('keeps a page without matching sections, at the end', () => {
    const p: PagefindResultData = { url: '/x/', excerpt: 'x', meta: { title: 'X' }, sub_results: [] };
    expect(toSectionHits([p], { highlight: 'x' })).toMatchObject([{ url: '/x/?hl=x', section: undefined }]);
  });
});

describe('withHighlight', () => {
  it('adds the words before the fragment, under any base path', () => {
    expect(withHighlight('/docker-basics/commands/#docker-run', '--rm -it')).toBe('/docker-basics/commands/?hl=--rm+-it#docker-run');
    expect(withHighlight('/a/', '  ')).toBe('/a/');
  });
});

describe('merging one page from several searches', () => {
  it('unions matched locations per section and keeps copies', () => {
    const a = page('/p/', [{ id: '_top', el: 'h1', title: 'P', text: 'one two' }]);
    const b = snapshotPageData(a);
    b.sub_results![0]!.locations = [9];
    b.sub_results![0]!.weighted_locations = [{ location: 9, weight: 1, balanced_score: 1 }];
    const merged = mergePageData([snapshotPageData(a), b]);
    expect(merged.sub_results![0]!.locations).toEqual([0, 1, 2, 9]);
    expect(a.sub_results![0]!.locations).toEqual([0, 1, 2]);
  });
});
