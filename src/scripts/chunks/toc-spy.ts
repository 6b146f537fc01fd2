/**
 * A lazily loaded chunk (src/scripts/boot/toc-start.ts loads it on the first scroll, when the phones' bar
 * opens, or at once for a page opened at a section). "On this page": mark the entry of the last heading scrolled past the line at 30% of the screen
 * (`aria-current`), and show its name in the phones' sticky bar (`.toc-current`).
 *
 * An IntersectionObserver reports when a heading crosses the line, so nothing reads layout on load
 * or on scroll (the reference is some 50 screens tall). A heading inside a `content-visibility:
 * auto` section is not laid out while off screen, so the section is observed in its place (its
 * top is the heading's).
 *
 * A link to a section (on load, or a later jump) marks that section until the reader scrolls on:
 * a short section, or one near the end that cannot reach the line, would otherwise leave the next
 * one marked. Opening the phones' list shows its marked entry.
 */
const tocLinks = [...document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]:not(.toc-top)')];
const ids = [...new Set(tocLinks.map((a) => decodeURIComponent(a.hash.slice(1))))];
const heads = ids.map((id) => document.getElementById(id)).filter((h): h is HTMLElement => !!h);

if (heads.length) {
  const current = document.querySelector<HTMLElement>('.toc-current');
  const bar = document.querySelector<HTMLDetailsElement>('.toc-narrow');
  const targets = heads.map((h) => h.closest<HTMLElement>('section') ?? h);
  const index = new Map(targets.map((t, i) => [t, i]));
  /** passed[i]: the top of heading i is above the line. */
  const passed = heads.map(() => false);
  let shown = -2;
  /** The section a link jumped to, marked until the reader scrolls it out of sight (-1: none). */
  let pinned = -1;
  const mark = () => {
    // The last heading passed; before the first one, the first entry is marked but not named.
    let cur = pinned;
    if (cur < 0) for (let i = 0; i < passed.length; i++) if (passed[i]) cur = i;
    if (cur === shown) return;
    shown = cur;
    const hash = `#${heads[Math.max(cur, 0)]!.id}`;
    for (const a of tocLinks) {
      if (a.hash === hash) a.setAttribute('aria-current', 'true');
      else a.removeAttribute('aria-current');
    }
    if (current) current.textContent = cur >= 0 ? (heads[cur]!.textContent ?? '') : '';
  };
  // The jumped-to heading on screen: once seen there (the jump may land after this code runs),
  // leaving the screen ends the pin. Scrolling within sight of it keeps it marked.
  let seen = false;
  const inSight = new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (e.isIntersecting) seen = true;
      else if (seen) unpin();
    }
  });
  const unpin = () => {
    inSight.disconnect();
    if (pinned < 0) return;
    pinned = -1;
    mark();
  };
  const pin = () => {
    let id = '';
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch {
      // A malformed fragment names no section.
    }
    inSight.disconnect();
    seen = false;
    pinned = heads.findIndex((h) => h.id === id);
    if (pinned >= 0) inSight.observe(heads[pinned]!);
    mark();
  };
  pin();
  addEventListener('hashchange', pin);
  // The root is everything above the line (the screen's top 30% and far above it): a target
  // intersects it exactly when it is passed, so a jump (a link, "Top") that skips over the line
  // between two frames still changes the target's state and is reported.
  const io = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        const i = index.get(e.target as HTMLElement);
        if (i !== undefined) passed[i] = e.isIntersecting;
      }
      mark();
    },
    { rootMargin: '1000000px 0px -70% 0px' },
  );
  for (const t of index.keys()) io.observe(t);
  // The phones' list opens over the page (it closes in src/scripts/boot/toc-start.ts): show its marked entry.
  const showMarked = () => {
    const list = bar?.querySelector<HTMLElement>('.toc-list');
    const a = list?.querySelector<HTMLElement>('a[aria-current="true"]');
    if (!bar?.open || !list || !a) return;
    if (a.offsetTop < list.scrollTop || a.offsetTop + a.offsetHeight > list.scrollTop + list.clientHeight) {
      list.scrollTop = a.offsetTop - (list.clientHeight - a.offsetHeight) / 2;
    }
  };
  bar?.addEventListener('toggle', showMarked);
  // Opened before this code arrived: the first marks come with the observer's first report.
  if (bar?.open) requestAnimationFrame(() => requestAnimationFrame(showMarked));
}
