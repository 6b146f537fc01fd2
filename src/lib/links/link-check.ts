/**
 * A small link and anchor checker for the built site (dist/). Pure: it works on a map of files
 * (path relative to dist → HTML text, or `null` for a non-HTML file), so the build test reads
 * dist/ from disk and the unit tests pass tiny in-memory sites.
 *
 * It checks every `href`/`src` of every page (and the target of Astro's meta-refresh redirect
 * pages): internal links must point to a file that exists, under the base path, with a trailing
 * slash for pages, and a `#fragment` must name an element id on the target page. External links
 * must be well-formed http(s)/mailto URLs, and a link that opens a new tab must carry
 * `rel="noopener noreferrer"`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { decodeEntities } from '../text/html-entities.ts';

/** One tag of interest found in a page. */
export interface FoundLink {
  tag: string;
  attr: string;
  value: string;
  target?: string | undefined;
  rel?: string | undefined;
}

export interface ParsedPage {
  /** Every `id` (and `<a name>`) on the page. */
  ids: Set<string>;
  /** Ids that occur more than once. */
  duplicateIds: string[];
  links: FoundLink[];
  /** Target of `<meta http-equiv="refresh" content="0;url=…">` (Astro redirect pages). */
  refresh?: string | undefined;
  /** Ids of h1–h6 headings inside `<main>`: the anchors instructors link to. */
  headingIds: string[];
}

const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function attributes(src: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of src.matchAll(ATTR)) {
    const name = m[1]!.toLowerCase();
    if (!out.has(name)) out.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return out;
}

/** Attributes that hold a URL, per tag. */
const URL_ATTRS: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src'],
  script: ['src'],
  source: ['src'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  use: ['href'],
  form: ['action'],
};

/** Parse one HTML page: ids, links and redirect target. Skips comments, scripts and styles. */
export function parsePage(html: string): ParsedPage {
  const ids = new Set<string>();
  const dup = new Set<string>();
  const links: FoundLink[] = [];
  const headingIds: string[] = [];
  let refresh: string | undefined;
  let inMain = 0;
  const stripped = html.replace(/<!--[\s\S]*?-->/g, '');
  const TAG = /<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let m: RegExpExecArray | null;
  while ((m = TAG.exec(stripped))) {
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    if (closing) {
      if (tag === 'main') inMain = Math.max(0, inMain - 1);
      continue;
    }
    const attrs = attributes(m[3] ?? '');
    const id = attrs.get('id') ?? (tag === 'a' ? attrs.get('name') : undefined);
    if (id !== undefined && id !== '') {
      if (ids.has(id)) dup.add(id);
      ids.add(id);
      if (inMain && /^h[1-6]$/.test(tag)) headingIds.push(id);
    }
    if (tag === 'main') inMain++;
    for (const a of URL_ATTRS[tag] ?? []) {
      const v = attrs.get(a);
      if (v !== undefined) links.push({ tag, attr: a, value: v, target: attrs.get('target'), rel: attrs.get('rel') });
    }
    if (tag === 'meta' && attrs.get('http-equiv')?.toLowerCase() === 'refresh') {
      refresh = /url\s*=\s*['"]?([^'"]+)/i.exec(attrs.get('content') ?? '')?.[1]?.trim();
    }
    if (tag === 'script' || tag === 'style') {
      // Skip the element's text: it is not markup.
      const end = stripped.toLowerCase().indexOf(`</${tag}`, TAG.lastIndex);
      if (end >= 0) TAG.lastIndex = end;
    }
  }
  return { ids, duplicateIds: [...dup], links, refresh, headingIds };
}

/** Files of a built site: path relative to the site root (`a/index.html`) → HTML text, or null. */
export type SiteFiles = Map<string, string | null>;

/** Read a built site from disk. HTML files are read; other files are only listed. */
export function readSite(dir: string): SiteFiles {
  const files: SiteFiles = new Map();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const rel = relative(dir, p).split(sep).join('/');
        files.set(rel, rel.endsWith('.html') ? readFileSync(p, 'utf8') : null);
      }
    }
  };
  walk(dir);
  return files;
}

export interface LinkProblem {
  /** The page with the link, relative to the site root, e.g. `dist/what-is-docker/index.html`. */
  file: string;
  link: string;
  message: string;
}

export interface CheckOptions {
  /** Base path the site was built for: `/` or `/docker-basics/`. @default '/' */
  base?: string;
  /** The configured `site` origin: absolute links to it (canonical, og:url) are checked as internal. */
  siteOrigin?: string;
  /** Prefix for file names in messages, e.g. `dist/`. @default '' */
  label?: string;
  /**
   * Paths (with the base) served by another build beside this one: a term snapshot's `/2027-spring/`
   * from the current site, or the current site's `/` from a snapshot. A link there is not checked
   * here unless it is also under this build's base (the longer path wins); that build checks its own.
   */
  otherSites?: readonly string[];
}

