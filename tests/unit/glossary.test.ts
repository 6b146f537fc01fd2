/**
 * The glossary (content/glossary.yaml): the data is well-formed and each term's `see` is a real
 * chapter heading (else the build fails naming the file and term); the marker links the first
 * use of each term in a chapter and never inside code, headings or links.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headingIds, parseGlossary } from '../../src/lib/glossary/glossary.ts';
import { markTerms } from '../../src/lib/glossary/mark-terms.ts';

const text = readFileSync('content/glossary.yaml', 'utf8');
const chapters = new Map(
  readdirSync('content/chapters')
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => [f.replace(/\.mdx$/, ''), headingIds(readFileSync(`content/chapters/${f}`, 'utf8'))]),
);
const terms = parseGlossary(text, chapters);
const term = (id: string) => terms.find((t) => t.id === id)!;

describe('content/glossary.yaml', () => {
  it('has at least 40 terms, including those the course asks for', () => {
    expect(terms.length).toBeGreaterThanOrEqual(40);
    const ids = new Set(terms.map((t) => t.id));
    for (const id of [
      'image',
      'container',
      'layer',
      'registry',
      'tag',
      'digest',
      'daemon',
      'docker-socket',
      'namespace',
      'cgroup',
      'capability',
      'volume',
      'bind-mount',
      'bridge-network',
      'manifest-list',
      'docker-context',
      'build-context',
      'entrypoint',
      'compose-project',
      'container-runtime',
    ]) {
      expect(ids, id).toContain(id);
    }
  });

  it.each(terms.map((t) => [t.term, t] as const))('"%s" links to a chapter heading and is one or two sentences', (_, t) => {
    const [chapter, anchor] = t.see.split('/#');
    expect(chapters.get(chapter!), t.see).toContain(anchor);
    expect(t.definition.length).toBeLessThanOrEqual(280);
  });

  const bad = (yaml: string) => () => parseGlossary(yaml, chapters, 'content/glossary.yaml');
  it('fails on a link to a heading that does not exist, naming the file, term and field', () => {
    expect(bad('- { id: image, term: image, definition: A thing., see: images-and-containers/#nope }')).toThrow(
      'content/glossary.yaml: term "image" > see: content/chapters/images-and-containers.mdx has no heading {#nope}',
    );
    expect(bad('- { id: image, term: image, definition: A thing., see: no-such-chapter/#x }')).toThrow(
      /term "image" > see: there is no chapter "no-such-chapter"/,
    );
  });

  it('fails on a missing definition, a bad id, a repeated id or form, and a three-sentence definition', () => {
    expect(bad('- { id: image, term: image, see: images-and-containers/#layers }')).toThrow(/term "image" > definition: definition is required/);
    expect(bad('- { id: Bind Mount, term: bind mount, definition: A thing., see: images-and-containers/#layers }')).toThrow(
      /term "bind mount" > id: id must be lower-case/,
    );
    expect(
      bad(
        '- { id: a, term: image, definition: A thing., see: images-and-containers/#layers }\n- { id: a, term: images, definition: B thing., see: images-and-containers/#layers }',
      ),
    ).toThrow(/term "images": the id "a" is used again/);
    expect(
      bad(
        '- { id: a, term: image, definition: A thing., see: images-and-containers/#layers }\n- { id: b, term: Image, definition: B thing., see: images-and-containers/#layers }',
      ),
    ).toThrow(/"Image" is already a form of "image"/);
    expect(bad('- { id: a, term: image, definition: One. Two. Three., see: images-and-containers/#layers }')).toThrow(
      /term "image" > definition: definition must be one or two sentences/,
    );
  });
});

describe('marking the first use of each term', () => {
  const mark = (html: string) => markTerms(html, terms, '/glossary/');

  it('links the first use only, keeping the word as written (capital, plural)', () => {
    const { html, marked } = mark('<p>Images are built in layers. An image has many layers.</p>');
    expect(html).toBe(
      '<p><a class="term" href="/glossary/#image">Images</a> are built in <a class="term" href="/glossary/#layer">layers</a>. An image has many layers.</p>',
    );
    expect(marked).toEqual(['image', 'layer']);
  });

  it('prefers the longest form: a bind mount is not a mount, a container runtime not a container', () => {
    expect(mark('<p>Use a bind mount.</p>').html).toContain('<a class="term" href="/glossary/#bind-mount">bind mount</a>');
    expect(mark('<p>The container runtime runs it.</p>').marked).toEqual(['container-runtime']);
  });

  it('never marks inside code, headings, links, figures or summaries, and marks the next plain use', () => {
    for (const html of [
      '<pre><code>docker image ls</code></pre>',
      '<p><code>image</code></p>',
      '<h2 id="x">Image</h2>',
      '<p><a href="/x/">image</a></p>',
      '<figure><svg><text>image</text></svg></figure>',
      '<details><summary>An image?</summary></details>',
      '<div data-pagefind-ignore><p>image</p></div>',
    ]) {
      const { html: out, marked } = mark(`${html}<p>An image.</p>`);
      expect(out, html).toBe(`${html}<p>An <a class="term" href="/glossary/#image">image</a>.</p>`);
      expect(marked).toEqual(['image']);
    }
  });

  it('marks whole words only, and leaves attributes alone', () => {
    expect(mark('<p title="image">imagery, tagging, re-tag</p>').marked).toEqual([]);
    expect(mark('<p>the <em>Docker\nHub</em> registry</p>').html).toContain('<a class="term" href="/glossary/#docker-hub">Docker\nHub</a>');
  });

  it("finds a term of each chapter: every term with a form in some chapter's prose can be marked", () => {
    expect(mark('<p>A Docker context names a daemon.</p>').marked).toEqual([term('docker-context').id, term('daemon').id]);
  });
});
