/** The per-page anchor redirect map that chapter pages carry for the browser. */
import { describe, expect, it } from 'vitest';
import { anchorRedirectProblems, anchorRedirectsJson, pageAnchorRedirects } from '../../src/lib/links/anchor-redirects.ts';
import { anchorRedirects } from '../../src/lib/links/redirects.ts';

const map = {
  '/a/#old': '/b/#new',
  '/a/#renamed': '/a/#fresh',
  '/c/#x': '/b/#y',
};

describe('pageAnchorRedirects', () => {
  it('gives each page only its own moved anchors, with the base applied to other pages', () => {
    expect(pageAnchorRedirects('/a/', map)).toEqual({ old: '/b/#new', renamed: '#fresh' });
    expect(pageAnchorRedirects('/a/', map, '/docker-basics/')).toEqual({ old: '/docker-basics/b/#new', renamed: '#fresh' });
    expect(pageAnchorRedirects('/a/', map, '/docker-basics')).toEqual({ old: '/docker-basics/b/#new', renamed: '#fresh' });
    expect(pageAnchorRedirects('/b/', map)).toEqual({});
  });

  it('fails on a malformed entry, naming the file, the key and the form to use', () => {
    expect(() => pageAnchorRedirects('/a/', { 'a#old': '/b/#new' })).toThrow(
      'src/lib/links/redirects.ts: anchorRedirects key "a#old" must look like "/page/#old-id"',
    );
    expect(anchorRedirectProblems({ '/a/#old': '/b/new' })).toEqual([
      'src/lib/links/redirects.ts: anchorRedirects["/a/#old"] is "/b/new"; it must look like "/page/#new-id"',
    ]);
    expect(anchorRedirectProblems({ '/a/#x': '/a/#x' })[0]).toMatch(/points at itself/);
  });

  it('the site map is well formed', () => {
    expect(anchorRedirectProblems(anchorRedirects)).toEqual([]);
  });

  it('writes JSON that cannot close its script element', () => {
    const json = anchorRedirectsJson({ x: '</script><b>' });
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual({ x: '</script><b>' });
  });
});
