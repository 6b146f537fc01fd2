/**
 * Glossary terms in chapters (links to /glossary/#id, src/lib/glossary/mark-terms.ts): the
 * definition tooltip (src/scripts/chunks/glossary-tip.ts) loads on the first hover, focus or tap
 * of a term, so a page that is only read loads none of it. The first tap on a term shows its
 * definition; a second tap follows the link. Without JavaScript a term is a plain link.
 */
import tipUrl from '../chunks/glossary-tip.ts?lazy-url';

type Tip = typeof import('../chunks/glossary-tip.ts');
let chunk: Promise<Tip> | undefined;
const show = (a: HTMLAnchorElement) => void (chunk ??= import(/* @vite-ignore */ tipUrl) as Promise<Tip>).then((m) => m.show(a));
const term = (e: Event) => (e.target instanceof Element ? e.target.closest<HTMLAnchorElement>('a.term') : null);

document.addEventListener('focusin', (e) => {
  const a = term(e);
  if (a) show(a);
});
document.addEventListener('pointerover', (e) => {
  const a = term(e);
  if (a && e.pointerType !== 'touch') show(a);
});
document.addEventListener('click', (e) => {
  const a = term(e);
  if (a && (e as PointerEvent).pointerType === 'touch' && !a.hasAttribute('data-tapped')) {
    e.preventDefault();
    a.setAttribute('data-tapped', '');
    show(a);
  }
});
