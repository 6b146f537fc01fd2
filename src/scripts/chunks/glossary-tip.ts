/**
 * The definition of a glossary term, shown over the page while the reader hovers, focuses or has
 * tapped its first use in a chapter (src/lib/glossary/mark-terms.ts marks them; the boot module
 * src/scripts/boot/glossary-start.ts loads this on first use). One tooltip for the page
 * (`role="tooltip"`), tied to the term with `aria-describedby`, so a screen reader reads the
 * definition after the link's name. It stays while the pointer moves onto it, and Esc, a tap
 * elsewhere, leaving or blurring the term hides it (WCAG 1.4.13). The definitions come from
 * glossary/terms.json, beside the page the terms link to.
 */
type Terms = Record<string, [term: string, definition: string]>;

const TIP_ID = 'glossary-tip';
let terms: Promise<Terms> | undefined;
let current: HTMLAnchorElement | undefined;
let hideTimer: number | undefined;

const load = (a: HTMLAnchorElement): Promise<Terms> =>
  (terms ??= fetch(new URL('terms.json', a.href))
    .then((r) => (r.ok ? (r.json() as Promise<Terms>) : {}))
    .catch((): Terms => ({})));

function tip(): HTMLElement {
  let el = document.getElementById(TIP_ID);
  if (!el) {
    el = document.createElement('div');
    el.id = TIP_ID;
    el.className = 'glossary-tip';
    el.setAttribute('role', 'tooltip');
    el.hidden = true;
    el.addEventListener('pointerenter', () => clearTimeout(hideTimer));
    el.addEventListener('pointerleave', () => hideSoon());
    document.body.append(el);
  }
  return el;
}

function place(el: HTMLElement, a: HTMLAnchorElement) {
  const r = a.getClientRects()[0] ?? a.getBoundingClientRect();
  const margin = 8;
  const width = el.offsetWidth;
  const left = Math.max(margin, Math.min(r.left, document.documentElement.clientWidth - width - margin));
  const below = r.bottom + 6;
  const top = below + el.offsetHeight > innerHeight - margin && r.top - el.offsetHeight - 6 > margin ? r.top - el.offsetHeight - 6 : below;
  el.style.left = `${left}px`;
  el.style.top = `${top}px`;
}

export function hide() {
  clearTimeout(hideTimer);
  tip().hidden = true;
  current?.removeAttribute('aria-describedby');
  // The next tap on it shows the definition again (src/scripts/boot/glossary-start.ts).
  current?.removeAttribute('data-tapped');
  current = undefined;
}

function hideSoon() {
  clearTimeout(hideTimer);
  hideTimer = window.setTimeout(hide, 300);
}

/** Show the definition of the term `a` links to (its href's #id). */
export async function show(a: HTMLAnchorElement) {
  clearTimeout(hideTimer);
  const entry = (await load(a))[decodeURIComponent(new URL(a.href).hash.slice(1))];
  if (!entry) return;
  if (current && current !== a) {
    current.removeAttribute('aria-describedby');
    current.removeAttribute('data-tapped');
  }
  const el = tip();
  el.replaceChildren(Object.assign(document.createElement('b'), { textContent: entry[0] }), `: ${entry[1]}`);
  el.hidden = false;
  place(el, a);
  current = a;
  a.setAttribute('aria-describedby', TIP_ID);
}

document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && current) hide();
});
document.addEventListener('focusout', (e) => {
  if (e.target === current) hide();
});
document.addEventListener('pointerout', (e) => {
  if (e.target === current && (e as PointerEvent).pointerType !== 'touch') hideSoon();
});
document.addEventListener('pointerdown', (e) => {
  const t = e.target instanceof Element ? e.target : null;
  if (current && !t?.closest(`a.term, #${TIP_ID}`)) hide();
});
addEventListener('scroll', () => current && place(tip(), current), { passive: true });
