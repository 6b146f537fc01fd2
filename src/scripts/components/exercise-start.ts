/**
 * Loaded with <Exercise> (src/components/mdx/Exercise.astro): marks the exercises this device has
 * solved, and loads the checker (../chunks/exercise-check.ts, with the docker model) only when
 * the student first focuses an exercise or checks an answer. A check asked for before the chunk
 * arrived runs when it does.
 */
import checkUrl from '../chunks/exercise-check.ts?lazy-url';

let chunk: Promise<unknown> | undefined;
const load = () => (chunk ??= import(/* @vite-ignore */ checkUrl));

// The storage key comes from the sidebar's markup (PROGRESS_KEY in src/lib/site/progress.ts), so
// this module shares no chunk with the checker and stays one small file.
const key = document.querySelector<HTMLElement>('self-check-progress')?.dataset['key'];
try {
  const progress: unknown = key ? JSON.parse(localStorage.getItem(key) ?? '{}') : {};
  for (const ex of document.querySelectorAll<HTMLElement>('docker-exercise')) {
    const done = (progress as Record<string, unknown> | null)?.[ex.dataset['chapter'] ?? ''];
    if (Array.isArray(done) && done.includes(ex.dataset['progressId'])) {
      ex.dataset['state'] = 'solved';
      ex.querySelector<HTMLElement>('[data-solved-label]')!.hidden = false;
    }
  }
} catch {
  // No storage (private mode, blocked) or a malformed value: nothing shows as solved; exercises still check.
}

document.addEventListener('focusin', (e) => {
  if (e.target instanceof Element && e.target.closest('docker-exercise')) void load();
});
document.addEventListener('submit', (e) => {
  const ex = e.target instanceof Element ? e.target.closest<HTMLElement>('docker-exercise') : null;
  if (!ex || customElements.get('docker-exercise')) return;
  // Before the chunk: keep the page, and let the chunk check this answer when it upgrades the element.
  e.preventDefault();
  ex.dataset['pending'] = '';
  void load();
});
