/** `<copy-button>`: the text to copy was decided at build time (`data-copy`); the result is announced. */
customElements.define(
  'copy-button',
  class extends HTMLElement {
    connectedCallback() {
      const button = this.querySelector('button')!;
      const status = this.querySelector('[aria-live]')!;
      button.hidden = false;
      button.addEventListener('click', async () => {
        const text = this.dataset['copy'] ?? '';
        let ok = true;
        try {
          await navigator.clipboard.writeText(text);
        } catch {
          // Clipboard API refused (permissions, insecure origin): copy through a selected textarea.
          const ta = document.createElement('textarea');
          ta.value = text;
          ta.setAttribute('readonly', '');
          ta.className = 'sr-only';
          document.body.append(ta);
          ta.select();
          ok = document.execCommand('copy');
          ta.remove();
          button.focus();
        }
        status.textContent = ok ? 'Copied' : 'Copy failed: select the text and press Ctrl+C';
        button.dataset['state'] = ok ? 'copied' : 'failed';
        setTimeout(() => {
          status.textContent = '';
          delete button.dataset['state'];
        }, 2000);
      });
    }
  },
);
