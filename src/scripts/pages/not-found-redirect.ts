/**
 * The 404 page, first: an address that plainly means a page (wrong case, a reference entry
 * written as a page: src/lib/links/address-fix.ts) is replaced by that page at once, so the
 * reader never sees "Page not found". Otherwise the page's suggestion (not-found-suggest.ts) runs.
 */
import { fixAddress, type AddressFixData } from '../../lib/links/address-fix.ts';

const base = document.documentElement.dataset['base'] ?? '/';
const data = JSON.parse(document.getElementById('address-fixes')?.textContent ?? 'null') as AddressFixData | null;
const to = data ? fixAddress(location.pathname, base, data) : undefined;
if (to) location.replace(to);
