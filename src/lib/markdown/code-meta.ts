/**
 * What a fenced code block's meta string says, and the Shiki transformers the Markdown pipeline
 * uses (astro.config.mjs `markdown.shikiConfig.transformers`).
 *
 * ```dockerfile title="Dockerfile" {3}
 *
 * - `title="..."` names the file the block shows; it is rendered as the block's caption
 *   (src/components/prose/Pre.astro, CodeBlock.astro).
 * - `{1,3-4}` highlights lines (transformerMetaHighlight);
 * - a comment line `# [!code ++]`, `# [!code --]` or `# [!code highlight]` (`:N` for N lines)
 *   marks the next line as added, removed or highlighted (transformerNotationDiff/Highlight).
 *   In Dockerfiles and YAML put the marker on a line of its own, before the line it marks:
 *   Shiki does not read a `#` after an instruction as a comment.
 */
import type { ShikiTransformer } from 'shiki';
import { transformerMetaHighlight, transformerNotationDiff, transformerNotationHighlight } from '@shikijs/transformers';

/** The `title="..."` of a fence's meta string, or undefined. Throws on an empty or unclosed title. */
export function metaTitle(meta: string | undefined): string | undefined {
  if (!meta || !/\btitle=/.test(meta)) return undefined;
  const m = /\btitle=(?:"([^"]*)"|'([^']*)')/.exec(meta);
  const title = (m?.[1] ?? m?.[2] ?? '').trim();
  if (!title) throw new Error(`code block meta \`${meta}\`: title must be a non-empty quoted string, e.g. title="Dockerfile"`);
  return title;
}

/** Puts the meta title on the `<pre>` as `data-title`, where Pre.astro picks it up. */
export function transformerCodeTitle(): ShikiTransformer {
  return {
    name: 'docker-basics:code-title',
    // The Markdown processor may hand over the meta as a plain string; Shiki's transformers read
    // `options.meta.__raw`, so normalise it first (this transformer runs first).
    preprocess(_code, options) {
      const meta: unknown = options.meta;
      if (typeof meta === 'string') options.meta = { __raw: meta };
    },
    pre(node) {
      const title = metaTitle(this.options.meta?.__raw);
      if (title) node.properties['data-title'] = title;
      // Lines highlighted from the meta ({2}) get no marker on the <pre>: add the one that the
      // notation transformers add, so one set of styles covers both.
      const classes = (c: unknown) => (Array.isArray(c) ? c.map(String) : String(c ?? '').split(' '));
      if (this.lines.some((l) => classes(l.properties['class']).includes('highlighted'))) this.addClassToHast(node, 'has-highlighted');
    },
  };
}

/** Every transformer of the site's code blocks, in order. */
export function codeTransformers(): ShikiTransformer[] {
  return [transformerCodeTitle(), transformerMetaHighlight(), transformerNotationDiff(), transformerNotationHighlight()];
}
