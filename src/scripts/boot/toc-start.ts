/**
 * "On this page" marks the section being read (src/scripts/chunks/toc-spy.ts): loaded on first use, i.e.
 * the first scroll, the phones' bar opening, or at once for a page opened at a section. Before
 * that the first section is current, which the page already shows.
 *
 * The phones' bar opens its list over the page (Toc.astro), and closes here, without moving the
 * page: on Esc (focus back on the bar), on a tap outside it (the tap does nothing else), and on a choice.
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
  const bar = document.querySelector<HTMLDetailsElement>('.toc-narrow');
  if (bar) {
    bar.addEventListener('toggle', load, { once: true });
    bar.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || !bar.open) return;
      e.preventDefault();
      bar.open = false;
      bar.querySelector('summary')?.focus({ preventScroll: true });
    });
    // Capture: the tap outside only closes the list (it neither follows a link nor presses a button).
    document.addEventListener(
      'click',
      (e) => {
        if (!bar.open) return;
        const t = e.target as Element;
        if (!bar.contains(t)) {
          e.preventDefault();
          e.stopPropagation();
          bar.open = false;
        } else if (t.closest('.toc-list a')) bar.open = false;
      },
      true,
    );
  }
  if (location.hash) load();
}
