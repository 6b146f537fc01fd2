import { describe, expect, it } from 'vitest';
import { checkLinks, checkPublishedAnchors, formatLinkProblems, parsePage, publishedAnchors, type SiteFiles } from '../../src/lib/links/link-check.ts';

const page = (body: string) => `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`;

function site(base = '/'): SiteFiles {
  return new Map<string, string | null>([
    ['index.html', page(`<a href="${base}a/">A</a><a href="${base}a/#one">one</a><a href="${base}favicon.svg">icon</a>`)],
    ['a/index.html', page('<main><h1 id="_top">A</h1><h2 id="one">One</h2><a href="../b/#two">two</a><a href="#one">self</a></main>')],
    ['b/index.html', page('<main><h2 id="two">Two</h2></main><nav><h2 id="toc-title">On this page</h2></nav>')],
    ['old/index.html', `<!doctype html><meta http-equiv="refresh" content="0;url=${base}b/"><a href="${base}b/">b</a>`],
    ['favicon.svg', null],
  ]);
}

describe('parsePage', () => {
  it('collects ids, links, duplicates and the redirect target; ignores script and comment text', () => {
    const p = parsePage(
      '<a id="x" href="/y/#z">1</a><!-- <a href="/nope/"> --><script>const s = "<a href=\'/nope/\'>";</script><p id="x"></p><meta http-equiv="refresh" content="0;url=/new/">',
    );
    expect([...p.ids]).toEqual(['x']);
    expect(p.duplicateIds).toEqual(['x']);
    expect(p.links.map((l) => l.value)).toEqual(['/y/#z']);
    expect(p.refresh).toBe('/new/');
  });
  it('decodes entities in attribute values', () => {
    expect(parsePage('<a href="/a/?x=1&amp;y=2">a</a>').links[0]!.value).toBe('/a/?x=1&y=2');
  });
});

describe('checkLinks', () => {
  it('accepts a site whose links all resolve, at the root and under a base path', () => {
    expect(checkLinks(site())).toEqual([]);
    expect(checkLinks(site('/docker-basics/'), { base: '/docker-basics/' })).toEqual([]);
  });

  it('reports a link to a missing page, naming the file and the link', () => {
    const s = site();
    s.set('c/index.html', page('<a href="/missing/">x</a>'));
    const problems = checkLinks(s, { label: 'dist/' });
    expect(formatLinkProblems(problems)).toBe('dist/c/index.html: link to /missing/: no such page');
  });

  it('reports a missing anchor, also across a redirect page', () => {
    const s = site();
    s.set('c/index.html', page('<a href="/a/#nope">x</a><a href="/old/#two">y</a><a href="/old/#gone">z</a><h2 id="two">2</h2>'));
    expect(formatLinkProblems(checkLinks(s, { label: 'dist/' }))).toBe(
      ['dist/c/index.html: link to /a/#nope: no element with id "nope" on /a/', 'dist/c/index.html: link to /old/#gone: no element with id "gone" on /b/'].join(
        '\n',
      ),
    );
  });

  it('reports links that ignore the base path or miss the trailing slash', () => {
    const s = site('/docker-basics/');
    s.set('c/index.html', page('<a href="/a/">root</a><a href="/docker-basics/a">slash</a>'));
    expect(checkLinks(s, { base: '/docker-basics/' }).map((p) => p.message)).toEqual([
      'the path is outside the base path /docker-basics/',
      'the page exists at /docker-basics/a/: add the trailing slash',
    ]);
  });

  it('checks absolute links to the site origin as internal', () => {
    const s = site();
    s.set('c/index.html', page('<link rel="canonical" href="https://example.org/missing/">'));
    expect(checkLinks(s, { siteOrigin: 'https://example.org' }).map((p) => p.link)).toEqual(['https://example.org/missing/']);
  });

  it('requires rel="noopener noreferrer" on new-tab links and well-formed external URLs', () => {
    const s = site();
    s.set(
      'c/index.html',
      page(
        '<a href="https://docs.docker.com/" target="_blank" rel="noopener">d</a><a href="https://docs.docker.com/" target="_blank" rel="noopener noreferrer">ok</a><a href="https://docs docker/">bad</a><a href="javascript:void(0)">js</a><a href="#">top</a>',
      ),
    );
    expect(checkLinks(s).map((p) => p.message)).toEqual([
      'opens a new tab (target="_blank") without rel="noopener noreferrer"',
      'not a valid URL',
      'unexpected URL scheme javascript:',
      'link to "#" goes nowhere; link to a real id or use a button',
    ]);
  });

  it('reports duplicate ids', () => {
    const s = site();
    s.set('c/index.html', page('<h2 id="two">a</h2><h2 id="two">b</h2>'));
    expect(checkLinks(s).map((p) => p.message)).toEqual(['duplicate id "two": a fragment link to it is ambiguous']);
  });
});

describe('published anchors', () => {
  it('lists pages and heading ids inside <main>, not redirect pages or chrome', () => {
    expect(publishedAnchors(site())).toEqual(['/', '/a/', '/a/#_top', '/a/#one', '/b/', '/b/#two']);
  });

  it('passes when every entry resolves, at the root and under a base path', () => {
    const entries = publishedAnchors(site());
    expect(checkPublishedAnchors(site(), entries)).toEqual([]);
    expect(checkPublishedAnchors(site('/docker-basics/'), entries, { base: '/docker-basics/' })).toEqual([]);
  });

  it('fails for a removed anchor or page, unless a redirect declares where it went', () => {
    const entries = ['/a/#removed', '/gone/', '/gone/#two', '/old/#two', '/b/#old-two'];
    expect(checkPublishedAnchors(site(), entries)).toEqual([
      '/a/#removed: no element with id "removed" on /a/; restore the id or add "/a/#removed" to anchorRedirects in src/lib/links/redirects.ts',
      '/gone/: the page is gone (no such page); add a redirect for it in src/lib/links/redirects.ts',
      '/gone/#two: the page is gone (no such page); add a redirect for it in src/lib/links/redirects.ts',
      '/b/#old-two: no element with id "old-two" on /b/; restore the id or add "/b/#old-two" to anchorRedirects in src/lib/links/redirects.ts',
    ]);
    expect(
      checkPublishedAnchors(site(), entries, {
        redirects: { '/gone/': '/b/' },
        anchorRedirects: { '/a/#removed': '/a/#one', '/b/#old-two': '/b/#two' },
      }),
    ).toEqual([]);
  });

  it('fails when a redirect points to an anchor that does not exist either', () => {
    expect(checkPublishedAnchors(site(), ['/a/#x'], { anchorRedirects: { '/a/#x': '/b/#nope' } })).toEqual([
      '/a/#x (anchorRedirects sends it to /b/#nope): no element with id "nope" on /b/; restore the id or add "/a/#x" to anchorRedirects in src/lib/links/redirects.ts',
    ]);
  });
});
