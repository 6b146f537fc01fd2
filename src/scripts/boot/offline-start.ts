/**
 * Offline reading is a background task: its code (src/scripts/chunks/offline-register.ts: register the worker, say
 * "Available offline", offer "Reload" after a deploy) loads a few seconds after the page, when it
 * is idle, so it never competes with reading. Right after an update reload it loads at once, to
 * put the reader back in place.
 *
 * A tab opened before a deploy and not controlled by the worker asks for code chunks that the
 * deploy replaced (search, copy, highlights load on first use): the import fails. Such a failure
 * shows "The course was updated" with a Reload button in the same place, instead of a control
 * that silently does nothing. This part runs whether or not offline reading is on.
 */
import offlineUrl from '../chunks/offline-register.ts?lazy-url';

/** What browsers say when a dynamic import's file is gone (Chromium, Firefox, Safari). */
const STALE_CHUNK = /dynamically imported|module script failed/i;

addEventListener('unhandledrejection', (e) => {
  const reason: unknown = e.reason;
  if (!(reason instanceof TypeError) || !STALE_CHUNK.test(reason.message)) return;
  const box = document.querySelector<HTMLElement>('offline-status [data-update]');
  if (!box) return;
  box.querySelector<HTMLElement>('[data-new-version]')!.hidden = true;
  box.querySelector<HTMLElement>('[data-stale]')!.hidden = false;
  box.querySelector('button')!.onclick = () => location.reload();
  box.hidden = false;
  // Search fails inside its modal dialog, which makes the rest of the page inert: say it there.
  const dialog = document.querySelector<HTMLDialogElement>('dialog[open]');
  if (dialog) {
    const home = box.parentElement!;
    dialog.append(box);
    dialog.addEventListener('close', () => home.append(box), { once: true });
  }
});

const load = () => void import(/* @vite-ignore */ offlineUrl);
if ('serviceWorker' in navigator && document.querySelector('offline-status[data-enabled="true"]')) {
  let back = false;
  try {
    // Set by "Reload" (offline-register.ts reads and checks it); storage may be blocked.
    back = !!sessionStorage.getItem('sw-place');
  } catch {}
  if (back) load();
  else {
    const later = () => setTimeout(() => (window.requestIdleCallback ?? setTimeout)(load), 3000);
    if (document.readyState === 'complete') later();
    else addEventListener('load', later);
  }
}
