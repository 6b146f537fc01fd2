/** Shared by the Tabs component (src/components/mdx/Tabs.astro) and its script (src/scripts/components/tab-group.ts). */

/** The localStorage key under which the choice of a sync key is remembered. */
export const storageKey = (syncKey: string) => `docker-basics:tabs:${syncKey}`;
