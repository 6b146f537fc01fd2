/**
 * Published URLs that moved. Instructors link to this site from syllabi for years, so a page that
 * is renamed keeps its old URL here. Keys and values are site paths without the base path.
 * The anchor test (tests/build/anchors.test.ts) also accepts an old `page#anchor` listed in
 * `anchorRedirects` when the anchor itself has moved.
 */
export const redirects: Record<string, string> = {
  // The seed chapter's page id from the Duckietown operation manual.
  '/preliminaries-docker-basics/': '/what-is-docker/',
};

/** Old `page#anchor` → new `page#anchor`, for anchors removed on purpose. */
export const anchorRedirects: Record<string, string> = {};
