import { describe, expect, it } from 'vitest';
import { highlightPattern, highlightTerms } from '../../src/lib/highlight.ts';

const marks = (query: string, text: string) => [...text.matchAll(highlightPattern(query)!)].map((m) => m[0]);

describe('highlightTerms', () => {
  it('drops sentence punctuation and one-letter words, keeps flags', () => {
    expect(highlightTerms('Remove  a container, --rm')).toEqual(['container', 'remov', '--rm']);
  });
});

describe('highlightPattern', () => {
  it('marks whole words that start with a term', () => {
    expect(marks('remove container', 'It removes containers. Removing a subcontainer.')).toEqual(['removes', 'containers', 'Removing']);
  });
  it('marks flags, paths and ports as typed', () => {
    expect(marks('--privileged', 'Use --privileged or privileged mode.')).toEqual(['--privileged']);
    expect(marks('docker.sock', 'Mount /var/run/docker.sock read-only.')).toEqual(['docker.sock']);
    expect(marks('-p 8080:80', 'Publish with -p 8080:80 now.')).toEqual(['-p', '8080:80']);
  });
  it('is undefined for an empty query', () => {
    expect(highlightPattern('  a ')).toBeUndefined();
  });
});
