/**
 * The last step of `npm run build` (called from src/build/finish-site.ts): the built site is
 * checked as a browser and an instructor would meet it, and a problem fails the build.
 * - every internal link, src and #fragment resolves, external links are well-formed http(s) or
 *   mailto (so no `javascript:`), no id is on a page twice (a heading id equal to an id of the
 *   page chrome or of a tab panel), new-tab links carry rel="noopener noreferrer"
 *   (src/lib/links/link-check.ts);
 * - every published page and anchor (content/reference/published-anchors.txt) still resolves,
 *   or src/lib/links/redirects.ts says where it went;
 * - every <img> has alt text, and no self-check question is rendered twice on a page.
 * A problem on a chapter's page also names the chapter's source file and line, where it can be
 * found there (the heading id, the link as written).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ELEMENT_NODE, parse, walkSync, type Node } from 'ultrahtml';
import { checkLinks, checkPublishedAnchors, readSite, type LinkProblem, type SiteFiles } from '../lib/links/link-check.ts';
import { ANCHORS_FILE, readAnchorList } from '../lib/links/published-anchors.ts';
import { anchorRedirects, redirects } from '../lib/links/redirects.ts';

export interface SiteCheckOptions {
  /** The built site, e.g. `dist`. */
  outDir: string;
  /** The base path it was built for: `/` or `/docker-basics/`. */
  base: string;
  /** The configured site origin: absolute links to it are checked as internal. */
  siteOrigin?: string | undefined;
  /** The project root, where content/chapters/ is. @default process.cwd() */
  root?: string;
  /** The published-anchor list. @default content/reference/published-anchors.txt */
  anchorsFile?: string;
  /** Paths served by another build (a term snapshot, or from a snapshot the current site): links there are that build's to check. */
  otherSites?: readonly string[];
}

/** `what-is-docker/index.html` → `content/chapters/what-is-docker.mdx`, when that chapter exists. */
function chapterSource(root: string, page: string): { file: string; lines: string[] } | undefined {
  const slug = /^([a-z0-9-]+)\/index\.html$/.exec(page)?.[1];
  if (!slug) return undefined;
  const file = `content/chapters/${slug}.mdx`;
  const path = join(root, file);
  return existsSync(path) ? { file: relative(process.cwd(), path), lines: readFileSync(path, 'utf8').split('\n') } : undefined;
}

/** `<file>:<line>: ` of the first source line that contains one of `needles`, or ''. */
function sourceLine(root: string, page: string, needles: string[]): string {
  const src = chapterSource(root, page);
  if (!src) return '';
  const at = src.lines.findIndex((l) => needles.some((n) => l.includes(n)));
  return at < 0 ? `${src.file}: ` : `${src.file}:${at + 1}: `;
}

/** One line a link problem, led by the chapter source and line where the link or id is written. */
function describeLinkProblem(root: string, outDir: string, p: LinkProblem): string {
  const page = p.file.slice(outDir.length + 1);
  const dup = /^duplicate id "(.*)"/.exec(p.message)?.[1];
  if (dup !== undefined) {
    const where = sourceLine(root, page, [`{#${dup}}`, `{#${dup} `, `id="${dup}"`]);
    const hint = where ? ` the chapter's id "${dup}" is also an id of the page itself (its chrome, a tab panel or a figure): choose another id` : '';
    return `${where}${p.file}: ${p.message}${hint ? `;${hint}` : ''}`;
  }
  return `${sourceLine(root, page, [`](${p.link})`, `](${p.link} `, `"${p.link}"`])}${p.file}: link to ${p.link || '""'}: ${p.message}`;
}

/**
 * What only the rendered page shows: an <img> without an alt attribute (alt="" is a decorative
 * image, and allowed), and two self-check questions with the same progress id (the chapter could
 * then never be completed: progress counts every question the source asks).
 */
export function renderedProblems(files: SiteFiles, root: string, outDir: string): string[] {
  const out: string[] = [];
  for (const [file, html] of files) {
    if (html === null || (!html.includes('<img') && !html.includes('<self-check-mark'))) continue;
    const questions = new Map<string, number>();
    walkSync(parse(html), (node: Node) => {
      if (node.type !== ELEMENT_NODE) return;
      if (node.name === 'img' && node.attributes['alt'] === undefined) {
        out.push(
          `${sourceLine(root, file, [`src="${node.attributes['src'] ?? ''}"`])}${outDir}/${file}: <img src="${node.attributes['src'] ?? ''}"> has no alt attribute: say what the image shows (alt="" if it is decorative)`,
        );
      }
      if (node.name === 'self-check-mark') {
        const q = String(node.attributes['data-q'] ?? '');
        questions.set(q, (questions.get(q) ?? 0) + 1);
      }
    });
    const repeated = [...questions].filter(([, n]) => n > 1);
    if (repeated.length) {
      // The source line of the question asked a second time, where the source shows it.
      const src = chapterSource(root, file);
      const asked = new Set<string>();
      const again = src?.lines.findIndex((l) => {
        const q = /<SelfCheck\b[^>]*\bquestion="([^"]*)"/.exec(l)?.[1]?.trim();
        if (q === undefined) return false;
        if (asked.has(q)) return true;
        asked.add(q);
        return false;
      });
      const where = src ? `${src.file}${again !== undefined && again >= 0 ? `:${again + 1}` : ''}: ` : '';
      out.push(
        `${where}${outDir}/${file}: ${repeated.length} self-check question(s) rendered more than once (progress id ${repeated.map(([q]) => q).join(', ')}): the chapter could never be completed; ask each question once`,
      );
    }
  }
  return out;
}

/** Check the built site; throws with every problem, or returns one line for the build log. */
export function checkSite(opts: SiteCheckOptions): string {
  const root = opts.root ?? process.cwd();
  const outDir = relative(process.cwd(), opts.outDir) || '.';
  const files = readSite(opts.outDir);
  const pages = [...files.keys()].filter((f) => f.endsWith('.html')).length;
  const links = checkLinks(files, {
    base: opts.base,
    label: `${outDir}/`,
    ...(opts.siteOrigin ? { siteOrigin: opts.siteOrigin } : {}),
    ...(opts.otherSites ? { otherSites: opts.otherSites } : {}),
  });
  const anchors = readAnchorList(opts.anchorsFile ?? ANCHORS_FILE);
  const moved = checkPublishedAnchors(files, anchors, { base: opts.base, redirects, anchorRedirects }).map((m) => {
    const slug = /^\/([a-z0-9-]+)\//.exec(m)?.[1];
    const path = join(root, `content/chapters/${slug}.mdx`);
    const file = slug && existsSync(path) ? `${relative(process.cwd(), path)}: ` : '';
    return `${file}published anchor ${m}`;
  });
  const problems = [...links.map((p) => describeLinkProblem(root, outDir, p)), ...moved, ...renderedProblems(files, root, outDir)];
  if (problems.length) {
    throw new Error(`The built site in ${outDir}/ has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  }
  return `${pages} pages: every link, fragment and id, ${anchors.length} published anchors, alt text and self-check questions checked`;
}
