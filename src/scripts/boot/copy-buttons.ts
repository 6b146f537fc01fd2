/**
 * Copy buttons and the `#` beside headings: one delegated click listener here; the copying itself
 * (src/scripts/chunks/clipboard.ts) loads on the first click, so a page that is only read loads none of it.
 * The buttons show only where scripting is on (CSS), and the `#` is a plain link either way.
 */
import copyUrl from '../chunks/clipboard.ts?lazy-url';

let chunk: Promise<typeof import('../chunks/clipboard.ts')> | undefined;
const load = () => (chunk ??= import(/* @vite-ignore */ copyUrl) as Promise<typeof import('../chunks/clipboard.ts')>);
document.addEventListener('click', (e) => {
  const t = e.target instanceof Element ? e.target : null;
  const button = t?.closest<HTMLElement>('copy-button button');
  if (button) {
    void load().then((m) => m.copyFromButton(button.closest<HTMLElement>('copy-button')!, button));
    return;
  }
  const anchor = t?.closest<HTMLAnchorElement>('a.anchor-link');
  if (anchor && e.button === 0 && !(e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)) void load().then((m) => m.copyAnchor(anchor));
});
