/**
 * Self-check progress (src/lib/site/progress.ts), a lazily loaded chunk: src/scripts/boot/self-check-start.ts
 * loads it when the student ticks a box or already has progress. `<self-check-mark>` is the "I
 * answered this" box under a question (shown by CSS only when scripting is on); `<self-check-progress>`
 * marks the sidebar's finished chapters and offers "Reset". Without JavaScript the questions work
 * as plain <details>.
 */
import { PROGRESS_KEY, parseProgress, type Progress } from '../../lib/site/progress.ts';

/**
 * Longer stored values are not this site's (every question of the course ticked is about 2 KB):
 * on GitHub Pages every project site of a user shares one origin, and so one localStorage.
 */
const MAX_STORED_CHARS = 64 * 1024;
/** Progress as read once from storage, then kept here: every box and the sidebar read this copy. */
let current: Progress | undefined;
const load = (): Progress => {
  if (current) return current;
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(PROGRESS_KEY);
  } catch {}
  // Anything too long or malformed counts as no progress (parseProgress drops what is not ours).
  current = raw !== null && raw.length > MAX_STORED_CHARS ? {} : parseProgress(raw);
  return current;
};
const save = (p: Progress | undefined) => {
  current = p;
  try {
    if (p) localStorage.setItem(PROGRESS_KEY, JSON.stringify(p));
    else localStorage.removeItem(PROGRESS_KEY);
  } catch {}
  document.dispatchEvent(new Event(PROGRESS_KEY));
};

customElements.define(
  'self-check-mark',
  class extends HTMLElement {
    connectedCallback() {
      const box = this.querySelector('input')!;
      const { chapter = '', q = '' } = this.dataset;
      const sync = () => (box.checked = !!load()[chapter]?.includes(q));
      const record = () => {
        const p = load();
        const ids = new Set(p[chapter]);
        if (box.checked) ids.add(q);
        else ids.delete(q);
        save({ ...p, [chapter]: [...ids] });
      };
      // A box ticked before this chunk arrived is recorded first, then every box follows storage.
      if ('pending' in this.dataset) {
        delete this.dataset['pending'];
        record();
      }
      sync();
      document.addEventListener(PROGRESS_KEY, sync);
      box.addEventListener('change', record);
    }
  },
);

customElements.define(
  'self-check-progress',
  class extends HTMLElement {
    connectedCallback() {
      const items = [...document.querySelectorAll<HTMLElement>('[data-checks]')];
      const status = this.querySelector('[data-done]')!;
      const show = () => {
        const p = load();
        let done = 0;
        for (const li of items) {
          const finished = (p[li.dataset['chapter']!]?.length ?? 0) >= Number(li.dataset['checks']);
          li.querySelector<HTMLElement>('.check-done')!.hidden = !finished;
          done += +finished;
        }
        status.textContent = `${done} of ${items.length}`;
        this.hidden = !Object.values(p).some((ids) => ids.length);
      };
      this.querySelector('button')!.addEventListener('click', () => save(undefined));
      document.addEventListener(PROGRESS_KEY, show);
      show();
    }
  },
);
