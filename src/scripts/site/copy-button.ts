/** `<copy-button>`: the text to copy was decided at build time (`data-copy`); the result is announced. */
import { copyText } from './clipboard.ts';

customElements.define(
  'copy-button',
  class extends HTMLElement {
    connectedCallback() {
      const button = this.querySelector('button')!;
      const status = this.querySelector('[aria-live]')!;
      button.hidden = false;
      button.addEventListener('click', async () => {
        const ok = await copyText(this.dataset['copy'] ?? '', button);
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
