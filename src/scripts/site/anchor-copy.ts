/**
 * The `#` beside a heading: it still goes to the section (a plain link, also without JavaScript)
 * and now also copies the section's full address, base path included, for a syllabus or a chat.
 * "Link copied" shows beside the `#` and is announced by the page's polite live region.
 */
import { copyText } from './clipboard.ts';

const status = document.querySelector<HTMLElement>('[data-link-status]');
document.addEventListener('click', async (e) => {
  const a = e.target instanceof Element && e.target.closest<HTMLAnchorElement>('a.anchor-link');
  if (!a || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const ok = await copyText(a.href, a);
  a.dataset['copied'] = ok ? 'Link copied' : 'Copy failed';
  if (status) status.textContent = ok ? `Link copied: ${a.href}` : 'Copy failed';
  setTimeout(() => {
    delete a.dataset['copied'];
    if (status) status.textContent = '';
  }, 2500);
});
