/**
 * Where an author wrote the component being rendered, for its error messages: the chapter file a
 * page comes from (`content/chapters/security.mdx, page /security/`), or the page alone. The
 * content checks (src/lib/checks/) name the line as well, and run first; these messages are for
 * what only the rendered component can know.
 */
export function writtenIn(url: URL, base: string = import.meta.env.BASE_URL ?? '/'): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const rest = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname.replace(/^\//, '');
  const slug = /^([a-z0-9][a-z0-9-]*)\/?$/.exec(rest)?.[1];
  return slug ? `content/chapters/${slug}.mdx, page ${url.pathname}` : `page ${url.pathname}`;
}
