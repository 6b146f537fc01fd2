/**
 * The search's Web Worker: Pagefind (WebAssembly, excerpts) and the ranking run here, off the
 * page's main thread, so typing and scrolling never wait for them (issue 22.3: at 4x CPU a
 * keystroke used to block the page for up to 1 s). Started by src/scripts/chunks/search-dialog.ts
 * with `new Worker(new URL(…, import.meta.url), { type: 'module' })`: Vite builds it as a
 * same-origin file under the site's base, so the strict CSP (`script-src 'self'`) allows it.
 *
 * Messages: `{ id, query, exact, base }` in; `{ id, outcome }`, `{ id, stale: true }` or
 * `{ id, error }` out. A query is abandoned at its next step once a newer one has arrived.
 */
import { StaleQuery, configure, loadPagefind, searchCourse } from './search-core.ts';

export interface SearchRequest {
  id: number;
  query: string;
  exact: boolean;
  base: string;
  warm?: boolean;
}

let latest = 0;
let configured = false;
self.addEventListener('message', (e: MessageEvent<SearchRequest>) => {
  const { id, query, exact, base, warm } = e.data;
  if (!configured) {
    configure({ base });
    configured = true;
  }
  if (warm) {
    loadPagefind().then(
      () => postMessage({ id, ready: true }),
      (err: unknown) => postMessage({ id, error: String(err) }),
    );
    return;
  }
  latest = Math.max(latest, id);
  searchCourse(query, { exact, stale: () => id !== latest }).then(
    (outcome) => postMessage({ id, outcome }),
    (err: unknown) => postMessage(err instanceof StaleQuery ? { id, stale: true } : { id, error: String(err) }),
  );
});
