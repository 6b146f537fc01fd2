/**
 * A lazily loaded chunk (src/scripts/boot/offline-start.ts loads it well after the page has loaded).
 * `<offline-status>`: registers the service worker (src/integrations/offline-worker.ts) once the
 * page is idle, says quietly when the course is available offline, and offers "reload" when a new
 * deploy has installed in the background. Reloading keeps the reader's place (URL and scroll).
 */
/** sessionStorage key: `[url, scrollY]` of the page the reader reloaded from (src/scripts/boot/offline-start.ts checks it too). */
const PLACE_KEY = 'sw-place';

/** The saved place, or undefined when there is none or it is not ours (malformed JSON, other types, too long). */
function readPlace(): { url: string; y: number } | undefined {
  try {
    const raw = sessionStorage.getItem(PLACE_KEY);
    if (!raw || raw.length > 4096) return undefined;
    const v: unknown = JSON.parse(raw);
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'number' && Number.isFinite(v[1])) {
      return { url: v[0], y: v[1] };
    }
  } catch {}
  return undefined;
}

customElements.define(
  'offline-status',
  class extends HTMLElement {
    connectedCallback() {
      const sw = navigator.serviceWorker;
      const base = document.documentElement.dataset['base'] ?? '/';
      // Switched off for this build (SERVICE_WORKER=off): register nothing. A worker an earlier
      // deploy installed finds the self-removing sw.js at its next update check.
      if (!sw || this.dataset['enabled'] !== 'true') return;
      // Back after "Reload": the same page goes back to where the reader was. A value that is not
      // ours (another site on this origin, an old format) is dropped, never trusted.
      const place = readPlace();
      try {
        sessionStorage.removeItem(PLACE_KEY);
      } catch {}
      if (place && place.url === location.href) scrollTo(0, place.y);
      const ready = this.querySelector<HTMLElement>('[data-ready]')!;
      const prompt = this.querySelector<HTMLElement>('[data-update]')!;
      const markReady = () => {
        if (sw.controller) ready.hidden = false;
      };
      let reloading = false;
      const reload = () => {
        if (reloading) return;
        reloading = true;
        location.reload();
      };
      const offer = (waiting: ServiceWorker) => {
        prompt.hidden = false;
        prompt.querySelector('button')!.onclick = () => {
          try {
            sessionStorage.setItem(PLACE_KEY, JSON.stringify([location.href, scrollY]));
          } catch {}
          // Another tab may already have switched to the new worker (it then controls this page
          // too, as the worker claims its clients): nothing left to wait for, reload now.
          if (waiting.state !== 'installed' || sw.controller === waiting) return reload();
          sw.addEventListener('controllerchange', reload);
          waiting.addEventListener('statechange', () => waiting.state === 'activated' && reload());
          waiting.postMessage({ type: 'SKIP_WAITING' });
        };
      };
      const register = async () => {
        const reg = await sw.register(`${base}sw.js`, { scope: base });
        // An update that installed while no page was open: offer it now.
        if (reg.waiting && sw.controller) offer(reg.waiting);
        reg.addEventListener('updatefound', () => {
          const next = reg.installing;
          next?.addEventListener('statechange', () => {
            if (next.state === 'installed' && sw.controller) offer(next);
          });
        });
        await sw.ready;
        markReady();
      };
      sw.addEventListener('controllerchange', markReady);
      // This chunk loads late (src/scripts/boot/offline-start.ts), so the worker's downloads never
      // compete with the page's own first load.
      void register().catch(() => {});
    }
  },
);
