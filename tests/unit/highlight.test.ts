import { describe, expect, it } from 'vitest';
import { fragmentTarget, highlighter, highlightRanges, highlightTerms } from '../../src/lib/search/highlight-terms.ts';
import { withHighlight } from '../../src/lib/search/ranking.ts';

const marks = (query: string, text: string) => {
  const h = highlighter(query);
  return h ? highlightRanges(text, h).map(([a, b]) => text.slice(a, b)) : [];
};

const SOCKET_ERROR =
  'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: ' +
  'Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.24/containers/json": dial unix /var/run/docker.sock: connect: permission denied';

describe('highlightTerms', () => {
  it('drops sentence punctuation, one-letter words and stop words; keeps flags', () => {
    expect(highlightTerms('Remove  a container, --rm')).toEqual(['container', 'remove', '--rm']);
    expect(highlightTerms('the and of to')).toEqual([]);
  });
  it('keeps at most eight words of a pasted error', () => {
    expect(highlightTerms(SOCKET_ERROR).length).toBeLessThanOrEqual(8);
    expect(highlightTerms(SOCKET_ERROR)).not.toContain('the');
  });
});

describe('highlighter', () => {
  it('marks the same word or the same stem, never a longer word that merely starts with it', () => {
    expect(marks('remove container', 'It removes containers. Removing a subcontainer.')).toEqual(['removes', 'containers', 'Removing']);
    expect(marks('run', 'Run it: running, runs, runtime, rerun.')).toEqual(['Run', 'running', 'runs']);
    expect(marks('image', 'Images and imagery.')).toEqual(['Images']);
  });
  it('marks no stop words, so "the" marks neither "the" nor "then"', () => {
    expect(marks('the daemon', 'Then the daemon starts; the daemons stop.')).toEqual(['daemon', 'daemons']);
  });
  it('marks a one-letter flag in its own case only', () => {
    expect(marks('-T', 'Use -T with exec, not -t.')).toEqual(['-T']);
    expect(marks('-t', 'Use -T with exec, not -t.')).toEqual(['-t']);
  });
  it('marks flags, paths and ports as typed', () => {
    expect(marks('--privileged', 'Use --privileged or privileged mode.')).toEqual(['--privileged']);
    expect(marks('docker.sock', 'Mount /var/run/docker.sock read-only.')).toEqual(['docker.sock']);
    expect(marks('-p 8080:80', 'Publish with -p 8080:80 now, not -print or 8080:8080.')).toEqual(['-p', '8080:80']);
  });
  it('marks a pasted socket error by its significant words only', () => {
    const text = 'If the daemon is not running, then the socket at /var/run/docker.sock is missing. Permission denied means the group.';
    const got = marks(SOCKET_ERROR, text).map((w) => w.toLowerCase());
    expect(got).not.toContain('the');
    expect(got).not.toContain('then');
    expect(got).toEqual(expect.arrayContaining(['daemon', 'socket', 'permission', 'denied']));
  });
  it('is undefined for an empty query or one of stop words', () => {
    expect(highlighter('  a ')).toBeUndefined();
    expect(highlighter('the of')).toBeUndefined();
  });
});

describe('?hl= on result links', () => {
  it('carries the significant words only, at most 8 words and 200 characters', () => {
    const url = withHighlight('/troubleshooting/#socket-permission', SOCKET_ERROR);
    const hl = new URL(url, 'http://x').searchParams.get('hl')!;
    expect(hl.split(' ').length).toBeLessThanOrEqual(8);
    expect(hl.length).toBeLessThanOrEqual(200);
    expect(hl.split(' ')).not.toContain('the');
    expect(url.endsWith('#socket-permission')).toBe(true);
  });
  it('stays short for a pasted 9,000-character log (no 414 from a server)', () => {
    const log = Array.from({ length: 900 }, (_, i) => `line${i} failed`).join(' ');
    expect(log.length).toBeGreaterThan(9000);
    expect(withHighlight('/a/#b', log).length).toBeLessThan(260);
  });
});

describe('fragmentTarget', () => {
  const ids: Record<string, string> = { 'docker-run': 'A', über: 'B', '%': 'C' };
  const byId = (id: string) => (ids[id] ? ({ id } as unknown as Element) : null);
  it('finds the section of a plain or percent-encoded fragment', () => {
    expect(fragmentTarget('#docker-run', byId)?.id).toBe('docker-run');
    expect(fragmentTarget('#%C3%BCber', byId)?.id).toBe('über');
  });
  it('does not throw on a malformed fragment, and still finds a section with that id', () => {
    expect(() => fragmentTarget('#%E0%A4%A', byId)).not.toThrow();
    expect(fragmentTarget('#%E0%A4%A', byId)).toBeUndefined();
    expect(fragmentTarget('#%', byId)?.id).toBe('%');
    expect(fragmentTarget('', byId)).toBeUndefined();
  });
});
