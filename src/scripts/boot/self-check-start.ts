/**
 * Self-check progress, loaded only when it matters: when the student ticks "I answered this" or
 * already has progress stored on this device. A first visit that only reads loads none of it.
 * The storage key comes from the sidebar's markup (PROGRESS_KEY in src/lib/site/progress.ts), so this
 * entry imports nothing that the chunk shares and stays inline.
 */
import selfCheckUrl from '../chunks/self-check-progress.ts?lazy-url';

let loading: Promise<unknown> | undefined;
const load = () => (loading ??= import(/* @vite-ignore */ selfCheckUrl));
const key = document.querySelector<HTMLElement>('self-check-progress')?.dataset['key'];
try {
  if (key && localStorage.getItem(key)) void load();
} catch {}
document.addEventListener('change', (e) => {
  const mark = e.target instanceof Element && e.target.closest<HTMLElement>('self-check-mark');
  if (!mark) return;
  // Ticked before the chunk arrived: the chunk records it when it upgrades the element.
  if (!customElements.get('self-check-mark')) mark.dataset['pending'] = '';
  void load();
});
