/**
 * Old links keep working: when the URL's fragment matches no element on the page and the page's
 * redirect map (a JSON `<script id="anchor-redirects">` written from src/lib/links/redirects.ts) knows
 * it, go to where the section moved: another page, or another anchor on this page.
 */
const data = document.getElementById('anchor-redirects');
if (data) {
  const map = JSON.parse(data.textContent || '{}') as Record<string, string>;
  const follow = () => {
    let id = location.hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // A malformed fragment (`#%`) is looked up as typed; it must not stop the page's other scripts.
    }
    // Only the map's own entries: `#constructor` or `#__proto__` must not reach Object.prototype.
    const to = id && !document.getElementById(id) && Object.hasOwn(map, id) ? map[id] : undefined;
    if (typeof to === 'string' && to) location.replace(to);
  };
  follow();
  addEventListener('hashchange', follow);
}
