/**
 * The build's last steps read the whole built site: the Pagefind index (and spelling lists) and
 * the offline worker's precache. Inside `astro build` they would run while Astro's process still
 * holds what it used to bundle and render (about 700 MiB at 300 pages), with Pagefind's own
 * process (about 230 MiB) on top. `npm run build` therefore runs `astro build` with this variable
 * set, which makes both integrations leave their step, and then src/build/finish-site.ts, which
 * runs the steps once Astro's process has exited. A plain `astro build` still does everything in-process.
 */
export const AFTER_ASTRO_ENV = 'DOCKER_BASICS_AFTER_ASTRO';

/** Whether this `astro build` leaves the site-wide steps to src/build/finish-site.ts. */
export function stepsRunAfterAstro(env: Record<string, string | undefined> = process.env): boolean {
  return env[AFTER_ASTRO_ENV] === '1';
}

/** What the integrations log when they leave their step to the build script. */
export const LEFT_TO_BUILD_SCRIPT = 'left to src/build/finish-site.ts, which runs it after Astro exits';
