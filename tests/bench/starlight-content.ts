/**
 * Our chapters as Starlight docs, for the side-by-side benchmark (tests/bench/starlight.ts): the
 * same prose, with our components replaced by Starlight's or by plain Markdown, so that the two
 * builds differ in the site around the text and not in the text.
 *
 * - `import … from '~/components/mdx'` lines go; Starlight's components are imported instead.
 * - `Aside`: the same four types exist in Starlight (note, tip, caution, danger); a missing title
 *   becomes our default label, so that the callout says the same ("Security warning").
 * - `Tabs`/`TabItem`, `FileTree`: Starlight's, without our props it has no use for (id, label,
 *   value, level).
 * - `Figure`/`SubFigure`: the caption as a paragraph ("Figure 1. …", "(a) …"); the SVG diagrams
 *   (`StackDiagram`, `FlowDiagram`) go, their labels are not carried over.
 * - `SelfCheck`: the question as a bold paragraph and the answer in a <details>.
 * - `{#id}` heading attributes go: MDX would read them as a JavaScript expression and fail. The
 *   headings get Starlight's own slugs, so a link to one of our fragments lands at the page's top.
 * - `# [!code ++]`-style marker lines go: on our site Shiki removes them (src/lib/markdown/code-meta.ts).
 * The `commands` chapter is data (`<CommandReference />`): `commandsFromHtml` takes its text from
 * our built page instead.
 */

/** Our Aside's default titles (src/components/mdx/Aside.astro). */
const ASIDE_LABELS: Record<string, string> = { note: 'Note', tip: 'Tip', caution: 'Caution', danger: 'Security warning' };

/** A JSX string expression: the exact text, whatever Markdown or MDX would make of it. */
const text = (s: string) => `{${JSON.stringify(s)}}`;

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}=(?:"([^"]*)"|\\{([^}]*)\\})`)
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);
}

/** Frontmatter with title and description kept, and our `order` as Starlight's sidebar order. */
function frontmatter(source: string, orderOffset: number): { head: string; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(source);
  if (!m) throw new Error('chapter has no frontmatter');
  const fields = Object.fromEntries(
    m[1]!
      .split('\n')
      .map((l) => /^(\w+):\s*(.*)$/.exec(l))
      .filter((x) => x !== null)
      .map((x) => [x[1]!, x[2]!]),
  );
  const { title, description, order } = fields;
  if (!title) throw new Error('chapter has no title');
  const lines = [
    `title: ${title}`,
    ...(description ? [`description: ${description}`] : []),
    ...(order ? ['sidebar:', `  order: ${orderOffset + Number(order)}`] : []),
  ];
  return { head: `---\n${lines.join('\n')}\n---\n`, body: source.slice(m[0].length) };
}

/** One of our chapters (MDX source) as a Starlight doc (MDX). `orderOffset` orders the copies. */
export function chapterToStarlight(source: string, orderOffset = 0): string {
  const { head, body: raw } = frontmatter(source, orderOffset);
  const used = new Set<string>();
  let body = raw
    .replace(/^import\s.*from\s+['"]~\/components\/mdx['"];?\s*$/gm, '')
    .replace(/^(#{1,6}\s.*?)\s*\{#[A-Za-z0-9_-]+\}\s*$/gm, '$1')
    .replace(/^[ \t]*#[ \t]*\[!code [^\]]*\][ \t]*\n/gm, '')
    .replace(/<Aside\b([^>]*)>/g, (_m, attrs: string) => {
      used.add('Aside');
      const type = attr(attrs, 'type') ?? 'note';
      const title = attr(attrs, 'title') ?? ASIDE_LABELS[type] ?? type;
      return `<Aside type="${type}" title=${text(title)}>`;
    })
    .replace(/<Tabs\b([^>]*)>/g, (_m, attrs: string) => {
      used.add('Tabs');
      const key = attr(attrs, 'syncKey');
      return key ? `<Tabs syncKey="${key}">` : '<Tabs>';
    })
    .replace(/<TabItem\b([^>]*)>/g, (_m, attrs: string) => {
      used.add('TabItem');
      return `<TabItem label=${text(attr(attrs, 'label') ?? '')}>`;
    })
    .replace(/<FileTree\b[^>]*>/g, () => {
      used.add('FileTree');
      return '<FileTree>';
    })
    .replace(
      /^[ \t]*<Figure\b([^>]*)>[ \t]*$/gm,
      (_m, attrs: string) => `\n<p>${text(`Figure ${attr(attrs, 'number') ?? ''}. ${attr(attrs, 'caption') ?? ''}`)}</p>\n`,
    )
    .replace(
      /^[ \t]*<SubFigure\b([^>]*)>[ \t]*$/gm,
      (_m, attrs: string) => `\n<p>${text(`(${attr(attrs, 'label') ?? ''}) ${attr(attrs, 'caption') ?? ''}`)}</p>\n`,
    )
    .replace(/^[ \t]*<\/(?:Figure|SubFigure)>[ \t]*$/gm, '')
    .replace(/^[ \t]*<(?:StackDiagram|FlowDiagram)\b[^>]*\/>[ \t]*$/gm, '')
    .replace(
      /<SelfCheck\b([^>]*)>/g,
      (_m, attrs: string) => `<p><strong>${text(attr(attrs, 'question') ?? '')}</strong></p>\n\n<details>\n<summary>Answer</summary>\n`,
    )
    .replace(/<\/SelfCheck>/g, '\n</details>');
  const left = /<(Figure|SubFigure|StackDiagram|FlowDiagram|SelfCheck|CommandReference|CodeBlock|CommandEntry|FlagTable)\b/.exec(body);
  if (left) throw new Error(`<${left[1]}> has no Starlight equivalent here (tests/bench/starlight-content.ts)`);
  const imports = [...used].sort();
  if (imports.length) body = `import { ${imports.join(', ')} } from '@astrojs/starlight/components';\n${body}`;
  return head + body;
}

/**
 * A chapter built from data (our `commands` chapter) as a Starlight Markdown doc: the frontmatter
 * of its source, and the body of our built page as raw HTML, without our page's own title, lead,
 * table of contents, scripts and styles (Starlight adds its own title and table of contents).
 * Markdown, not MDX: MDX would parse the HTML as JSX and reject its `style="…"` attributes.
 */
export function commandsFromHtml(source: string, builtPage: string, orderOffset = 0): string {
  const { head } = frontmatter(source, orderOffset);
  const start = builtPage.indexOf('<article');
  const tocEnd = builtPage.indexOf('</nav>', start);
  const end = builtPage.indexOf('<footer class="page-meta', start);
  if (start < 0 || tocEnd < 0 || end < 0) throw new Error('commands: our built page has no <article> with a table of contents and a page-meta footer');
  const html = builtPage
    .slice(tocEnd + '</nav>'.length, end)
    .replace(/<script\b[\s\S]*?<\/script>/g, '')
    .replace(/<style\b[\s\S]*?<\/style>/g, '')
    // A raw HTML block ends at a blank line: keep it one block (a space renders as nothing).
    .split('\n')
    .map((l) => (l.trim() ? l : '&#32;'))
    .join('\n');
  return `${head}\n<div class="from-our-build">\n${html}\n</div>\n`;
}
