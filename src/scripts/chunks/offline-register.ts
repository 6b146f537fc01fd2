/**
 * A lazily loaded chunk (src/scripts/boot/offline-start.ts loads it well after the page has loaded).
 * `<offline-status>`: registers the service worker (src/integrations/offline-worker.ts) once the
 * page is idle, says quietly when the course is available offline, and offers "reload" when a new
 * deploy has installed in the background. Reloading keeps the reader's place (URL and scroll).
 */
const PLACE = 'sw-place';

customElements.define(
  'offline-status',
  class extends HTMLElement {
    connectedCallback() {
      const sw = navigator.serviceWorker;
      const base = document.documentElement.dataset['base'] ?? '/';
      // Switched off for this build (SERVICE_WORKER=off): register nothing. A worker an earlier
      // deploy installed finds the self-removing sw.js at its next update check.
      if (!sw || this.dataset['enabled'] !== 'true') return;
      const saved = sessionStorage.getItem(PLACE);
      if (saved) {
        sessionStorage.removeItem(PLACE);
        const [url, y] = JSON.parse(saved) as [string, number];
        if (url === location.href) scrollTo(0, y);
      }
      const ready = this.querySelector<HTMLElement>('[data-ready]')!;
      const prompt = this.querySelector<HTMLElement>('[data-update]')!;
      const markReady = () => {
        if (sw.controller) ready.hidden = false;
      };
      const offer = (waiting: ServiceWorker) => {
        prompt.hidden = false;
        prompt.querySelector('button')!.onclick = () => {
          sessionStorage.setItem(PLACE, JSON.stringify([location.href, scrollY]));
          sw.addEventListener('controllerchange', () => location.reload());
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
