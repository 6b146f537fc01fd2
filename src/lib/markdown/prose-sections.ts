/**
 * A chapter's prose, cut into one `<section class="prose-section">` for each h2 and h3 (from the
 * heading to the next one), so that the browser neither styles nor lays out the sections that
 * are off screen (`content-visibility: auto`, src/styles/prose.css). On load a chapter's one
 * style-and-layout pass covered the whole page, some 1,800 boxes for the longest chapters, and
 * the first paragraph (the Largest Contentful Paint) waited for it; with the sections skipped
 * it covers the first screen.
 *
 * The HTML is not rewritten: the sections' tags are spliced in at the offsets where the parser
 * (ultrahtml, which Astro itself uses) found the top-level headings. Text before the first
 * heading stays outside, always rendered. An element marked `data-skips-offscreen` (the command
 * reference's groups, whose entries skip themselves) ends a run and is left alone.
 *
 * Until a section is first rendered it stands in at an estimated height (`contain-intrinsic-size`,
 * then `auto` remembers the real one). The estimate is a phone's (the narrowest column, the
 * tallest page) and generous: tools that lay out off-screen content without its box (axe's
 * target-size in Lighthouse) must not see one section's links overlap the next one's.
 * tests/e2e/site.spec.ts ("chapter sections off screen") compares it with the rendered sections
 * at 320, 390 and 1280 px; tests/unit/prose-sections.test.ts covers the splice.
 */
import { parse, ELEMENT_NODE, TEXT_NODE, type Node } from 'ultrahtml';

/** Characters of prose on one line at 320 px (the narrowest width WCAG reflow asks for), rounded down. */
const CHARS_PER_LINE = 28;
const LINE_PX = 27;
/** A code line (no wrapping: long lines scroll). */
const CODE_LINE_PX = 22;
/** Margins and padding of one block: a paragraph, a list item, a row, a heading, a figure. */
const BLOCK_PX = 30;
/** A code block's frame: padding, its title bar and copy button. */
const CODE_FRAME_PX = 60;
/** The fewest characters a line of a table's cell holds, however many columns share the line. */
const MIN_CELL_CHARS = 9;
/** A section's own: the space above its heading, and its padding. */
const SECTION_PX = 40;
/** The narrowest column a figure is drawn in, px; a diagram scales down to it from its own width. */
const COLUMN_PX = 350;

const BLOCKS = new Set([
  'p',
  'li',
  'tr',
  'dt',
  'dd',
  'figure',
  'figcaption',
  'blockquote',
  'details',
  'summary',
  'table',
  'h2',
  'h3',
  'h4',
  'aside',
  'hr',
  'label',
]);

export interface ProseSection {
  /** The id of the heading the section starts with. */
  heading: string;
  /** The estimated height, px, that the section stands in at until it is rendered. */
  estimatePx: number;
}

const hasClass = (n: Node, name: string): boolean => n.type === ELEMENT_NODE && ` ${n.attributes['class'] ?? ''} `.includes(` ${name} `);
const isWrapper = (n: Node): boolean =>
  n.type === ELEMENT_NODE && n.name === 'div' && hasClass(n, 'heading-wrapper') && (hasClass(n, 'level-h2') || hasClass(n, 'level-h3'));
const firstElement = (n: Node): Node | undefined => (n.children ?? []).find((c: Node) => c.type === ELEMENT_NODE);

/**
 * The h2 or h3 (its AnchorHeading wrapper) that a top-level node starts with: the node itself, or
 * its first element, as in `<div data-pagefind-ignore>` around a chapter's Sources.
 */
function startingHeading(n: Node): Node | undefined {
  if (isWrapper(n)) return n;
  const first = n.type === ELEMENT_NODE ? firstElement(n) : undefined;
  return first && isWrapper(first) ? first : undefined;
}

function headingId(n: Node): string {
  const h = (n.children ?? []).find((c: Node) => c.type === ELEMENT_NODE && /^h[23]$/.test(c.name));
  const id = h?.attributes['id'];
  if (!id)
    throw new Error(`A section heading has no id: ${JSON.stringify((n.attributes['class'] ?? '').slice(0, 60))}. Give every h2 and h3 an explicit {#id}.`);
  return id;
}

