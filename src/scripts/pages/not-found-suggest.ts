/**
 * The 404 page: suggest the page the address most likely meant (src/lib/search/did-you-mean.ts, over the
 * page list the server embedded) and put the address's words in the search form. The words are
 * searched when the reader submits the form (on /search/), never on arrival: searching loads and
 * runs Pagefind on the main thread, a long task on every mistyped address. What runs here is one
 * edit distance per known page, well under a millisecond.
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
// What the reader typed before this ran is kept.
if (input && !input.value && slug) input.value = slugQuery(slug);
