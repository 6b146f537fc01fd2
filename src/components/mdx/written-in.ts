/**
 * Where an author wrote the component being rendered, to start its error messages. In a chapter,
 * the MDX pipeline gives every component tag its file, line and column
 * (src/lib/markdown/tag-positions.ts): `content/chapters/install.mdx:12:3`, which editors and
 * terminals open at the tag. A component rendered elsewhere (a page, a test) names the chapter
 * file its page comes from, or the page alone.
 */
import { TAG_POSITION_PROP } from '~/lib/markdown/tag-positions.ts';

/** The chapter file a page comes from (`content/chapters/security.mdx, page /security/`), or the page alone. */
export function writtenIn(url: URL, base: string = import.meta.env.BASE_URL ?? '/'): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const rest = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname.replace(/^\//, '');
  const slug = /^([a-z0-9][a-z0-9-]*)\/?$/.exec(rest)?.[1];
  return slug ? `content/chapters/${slug}.mdx, page ${url.pathname}` : `page ${url.pathname}`;
}

/** `content/chapters/install.mdx:12:3` for a component tag of a chapter, else `writtenIn(url)`. */
export function writtenAt({ props, url }: { props: object; url: URL }): string {
  const at = (props as Record<string, unknown>)[TAG_POSITION_PROP];
  return typeof at === 'string' && at ? at : writtenIn(url);
}

/** The values an attribute may take, as an author writes them: `type="note", type="tip"`. */
export function attributeChoices(name: string, values: readonly string[]): string {
  return values.map((v) => `${name}="${v}"`).join(', ');
}

/**
 * The entry of `table` an attribute names (`<StackDiagram diagram="containers">`), or an error that
 * names the tag and the values to write instead.
 */
export function namedEntry<T>(astro: { props: object; url: URL }, tag: string, attribute: string, table: Record<string, T>, name: string, file: string): T {
  const entry = Object.hasOwn(table, name) ? table[name] : undefined;
  if (entry === undefined)
    throw tagError(astro, tag, `has ${attribute}="${name}": ${file} has no such ${attribute}; write one of ${attributeChoices(attribute, Object.keys(table))}`);
  return entry;
}

/**
 * An author's mistake in a component tag, as the build prints it: where, the tag, what is wrong and
 * what to write, e.g. `content/chapters/install.mdx:12:1: <Tabs id="install"> needs a label="…" (…)`.
 */
export function tagError(astro: { props: object; url: URL }, tag: string, message: string): Error {
  return new Error(`${writtenAt(astro)}: ${tag} ${message}`);
}