/** The estimated height of a run of top-level nodes, px (see the module comment). */
export function estimateHeightPx(nodes: readonly Node[]): number {
  let chars = 0;
  let blocks = 0;
  let px = 0;
  const walk = (n: Node, inPre: boolean) => {
    if (n.type === TEXT_NODE) {
      if (!inPre) chars += n.value.replace(/\s+/g, ' ').length;
      return;
    }
    if (n.type !== ELEMENT_NODE) return;
    if (n.name === 'pre') {
      const text = textOf(n);
      px += CODE_FRAME_PX + text.replace(/\n$/, '').split('\n').length * CODE_LINE_PX;
      return;
    }
    if (n.name === 'table') {
      px += tableHeightPx(n);
      return;
    }
    if (n.name === 'svg') {
      const w = Number(n.attributes['width']);
      const h = Number(n.attributes['height']);
      if (w > 0 && h > 0) px += (h * Math.min(w, COLUMN_PX)) / w;
      return;
    }
    // What is not shown until asked for: a closed <details> (a self-check's answer) shows its
    // summary, screen-reader text and hidden elements nothing, a set of tabs its tallest panel.
    if ('hidden' in n.attributes || hasClass(n, 'sr-only')) return;
    if (BLOCKS.has(n.name)) blocks++;
    if (n.name === 'details' && !('open' in n.attributes)) {
      for (const c of n.children ?? []) if (c.type === ELEMENT_NODE && c.name === 'summary') walk(c, inPre);
      return;
    }
    const panels = (n.children ?? []).filter((c: Node) => hasClass(c, 'tab-panel'));
    if (panels.length > 1) {
      px += Math.max(...panels.map((p: Node) => estimateHeightPx([p])));
      for (const c of n.children ?? []) if (!panels.includes(c)) walk(c, inPre);
      return;
    }
    for (const c of n.children ?? []) walk(c, inPre);
  };
  for (const n of nodes) walk(n, false);
  return Math.ceil((chars / CHARS_PER_LINE) * LINE_PX + blocks * BLOCK_PX + px);
}

/**
 * A table on a phone: its columns share the line, so each row is as tall as its longest cell
 * wrapped at its share of the characters (a narrow column still holds a word or two).
 */
function tableHeightPx(table: Node): number {
  const rows: Node[] = [];
  const collect = (n: Node) => {
    if (n.type !== ELEMENT_NODE) return;
    if (n.name === 'tr') rows.push(n);
    else for (const c of n.children ?? []) collect(c);
  };
  collect(table);
  let px = 0;
  for (const row of rows) {
    const cells = (row.children ?? []).filter((c: Node) => c.type === ELEMENT_NODE && (c.name === 'td' || c.name === 'th'));
    const perLine = Math.max(MIN_CELL_CHARS, CHARS_PER_LINE / Math.max(cells.length, 1));
    const lines = Math.max(1, ...cells.map((c: Node) => Math.ceil(textOf(c).replace(/\s+/g, ' ').trim().length / perLine)));
    px += lines * LINE_PX + BLOCK_PX;
  }
  return px;
}

function textOf(n: Node): string {
  if (n.type === TEXT_NODE) return n.value;
  return (n.children ?? []).map(textOf).join('');
}

/**
 * `html` (a chapter's rendered prose) with each run from a top-level h2 or h3 to the next one
 * wrapped in a section, and the sections it made.
 */
export function sectionProse(html: string): { html: string; sections: ProseSection[] } {
  const top: Node[] = parse(html).children ?? [];
  const sections: ProseSection[] = [];
  const cuts: Array<{ at: number; text: string }> = [];
  let open: { start: number; nodes: Node[]; heading: string } | null = null;
  const close = (at: number) => {
    if (!open) return;
    const estimatePx = SECTION_PX + estimateHeightPx(open.nodes);
    sections.push({ heading: open.heading, estimatePx });
    cuts.push({ at: open.start, text: `<section class="prose-section" style="contain-intrinsic-size:auto ${estimatePx}px">` });
    cuts.push({ at, text: '</section>' });
    open = null;
  };
  for (const n of top) {
    const start: number | undefined = n.loc?.[0]?.start;
    if (n.type === ELEMENT_NODE && 'data-skips-offscreen' in n.attributes) {
      close(start!);
      continue;
    }
    const heading = startingHeading(n);
    if (heading) {
      close(start!);
      open = { start: start!, nodes: [n], heading: headingId(heading) };
    } else if (open) {
      open.nodes.push(n);
    }
  }
  close(html.length);
  // Spliced from the end so that earlier offsets hold; where one section closes and the next
  // opens at the same offset, the opening tag goes in first so that it ends up after the closing one.
  let out = html;
  const order = cuts.map((c, i) => ({ ...c, i })).sort((a, b) => b.at - a.at || b.i - a.i);
  for (const c of order) out = out.slice(0, c.at) + c.text + out.slice(c.at);
  return { html: out, sections };
}
