/**
 * Every chapter as Markdown beside its HTML (`<chapter>/index.md`, src/integrations/markdown-pages.ts)
 * in both builds: every heading anchor of the chapter's article survives as `{#anchor}`, every code
 * block survives whole in a fenced block with its language, every self-check question and exercise
 * is there with its answer at the end, no page furniture leaks in, and /llms.txt lists each chapter's
 * Markdown on one line. The lists come from the built HTML and content/chapters/, never written here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, walkSync, ELEMENT_NODE, TEXT_NODE, type Node } from 'ultrahtml';
import { articleHtml } from '../../src/lib/markdown/page-markdown.ts';
import { decodeEntities } from '../../src/lib/text/html-entities.ts';

const SITE_ORIGIN = process.env['SITE_URL'] ?? 'http://localhost:4321';
const builds = [
  { dir: 'dist', base: '/' },
  { dir: 'dist-base', base: '/docker-basics/' },
];
const slugs = readdirSync('content/chapters')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''));

const textOf = (n: Node): string => (n.type === TEXT_NODE ? decodeEntities(n.value) : (n.children ?? []).map(textOf).join(''));
const cls = (n: Node, c: string) => ` ${n.attributes?.['class'] ?? ''} `.includes(` ${c} `);

/** What a reader finds in the chapter's HTML: heading anchors, code blocks, self-checks, exercises. */
function htmlParts(html: string) {
  const doc = parse(articleHtml(html));
  const anchors: string[] = [];
  const code: Array<{ lang: string; text: string }> = [];
  let questions = 0;
  let exercises = 0;
  walkSync(doc, (n: Node) => {
    if (n.type !== ELEMENT_NODE) return;
    if (/^h[2-6]$/.test(n.name) && n.attributes['id']) anchors.push(n.attributes['id']);
    if (cls(n, 'code-block')) {
      const pre = (function find(x: Node): Node | undefined {
        return x.name === 'pre' ? x : (x.children ?? []).map(find).find(Boolean);
      })(n);
      if (pre) code.push({ lang: n.attributes['data-lang'] ?? '', text: textOf(pre).replace(/\n+$/, '') });
    }
    if (cls(n, 'self-check')) questions++;
    if (n.name === 'docker-exercise') exercises++;
  });
  return { anchors, code, questions, exercises };
}

/** The fenced code blocks of a Markdown text, indented ones (in a list item) included, de-indented. */
function fencedBlocks(md: string): Array<{ lang: string; text: string }> {
  return [...md.matchAll(/^( *)(`{3,})(\S*)\n([\s\S]*?)\n\1\2$/gm)].map((m) => ({
    lang: m[3]!,
    text: m[4]!
      .split('\n')
      .map((l) => l.slice(m[1]!.length))
      .join('\n'),
  }));
}

describe.each(builds)('chapters as Markdown in $dir/', ({ dir, base }) => {
  it('the build exists', () => expect(existsSync(`${dir}/index.html`), 'run npm run build:all first').toBe(true));

  describe.each(slugs)('%s', (slug) => {
    const html = () => readFileSync(`${dir}/${slug}/index.html`, 'utf8');
    const md = () => readFileSync(`${dir}/${slug}/index.md`, 'utf8');

    it('is published beside the page, and the page links it', () => {
      expect(existsSync(`${dir}/${slug}/index.md`)).toBe(true);
      expect(html()).toContain(`href="${base}${slug}/index.md"`);
    });

    it('keeps every heading anchor as {#anchor}, and the title', () => {
      const { anchors } = htmlParts(html());
      expect(anchors.length).toBeGreaterThan(0);
      const title = /<h1 id="_top">([^<]+)<\/h1>/.exec(html())?.[1];
      expect(md().startsWith(`# ${decodeEntities(title!)}\n`)).toBe(true);
      const missing = anchors.filter((a) => !new RegExp(`^#{2,6} .+ \\{#${a}\\}$`, 'm').test(md()));
      expect(missing, 'heading anchors missing from the Markdown').toEqual([]);
    });

    it('keeps every code block whole, fenced with its language', () => {
      const fenced = new Set(fencedBlocks(md()).map((f) => `${f.lang}\n${f.text}`));
      const missing = htmlParts(html()).code.filter((c) => !fenced.has(`${c.lang}\n${c.text}`));
      expect(
        missing.map((c) => c.text.slice(0, 80)),
        'code blocks missing from the Markdown',
      ).toEqual([]);
    });

    it('asks each self-check question and sets each exercise in place, with the answers at the end', () => {
      const { questions, exercises } = htmlParts(html());
      const text = md();
      const [body, answers = ''] = text.split('\n## Answers\n');
      expect((body!.match(/^\*\*Question \d+\.\*\* /gm) ?? []).length).toBe(questions);
      expect((answers.match(/^\*\*Question \d+\.\*\* /gm) ?? []).length).toBe(questions);
      expect((body!.match(/^\*\*Exercise \d+\.\*\* /gm) ?? []).length).toBe(exercises);
      expect((answers.match(/^\*\*Exercise \d+\.\*\* `docker /gm) ?? []).length).toBe(exercises);
    });

    it('has no page furniture and no relative links', () => {
      const text = md();
      for (const bit of ['Link to section', 'I answered this', 'Copy page as Markdown', '<svg', '<button', 'Your command']) expect(text).not.toContain(bit);
      expect(text).not.toMatch(/\]\(\.\.?\//);
      // Glossary marks are words again, not links.
      expect(text).not.toContain('/glossary/#');
    });
  });

  it('llms.txt lists every chapter, one line each, linking Markdown that exists', () => {
    const llms = readFileSync(`${dir}/llms.txt`, 'utf8');
    expect(llms.startsWith('# Docker basics\n\n> ')).toBe(true);
    for (const slug of slugs) {
      const url = new URL(`${base}${slug}/index.md`, SITE_ORIGIN).href;
      const lines = llms.split('\n').filter((l) => l.includes(`(${url})`));
      expect(lines, slug).toHaveLength(1);
      expect(lines[0]).toMatch(/^- \[[^\]]+\]\([^)]+\): \S/);
    }
  });
});
