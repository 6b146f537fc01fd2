/**
 * Offline reading is a background task: its code (src/scripts/chunks/offline-register.ts: register the worker, say
 * "Available offline", offer "Reload" after a deploy) loads a few seconds after the page, when it
 * is idle, so it never competes with reading. Right after an update reload it loads at once, to
 * put the reader back in place.
 */
import offlineUrl from '../chunks/offline-register.ts?lazy-url';

const load = () => void import(/* @vite-ignore */ offlineUrl);
if ('serviceWorker' in navigator && document.querySelector('offline-status[data-enabled="true"]')) {
  if (sessionStorage.getItem('sw-place')) load();
  else {
    const later = () => setTimeout(() => (window.requestIdleCallback ?? setTimeout)(load), 3000);
    if (document.readyState === 'complete') later();
    else addEventListener('load', later);
  }
}
