/**
 * "Edit this page" and "Report a problem" links to the site's repository, from SITE_REPO (e.g.
 * https://github.com/owner/docker-basics; the Pages workflow sets it). Without it, no links.
 */
export interface RepoLinks {
  edit: string;
  report: string;
}

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

/**
 * Links for one chapter: edit its source on the default branch (SITE_REPO_BRANCH, default main),
 * or open an issue whose title and body name the page.
 */
export function repoLinks(repo: URL | undefined, file: string, title: string, pageUrl: string, branch = 'main'): RepoLinks | undefined {
  if (!repo) return undefined;
  const root = repo.href.replace(/\/+$/, '');
  const issue = new URLSearchParams({ title: `Problem on "${title}"`, body: `Page: ${pageUrl}\n\nWhat is wrong, and what did you expect?\n` });
  return { edit: `${root}/edit/${branch}/${file}`, report: `${root}/issues/new?${issue}` };
}