/** Whether `pathname` belongs to another build (CheckOptions.otherSites) rather than to this one at `base`. */
export function inOtherSite(pathname: string, base: string, otherSites: readonly string[]): boolean {
  const owner = [base, ...otherSites].filter((p) => pathname.startsWith(p)).sort((a, b) => b.length - a.length)[0];
  return owner !== undefined && owner !== base;
}

const FAKE_ORIGIN = 'http://site.invalid';

/** URL path of a file: `a/index.html` → `<base>a/`, `favicon.svg` → `<base>favicon.svg`. */
export function urlPathOf(file: string, base = '/'): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  if (file === 'index.html') return b;
  if (file.endsWith('/index.html')) return b + file.slice(0, -'index.html'.length);
  return b + file;
}

export interface Resolved {
  /** The file the path maps to, relative to the site root. */
  file?: string | undefined;
  problem?: string | undefined;
}

/** Map an absolute URL path (with base) to a file of the site. */
export function resolvePath(files: SiteFiles, pathname: string, base = '/'): Resolved {
  const b = base.endsWith('/') ? base : `${base}/`;
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return { problem: 'the path is not valid percent-encoding' };
  }
  if (!path.startsWith(b)) return { problem: `the path is outside the base path ${b}` };
  const rel = path.slice(b.length);
  if (rel === '' || rel.endsWith('/')) {
    const file = `${rel}index.html`;
    return files.has(file) ? { file } : { problem: 'no such page' };
  }
  if (files.has(rel)) return { file: rel };
  if (files.has(`${rel}/index.html`)) return { problem: `the page exists at ${path}/: add the trailing slash` };
  return { problem: 'no such file' };
}

/** Follow meta-refresh redirect pages (at most 5 hops) to the final page file. */
function followRedirects(files: SiteFiles, parsed: Map<string, ParsedPage>, file: string, base: string): Resolved {
  let current = file;
  for (let hop = 0; hop < 5; hop++) {
    const target = parsed.get(current)?.refresh;
    if (!target) return { file: current };
    const url = new URL(target, FAKE_ORIGIN + urlPathOf(current, base));
    const r = resolvePath(files, url.pathname, base);
    if (!r.file) return { problem: `it redirects to ${target}, where there is ${r.problem}` };
    current = r.file;
  }
  return { problem: 'too many redirects' };
}

/** Check every link of every page. Returns one problem per broken link (empty when all resolve). */
export function checkLinks(files: SiteFiles, opts: CheckOptions = {}): LinkProblem[] {
  const base = opts.base ?? '/';
  const label = opts.label ?? '';
  const parsed = new Map<string, ParsedPage>();
  for (const [file, html] of files) if (html !== null) parsed.set(file, parsePage(html));
  const problems: LinkProblem[] = [];

  for (const [file, page] of parsed) {
    const here = FAKE_ORIGIN + urlPathOf(file, base);
    const report = (link: string, message: string) => problems.push({ file: label + file, link, message });
    for (const id of page.duplicateIds) report(`#${id}`, `duplicate id "${id}": a fragment link to it is ambiguous`);
    const all: FoundLink[] = [...page.links];
    if (page.refresh) all.push({ tag: 'meta', attr: 'refresh', value: page.refresh });
    for (const link of all) {
      const raw = link.value.trim();
      if (link.tag === 'a' && link.target === '_blank') {
        const rel = new Set((link.rel ?? '').toLowerCase().split(/\s+/));
        if (!rel.has('noopener') || !rel.has('noreferrer')) {
          report(raw, 'opens a new tab (target="_blank") without rel="noopener noreferrer"');
        }
      }
      if (raw === '') {
        report(raw, 'empty link');
        continue;
      }
      if (raw === '#') {
        report(raw, 'link to "#" goes nowhere; link to a real id or use a button');
        continue;
      }
      let url: URL;
      try {
        url = new URL(raw, here);
      } catch {
        report(raw, 'not a valid URL');
        continue;
      }
      const internal = url.origin === FAKE_ORIGIN || (opts.siteOrigin !== undefined && url.origin === new URL(opts.siteOrigin).origin);
      if (!internal) {
        if (url.protocol === 'data:' && (link.tag === 'img' || link.tag === 'link')) continue;
        if (!['http:', 'https:', 'mailto:'].includes(url.protocol)) report(raw, `unexpected URL scheme ${url.protocol}`);
        else if ((url.protocol === 'http:' || url.protocol === 'https:') && !/^[a-z0-9.-]+\.[a-z]{2,}$|^localhost$|^[\d.]+$/i.test(url.hostname)) {
          report(raw, `malformed host "${url.hostname}"`);
        }
        continue;
      }
      if (opts.otherSites && inOtherSite(url.pathname, base.replace(/\/?$/, '/'), opts.otherSites)) continue;
      const target = resolvePath(files, url.pathname, base);
      if (!target.file) {
        report(raw, target.problem ?? 'no such page');
        continue;
      }
      let targetFile = target.file;
      if (url.hash.length > 1 && targetFile.endsWith('.html')) {
        const final = followRedirects(files, parsed, targetFile, base);
        if (!final.file) {
          report(raw, final.problem ?? 'broken redirect');
          continue;
        }
        targetFile = final.file;
        let id: string;
        try {
          id = decodeURIComponent(url.hash.slice(1));
        } catch {
          report(raw, 'the fragment is not valid percent-encoding');
          continue;
        }
        if (!parsed.get(targetFile)?.ids.has(id)) {
          report(raw, `no element with id "${id}" on ${urlPathOf(targetFile, base)}`);
        }
      }
    }
  }
  return problems;
}

