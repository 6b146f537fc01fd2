/**
 * Where each component tag of a chapter is written, for the component's own build errors.
 *
 * An mdast plugin of the Markdown processor (astro.config.mjs, `satteri({ mdastPlugins })`): in an
 * MDX file, every JSX element whose name starts with a capital letter (a component: `<Tabs>`,
 * `<TabItem>`, `<Figure>`; lower-case tags are HTML and are left alone) gets one more prop,
 * `__at="content/chapters/install.mdx:12:3"`: the file relative to the project root, then the line
 * and column of the tag's `<`. `writtenAt()` (src/components/mdx/written-in.ts) reads it to start
 * the component's error messages; no component renders it, so the HTML is unchanged
 * (tests/build/page-conventions.test.ts checks that no page carries it).
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The hidden prop that carries a component tag's position. */
export const TAG_POSITION_PROP = '__at';

/** The parts of an MDX JSX element node the plugin reads (mdast, as Sätteri hands it over). */
interface JsxElementNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: Array<{ type: string; name?: string }>;
  data?: Record<string, unknown>;
  position?: { start: { line: number; column: number } };
}

/** The parts of Sätteri's visitor context the plugin uses. */
interface VisitorContext {
  replaceNode(node: JsxElementNode, replacement: JsxElementNode & { _keepChildren: true }): void;
}

/** `file:line:column` of a tag, as the components print it. */
export function tagPosition(file: string, line: number, column: number): string {
  return `${file}:${line}:${column}`;
}

/**
 * The plugin entry for `satteri({ mdastPlugins: [tagPositions(root)] })`: a factory that Sätteri
 * calls once per document; it adds nothing to plain Markdown (which has no JSX), nor to a document
 * compiled without a file.
 */
export function tagPositions(root: string) {
  return ({ fileURL, sourceFormat }: { fileURL: URL | undefined; sourceFormat: string }) => {
    if (sourceFormat !== 'mdx' || !fileURL) return null;
    const file = relative(root, fileURLToPath(fileURL));
    const mark = (node: JsxElementNode, ctx: VisitorContext) => {
      const start = node.position?.start;
      if (!start || !node.name || !/^[A-Z]/.test(node.name)) return;
      if (node.attributes.some((a) => a.name === TAG_POSITION_PROP)) return;
      // Sätteri cannot set `attributes` in place: the element is replaced by itself with one more
      // prop, keeping its children as they are.
      ctx.replaceNode(node, {
        type: node.type,
        name: node.name,
        attributes: [...node.attributes, { type: 'mdxJsxAttribute', name: TAG_POSITION_PROP, value: tagPosition(file, start.line, start.column) }],
        ...(node.data ? { data: node.data } : {}),
        _keepChildren: true,
      } as JsxElementNode & { _keepChildren: true });
    };
    return {
      name: 'docker-basics:tag-positions',
      // Sätteri tracks source positions only when a plugin asks for them.
      options: { position: true },
      mdxJsxFlowElement: mark,
      mdxJsxTextElement: mark,
    };
  };
}
