/**
 * "Copy page as Markdown", loaded on the first click (src/scripts/boot/markdown-copy.ts): fetch
 * the chapter's `index.md` and copy it, saying the result on the button and in a live region.
 */
import { writeClipboard } from './clipboard.ts';

export async function copyMarkdown(button: HTMLButtonElement): Promise<void> {
  const status = button.parentElement?.querySelector('[data-markdown-status]');
  let ok: boolean;
  try {
    const res = await fetch(button.dataset['copyMarkdown']!);
    ok = res.ok && (await writeClipboard(await res.text(), button));
  } catch {
    ok = false;
  }
  button.dataset['state'] = ok ? 'copied' : 'failed';
  if (status) status.textContent = ok ? 'Page copied as Markdown' : 'Copy failed: open "View as Markdown" and copy from there';
  setTimeout(() => {
    delete button.dataset['state'];
    if (status) status.textContent = '';
  }, 2500);
}
