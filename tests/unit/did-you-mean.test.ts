/** "Did you mean …?" on the 404 page: the closest page for a mistyped address, or none when nothing is close. */
import { describe, expect, it } from 'vitest';
import { closestPage, requestedSlug, slugQuery } from '../../src/lib/search/did-you-mean.ts';

const pages = [
  { path: '/what-is-docker/', title: 'What is Docker?' },
  { path: '/how-docker-works/', title: 'How Docker works' },
  { path: '/security/', title: 'Security essentials' },
  { path: '/commands/', title: 'Frequently used commands' },
  { path: '/preliminaries-docker-basics/', to: '/what-is-docker/', title: 'What is Docker?' },
];

describe('did you mean', () => {
  it('reads the slug from the address, base and case removed', () => {
    expect(requestedSlug('/docker-basics/What-is-Dockr/', '/docker-basics/')).toBe('what-is-dockr');
    expect(requestedSlug('/securty', '/')).toBe('securty');
    expect(requestedSlug('/%E0%A4%A', '/')).toBe('%e0%a4%a');
  });

  it('finds the page a typo meant', () => {
    expect(closestPage('what-is-dockr', pages)?.path).toBe('/what-is-docker/');
    expect(closestPage('securty', pages)?.path).toBe('/security/');
    expect(closestPage('command', pages)?.path).toBe('/commands/');
    expect(closestPage('preliminaries-docker-basic', pages)?.to).toBe('/what-is-docker/');
  });

  it('suggests nothing for an address that is not close to any page', () => {
    expect(closestPage('kubernetes', pages)).toBeUndefined();
    expect(closestPage('', pages)).toBeUndefined();
  });

  it('turns the address into search words', () => {
    expect(slugQuery('what-is-dockr')).toBe('what is dockr');
  });
});
