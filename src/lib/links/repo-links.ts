/**
 * "Edit this page" and "Report a problem" links. With SITE_REPO (e.g.
 * https://github.com/owner/docker-basics; the Pages workflow sets it) the report opens an issue on
 * the repository and "Edit this page" its source; without it the report is a pre-filled e-mail
 * (no recipient: the reader sends it to their instructor) and there is no edit link. Either way the
 * message names the page, the section (the anchor, filled in at click time from the address by
 * src/scripts/boot/report-link.ts; without JavaScript a line asking for it) and the site version.
 */
export interface RepoLinks {
  /** Edit the source on the repository; only with SITE_REPO. */
  edit?: string;
  /** An issue form (with SITE_REPO) or a `mailto:` (without), pre-filled. */
  report: string;
  /** The text the report is pre-filled with, also shown to paste by hand. */
  details: ReportDetails;
}

export interface ReportDetails {
  page: string;
  /** The site version: SITE_VERSION, else the page's last commit date, else "unreleased". */
  version: string;
}

/** The "Section:" line until src/scripts/boot/report-link.ts puts the address with its anchor there. */
export const SECTION_PLACEHOLDER = "(the heading's link: the # beside it copies it)";

/** Parse SITE_REPO: an https URL of a repository, or an error that names the variable. */
export function parseRepo(value: string | undefined): URL | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`SITE_REPO must be the repository's web address, e.g. https://github.com/owner/docker-basics; got "${value}"`);
  }
  if (url.protocol !== 'https:' || url.pathname.split('/').filter(Boolean).length < 2) {
    throw new Error(`SITE_REPO must be an https address of a repository (https://host/owner/name); got "${value}"`);
  }
  return url;
}

/** The site version a report names: SITE_VERSION when set, else the page's last commit day, else "unreleased". */
export function siteVersion(env: string | undefined, updated: Date | undefined): string {
  if (env?.trim()) return env.trim();
  return updated ? `page of ${updated.toISOString().slice(0, 10)}` : 'unreleased (uncommitted build)';
}

/** The body of a report: page, section and version, then the question. */
export function reportBody(d: ReportDetails, section: string = SECTION_PLACEHOLDER): string {
  return `Page: ${d.page}\nSection: ${section}\nSite version: ${d.version}\n\nWhat is wrong, and what did you expect?\n`;
}

/** `URLSearchParams` writes spaces as `+`, which mail programs show literally: `%20` for mailto. */
const mailQuery = (p: Record<string, string>) =>
  Object.entries(p)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');

/**
 * Links for one chapter: edit its source on the default branch (SITE_REPO_BRANCH, default main)
 * and open an issue whose title and body name the page; without a repository, an e-mail instead.
 */
export function repoLinks(repo: URL | undefined, file: string, title: string, pageUrl: string, branch = 'main', version = 'unreleased'): RepoLinks {
  const details = { page: pageUrl, version };
  const subject = `Problem on "${title}"`;
  if (!repo) {
    return { report: `mailto:?${mailQuery({ subject, body: reportBody(details) })}`, details };
  }
  const root = repo.href.replace(/\/+$/, '');
  const issue = new URLSearchParams({ title: subject, body: reportBody(details) });
  return { edit: `${root}/edit/${branch}/${file}`, report: `${root}/issues/new?${issue}`, details };
}
