/**
 * "On this page" marks the section being read (src/scripts/chunks/toc-spy.ts): loaded on first use, i.e.
 * the first scroll, the phones' bar opening, or at once for a page opened at a section. Before
 * that the first section is current, which the page already shows.
 */
import tocSpyUrl from '../chunks/toc-spy.ts?lazy-url';

if (document.querySelector('.toc a[href^="#"]')) {
  let loaded = false;
  const load = () => {
    if (loaded) return;
    loaded = true;
    void import(/* @vite-ignore */ tocSpyUrl);
  };
  addEventListener('scroll', load, { passive: true, once: true });
  document.querySelector('.toc-narrow')?.addEventListener('toggle', load, { once: true });
  if (location.hash) load();
}
