/** `<theme-select>`: auto (follow the OS), light or dark; remembered in localStorage. */
const root = document.documentElement;

customElements.define(
  'theme-select',
  class extends HTMLElement {
    connectedCallback() {
      const select = this.querySelector('select')!;
      select.value = root.dataset['theme'] ?? 'auto';
      select.addEventListener('change', () => {
        const v = select.value;
        if (v === 'auto') delete root.dataset['theme'];
        else root.dataset['theme'] = v;
        try {
          if (v === 'auto') localStorage.removeItem('theme');
          else localStorage.setItem('theme', v);
        } catch {}
      });
    }
  },
);
