/// <reference types="astro/client" />
/// <reference types="vitest/config" />

/** `import url from './x.ts?lazy-url'`: URL of a lazily loaded chunk (src/integrations/lazy-url.ts). */
declare module '*?lazy-url' {
  const url: string;
  export default url;
}

interface ImportMetaEnv {
  /** Set in astro.config.mjs: false when the site is built with SERVICE_WORKER=off. */
  readonly SERVICE_WORKER_ENABLED: boolean;
  /** Set in astro.config.mjs: every chapter's last-commit date, read before the build (src/lib/site/git-dates.ts). */
  /** Set in astro.config.mjs: the term snapshot this build is (SNAPSHOT_TERM), or null for the current site. */
  readonly SNAPSHOT: import('./lib/terms/snapshot-mode.ts').SnapshotMode | null;
  readonly CHAPTER_DATES: import('./lib/site/git-dates.ts').ChapterDates | undefined;
}
