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

/**
 * Old `page#anchor` → new `page#anchor`, for anchors removed on purpose. Site paths without the
 * base path; the target is on another page (`/page/#id`) or on the same one (`/page/#new-id`).
 * The build writes each page's share of this map into that page
 * (src/lib/links/anchor-redirects.ts), and src/scripts/boot/anchor-redirect.ts follows it in the
 * browser when a link's fragment matches no element, so an old link still lands on its section.
 */
export const anchorRedirects: Record<string, string> = {
  // 2026-12: "How Docker works" was split; images, containers and registries got their own chapter.
  '/how-docker-works/#layers': '/images-and-containers/#layers',
  '/how-docker-works/#copy-on-write': '/images-and-containers/#copy-on-write',
  '/how-docker-works/#deleting-files': '/images-and-containers/#deleting-files',
  '/how-docker-works/#build-cache': '/images-and-containers/#build-cache',
  '/how-docker-works/#images-vs-containers': '/images-and-containers/#images-vs-containers',
  '/how-docker-works/#lifecycle': '/images-and-containers/#lifecycle',
  '/how-docker-works/#attach-vs-exec': '/images-and-containers/#attach-vs-exec',
  '/how-docker-works/#registries': '/images-and-containers/#registries',
  '/how-docker-works/#image-names': '/images-and-containers/#image-names',
  '/how-docker-works/#tags': '/images-and-containers/#tags',
};
