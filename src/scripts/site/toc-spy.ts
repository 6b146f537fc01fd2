/** "On this page": mark the entry of the last heading scrolled past (`aria-current`). */
const tocLinks = [...document.querySelectorAll<HTMLAnchorElement>('.toc a')];
if (tocLinks.length) {
  const heads = [...new Set(tocLinks.map((a) => decodeURIComponent(a.hash.slice(1))))]
    .map((id) => document.getElementById(id))
    .filter((h): h is HTMLElement => !!h);
  const mark = () => {
    const y = innerHeight * 0.3;
    let cur = heads[0];
    for (const h of heads) if (h.getBoundingClientRect().top < y) cur = h;
    for (const a of tocLinks) {
      if (a.hash === `#${cur?.id}`) a.setAttribute('aria-current', 'true');
      else a.removeAttribute('aria-current');
    }
  };
  let queued = false;
  addEventListener('scroll', () => {
    if (!queued) {
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        mark();
      });
    }
  }, { passive: true });
  mark();
}
