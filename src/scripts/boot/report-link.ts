/**
 * "Report a problem" (src/components/site/PageMeta.astro): at click time, put the section the reader
 * is at (the address with its #anchor, set by a heading's `#`, the table of contents or a shared
 * link) on the "Section:" line of the pre-filled issue or e-mail. Without an anchor, or without
 * JavaScript, the line asks for it.
 */
const fill = (e: Event) => {
  const a = e.target instanceof Element ? e.target.closest<HTMLAnchorElement>('a[data-report]') : null;
  if (!a || !location.hash) return;
  const url = new URL(a.href);
  const params = new URLSearchParams(url.search);
  const body = params.get('body');
  if (body === null) return;
  params.set('body', body.replace(/^Section: .*$/m, `Section: ${location.href}`));
  // %20 for spaces, not +: mail programs show a + as it is.
  url.search = [...params].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  a.href = url.href;
};
document.addEventListener('click', fill, true);
document.addEventListener('auxclick', fill, true);

// A term snapshot's banner (src/components/site/SnapshotBanner.astro) opens the same section on the
// current site. Only in snapshot builds: the define is null on the current site, and the bundler
// drops this code there.
if (import.meta.env.SNAPSHOT) {
  document.addEventListener(
    'click',
    (e) => {
      const a = e.target instanceof Element ? e.target.closest<HTMLAnchorElement>('a[data-keep-hash]') : null;
      if (a) a.hash = location.hash;
    },
    true,
  );
}
