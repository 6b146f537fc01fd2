/**
 * One page's share of `anchorRedirects` (src/lib/links/redirects.ts), as the browser needs it: old
 * fragment id → where it went, with the base path applied. The chapter page writes this into a
 * `<script type="application/json" id="anchor-redirects">` (data, never executed), and
 * src/scripts/boot/anchor-redirect.ts follows it when the URL's fragment matches no element.
 */

/** `/page/#id` (site path without the base, a trailing slash, one fragment). */
const ENTRY = /^\/([a-z0-9-]+\/)*#[A-Za-z][\w-]*$/;

/** Problems with the map, each naming the entry and what to write instead. */
export function anchorRedirectProblems(map: Readonly<Record<string, string>>, file = 'src/lib/links/redirects.ts'): string[] {
  const problems: string[] = [];
  for (const [from, to] of Object.entries(map)) {
    if (!ENTRY.test(from))
      problems.push(`${file}: anchorRedirects key "${from}" must look like "/page/#old-id" (a site path without the base path, then the fragment)`);
    if (!ENTRY.test(to)) problems.push(`${file}: anchorRedirects["${from}"] is "${to}"; it must look like "/page/#new-id"`);
    if (from === to) problems.push(`${file}: anchorRedirects["${from}"] points at itself`);
  }
  return problems;
}

/**
 * The redirects for the page at `pagePath` (site path without base, e.g. `/how-docker-works/`):
 * `{ oldId: href }`, where href is `#new-id` for an anchor that moved within the page and
 * `<base>page/#new-id` for one that moved to another page.
 */
export function pageAnchorRedirects(pagePath: string, map: Readonly<Record<string, string>>, base = '/'): Record<string, string> {
  const problems = anchorRedirectProblems(map);
  if (problems.length) throw new Error(problems.join('\n'));
  const root = base.replace(/\/?$/, '/');
  const out: Record<string, string> = {};
  for (const [from, to] of Object.entries(map)) {
    const [fromPage, fromId] = from.split('#') as [string, string];
    if (fromPage !== pagePath) continue;
    const [toPage, toId] = to.split('#') as [string, string];
    out[fromId] = toPage === pagePath ? `#${toId}` : `${root}${toPage.slice(1)}#${toId}`;
  }
  return out;
}

/** The map as the text of a JSON `<script>`: `<` escaped so no `</script>` can end it early. */
export function anchorRedirectsJson(redirects: Readonly<Record<string, string>>): string {
  return JSON.stringify(redirects).replace(/</g, '\\u003c');
}
