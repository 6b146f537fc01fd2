/**
 * A lazily loaded chunk (src/scripts/boot/toc-start.ts loads it on the first scroll, when the phones' bar
 * opens, or at once for a page opened at a section). "On this page": mark the entry of the last heading scrolled past the line at 30% of the screen
 * (`aria-current`), and show its name in the phones' sticky bar (`.toc-current`).
 *
 * An IntersectionObserver reports when a heading crosses the line, so nothing reads layout on load
 * or on scroll (the reference is some 50 screens tall). A heading inside a `content-visibility:
 * auto` section is not laid out while off screen, so the section is observed in its place (its
 * top is the heading's).
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
  const mark = () => {
    // The last heading passed; before the first one, the first entry is marked but not named.
    let cur = -1;
    for (let i = 0; i < passed.length; i++) if (passed[i]) cur = i;
    if (cur === shown) return;
    shown = cur;
    const hash = `#${heads[Math.max(cur, 0)]!.id}`;
    for (const a of tocLinks) {
      if (a.hash === hash) a.setAttribute('aria-current', 'true');
      else a.removeAttribute('aria-current');
    }
    if (current) current.textContent = cur >= 0 ? (heads[cur]!.textContent ?? '') : '';
  };
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
  // The phones' bar closes when one of its entries is chosen.
  bar?.addEventListener('click', (e) => {
    if ((e.target as Element).closest('a')) bar.open = false;
  });
}
