/**
 * /links/ for instructors: the addresses shown and copied are those of the site as it is served
 * (a lab server, a mirror), not the build's SITE_URL; and <links-filter> narrows the 500 rows to
 * those whose title or address holds every word typed, hiding pages left empty.
 */
const article = document.querySelector<HTMLElement>('.links-page');
const built = article?.dataset['builtBase'];
const base = document.documentElement.dataset['base'] ?? '/';
const here = new URL(base, location.origin).href;

// Served elsewhere than built: rewrite each row's address (groups off screen are not laid out, so
// this is text only), in one pass once the page is idle.
if (article && built && built !== here) {
  const rewrite = () => {
    for (const code of article.querySelectorAll<HTMLElement>('.links-url')) {
      if (code.textContent?.startsWith(built)) code.textContent = here + code.textContent.slice(built.length);
    }
    for (const c of article.querySelectorAll<HTMLElement>('copy-button[data-copy]')) {
      const v = c.dataset['copy']!;
      if (v.startsWith(built)) c.dataset['copy'] = here + v.slice(built.length);
    }
  };
  (window.requestIdleCallback ?? setTimeout)(rewrite);
  // A click before that copies the served address all the same.
  article.addEventListener(
    'click',
    (e) => {
      if ((e.target as Element).closest('copy-button')) rewrite();
    },
    { capture: true, once: true },
  );
}

class LinksFilter extends HTMLElement {
  connectedCallback() {
    const input = this.querySelector<HTMLInputElement>('input');
    const status = this.querySelector<HTMLElement>('[role=status]');
    if (!input || !status || !article) return;
    const rows = [...article.querySelectorAll<HTMLLIElement>('.links-list li')].map((li) => ({ li, text: li.textContent!.toLowerCase() }));
    const groups = [...article.querySelectorAll<HTMLElement>('.links-group')];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const apply = () => {
      const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      let shown = 0;
      for (const r of rows) {
        const hit = words.every((w) => r.text.includes(w));
        r.li.hidden = !hit;
        if (hit) shown++;
      }
      for (const g of groups) g.hidden = !g.querySelector('.links-list li:not([hidden])');
      status.textContent = words.length ? `${shown} of ${rows.length} addresses match.` : '';
    };
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(apply, 120);
    });
    this.hidden = false;
  }
}
customElements.define('links-filter', LinksFilter);
