/**
 * Addresses that are not pages but plainly mean one (issue 22.7), sent there by the 404 page
 * (src/scripts/pages/not-found-redirect.ts) before it suggests anything:
 * - a known page in the wrong case or without its trailing slash: `/Compose` → `/compose/`;
 * - a reference entry written as a page: `/commands/docker-run/` (or `/commands/docker run`)
 *   → `/commands/#docker-run`.
 * Pure: the 404 page passes the known pages and the reference's anchors embedded at build time.
 */
export interface AddressFixData {
  /** Known page paths without the base, e.g. `/compose/`. */
  pages: readonly string[];
  /** The reference chapter's path (`/commands/`) and the anchors it renders. */
  reference: { path: string; anchors: readonly string[] };
}

/** The address (base included, with any `#fragment`) the 404 page should go to, or undefined. */
export function fixAddress(pathname: string, base: string, data: AddressFixData): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const b = base.toLowerCase();
  if (!path.toLowerCase().startsWith(b)) return undefined;
  path = `/${path.slice(base.length)}`.replace(/\/+/g, '/').toLowerCase();
  if (!path.endsWith('/')) path += '/';
  const page = data.pages.find((p) => p.toLowerCase() === path);
  if (page) return page === `/${pathname.slice(base.length)}` ? undefined : base + page.slice(1);
  const ref = data.reference.path.toLowerCase();
  if (path.startsWith(ref)) {
    const anchor = path
      .slice(ref.length)
      .replace(/\/$/, '')
      .trim()
      .replace(/[\s_/]+/g, '-');
    if (anchor && data.reference.anchors.includes(anchor)) return `${base}${data.reference.path.slice(1)}#${anchor}`;
  }
  return undefined;
}
