/**
 * The 404 page: suggest the page the address most likely meant (src/lib/search/did-you-mean.ts, over the
 * page list the server embedded) and put the address's words in the search box.
 */
import { closestPage, requestedSlug, slugQuery, type KnownPage } from '../../lib/search/did-you-mean.ts';

const base = document.documentElement.dataset['base'] ?? '/';
const pages = JSON.parse(document.getElementById('known-pages')?.textContent ?? '[]') as KnownPage[];
const slug = requestedSlug(location.pathname, base);
const match = closestPage(slug, pages);
const hint = document.querySelector<HTMLElement>('[data-did-you-mean]');
if (match && hint) {
  const link = hint.querySelector('a')!;
  link.href = base + (match.to ?? match.path).replace(/^\//, '');
  link.textContent = match.title;
  hint.hidden = false;
}
const input = document.querySelector<HTMLInputElement>('#notfound-search');
if (input && !input.value && slug) {
  input.value = slugQuery(slug);
  // The search box (upgraded once the search code arrives) searches what its input holds.
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
