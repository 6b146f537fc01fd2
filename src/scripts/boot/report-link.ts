/**
 * "Report a problem" (src/components/site/PageMeta.astro): at click time, put the section the reader
 * is at (the address's #anchor, set by a heading's `#`, the table of contents or a shared link) into
 * the pre-filled issue or e-mail. Without an anchor, or without JavaScript, the message asks for it.
 */
const fill = (e: Event) => {
  const a = e.target instanceof Element ? e.target.closest<HTMLAnchorElement>('a[data-report-section]') : null;
  const token = a?.dataset['reportSection'];
  if (!a || !token || !location.hash) return;
  a.href = a.href.replace(token, encodeURIComponent(location.href));
  a.dataset['reportSection'] = encodeURIComponent(location.href);
};
document.addEventListener('click', fill, true);
document.addEventListener('auxclick', fill, true);
