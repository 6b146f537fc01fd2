/**
 * src/lib/markdown/prose-sections.ts: a chapter's prose cut into one section per h2 and h3. The built
 * chapters are checked in the browser (tests/e2e/site.spec.ts, "chapter sections off screen").
 */
import { describe, expect, it } from 'vitest';
import { sectionProse } from '../../src/lib/markdown/prose-sections.ts';

/** An AnchorHeading as the chapters render it. */
const h = (level: 2 | 3, id: string, text = id) =>
  `<div class="heading-wrapper level-h${level} astro-x"><h${level} id="${id}">${text}</h${level}><a class="anchor-link" href="#${id}">#</a></div>`;

const tags = (html: string) => [...html.matchAll(/<\/?section[^>]*>|<h[23] id="([^"]+)"/g)].map((m) => m[1] ?? (m[0].startsWith('</') ? '/' : 'S'));

describe('sectionProse', () => {
  it('opens a section at every top-level h2 and h3 and leaves the opening text outside', () => {
    const html = `<p>Opening.</p>\n${h(2, 'a')}<p>One.</p>${h(3, 'b')}<ul><li>x</li></ul>\n${h(2, 'c')}<p>Two.</p>\n`;
    const { html: out, sections } = sectionProse(html);
    expect(out.startsWith('<p>Opening.</p>\n<section')).toBe(true);
    expect(tags(out)).toEqual(['S', 'a', '/', 'S', 'b', '/', 'S', 'c', '/']);
    expect(sections.map((s) => s.heading)).toEqual(['a', 'b', 'c']);
    // Nothing of the input is changed: only the sections' tags are added.
    expect(out.replace(/<section[^>]*>|<\/section>/g, '')).toBe(html);
  });

  it('starts a section at an element that begins with a heading (a wrapper around Sources)', () => {
    const { html: out, sections } = sectionProse(`${h(2, 'a')}<p>x</p><div data-pagefind-ignore="true">${h(3, 'sources')}<ul><li>y</li></ul></div>`);
    expect(sections.map((s) => s.heading)).toEqual(['a', 'sources']);
    expect(tags(out)).toEqual(['S', 'a', '/', 'S', 'sources', '/']);
  });

  it('leaves an element marked data-skips-offscreen outside every section, and ends the run before it', () => {
    const html = `${h(2, 'intro')}<p>x</p><section class="cmd-group" data-skips-offscreen>${h(2, 'group')}<p>y</p></section><p>after</p>`;
    const { html: out, sections } = sectionProse(html);
    expect(sections.map((s) => s.heading)).toEqual(['intro']);
    expect(out).toContain('</section><section class="cmd-group" data-skips-offscreen>');
    expect(out.endsWith('</section><p>after</p>')).toBe(true);
  });

  it('does not count what is hidden until asked for: a closed answer, screen-reader text, all tabs but the tallest', () => {
    const long = 'word '.repeat(400);
    const base = sectionProse(`${h(2, 'a')}<p>Question?</p>`).sections[0]!.estimatePx;
    const closed = sectionProse(`${h(2, 'a')}<p>Question?</p><details><summary>Answer</summary><p>${long}</p></details>`).sections[0]!.estimatePx;
    const open = sectionProse(`${h(2, 'a')}<p>Question?</p><details open><summary>Answer</summary><p>${long}</p></details>`).sections[0]!.estimatePx;
    const srOnly = sectionProse(`${h(2, 'a')}<p>Question?<span class="sr-only">${long}</span></p>`).sections[0]!.estimatePx;
    expect(closed - base).toBeLessThan(100);
    expect(open - base).toBeGreaterThan(1000);
    expect(srOnly).toBe(base);
    const panel = (n: number) => `<section class="tab-panel"><p>${'word '.repeat(n)}</p></section>`;
    const oneTab = sectionProse(`${h(2, 'a')}<div class="tabs">${panel(400)}</div>`).sections[0]!.estimatePx;
    const threeTabs = sectionProse(`${h(2, 'a')}<div class="tabs">${panel(100)}${panel(400)}${panel(200)}</div>`).sections[0]!.estimatePx;
    expect(threeTabs - oneTab).toBeLessThan(100);
  });

  it('gives a code block a height by its lines and a diagram by its drawn size', () => {
    const est = (body: string) => sectionProse(`${h(2, 'a')}${body}`).sections[0]!.estimatePx;
    const code = (lines: number) => `<pre><code>${'docker ps\n'.repeat(lines)}</code></pre>`;
    expect(est(code(20)) - est(code(10))).toBeGreaterThanOrEqual(200);
    expect(est('<svg width="320" height="400"></svg>') - est('<svg width="320" height="100"></svg>')).toBe(300);
  });

  it('names the heading without an id', () => {
    expect(() => sectionProse('<div class="heading-wrapper level-h2"><h2>No id</h2></div>')).toThrow(/no id.*\{#id\}/);
  });
});