/** One line a problem, as the tests print them: `dist/x/index.html: link to /y/#z: no element …`. */
export function formatLinkProblems(problems: LinkProblem[]): string {
  return problems.map((p) => `${p.file}: link to ${p.link || '""'}: ${p.message}`).join('\n');
}

/**
 * The published anchors of a built site: every page (`/path/`) and every heading id inside
 * `<main>` (`/path/#id`), without the base path. Redirect pages and 404.html are left out.
 */
export function publishedAnchors(files: SiteFiles): string[] {
  const out: string[] = [];
  for (const [file, html] of files) {
    if (html === null || !file.endsWith('index.html')) continue;
    const page = parsePage(html);
    if (page.refresh) continue;
    const path = urlPathOf(file, '/');
    out.push(path);
    for (const id of page.headingIds) out.push(`${path}#${id}`);
  }
  return out.sort();
}

export interface AnchorRedirects {
  /** Old page path → new page path (both without base), as in src/lib/links/redirects.ts. */
  redirects?: Record<string, string>;
  /** Old `page#anchor` → new `page#anchor`. */
  anchorRedirects?: Record<string, string>;
}

/**
 * Check a published-anchor list (entries `/page/` or `/page/#id`, without base) against a build.
 * An entry may move only through a declared redirect; the redirect's target must then exist.
 */
export function checkPublishedAnchors(files: SiteFiles, entries: string[], opts: AnchorRedirects & { base?: string } = {}): string[] {
  const base = (opts.base ?? '/').replace(/\/?$/, '/');
  const parsed = new Map<string, ParsedPage>();
  const pageOf = (file: string) => {
    let p = parsed.get(file);
    if (!p) parsed.set(file, (p = parsePage(files.get(file) ?? '')));
    return p;
  };
  const problems: string[] = [];
  for (const entry of entries) {
    const moved = opts.anchorRedirects?.[entry];
    const target = moved ?? entry;
    const hashAt = target.indexOf('#');
    let page = hashAt >= 0 ? target.slice(0, hashAt) : target;
    const id = hashAt >= 0 ? target.slice(hashAt + 1) : undefined;
    const via = moved ? ` (anchorRedirects sends it to ${moved})` : '';
    let r = resolvePath(files, base + page.replace(/^\//, ''), base);
    if (r.file && pageOf(r.file).refresh) {
      // An Astro redirect page (meta refresh): follow it to the page that has the content.
      let cur: Resolved = r;
      for (let hop = 0; hop < 5 && cur.file && pageOf(cur.file).refresh; hop++) {
        const next = new URL(pageOf(cur.file).refresh!, FAKE_ORIGIN + urlPathOf(cur.file, base));
        cur = resolvePath(files, next.pathname, base);
      }
      r = cur;
    } else if (!r.file && opts.redirects?.[page]) {
      page = opts.redirects[page]!;
      r = resolvePath(files, base + page.replace(/^\//, ''), base);
    }
    if (!r.file) {
      problems.push(`${entry}${via}: the page is gone (${r.problem}); add a redirect for it in src/lib/links/redirects.ts`);
      continue;
    }
    if (id !== undefined && !pageOf(r.file).ids.has(id)) {
      problems.push(
        `${entry}${via}: no element with id "${id}" on ${urlPathOf(r.file, base)}; restore the id or add "${entry}" to anchorRedirects in src/lib/links/redirects.ts`,
      );
    }
  }
  return problems;
}
