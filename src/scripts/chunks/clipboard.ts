/**
 * Copying, a lazily loaded chunk (src/scripts/boot/copy-buttons.ts loads it on the first click that
 * copies): a code block's Copy button (`<copy-button data-copy>`, the text decided at build time)
 * and the `#` beside a heading (the section's full address). Both say the result, visibly and
 * through a polite live region.
 */

/** Copy text: the Clipboard API, or a selected textarea where it is refused (permissions, plain http). */
export async function writeClipboard(text: string, refocus?: HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.className = 'sr-only';
    document.body.append(ta);
    ta.select();
    const ok = document.execCommand('copy');
    ta.remove();
    refocus?.focus();
    return ok;
  }
}

/** A Copy button of `<copy-button>`: copy its `data-copy`, mark the button and announce it. */
export async function copyFromButton(host: HTMLElement, button: HTMLElement): Promise<void> {
  const status = host.querySelector('[aria-live]');
  const ok = await writeClipboard(host.dataset['copy'] ?? '', button);
  if (status) status.textContent = ok ? 'Copied' : 'Copy failed: select the text and press Ctrl+C';
  button.dataset['state'] = ok ? 'copied' : 'failed';
  setTimeout(() => {
    if (status) status.textContent = '';
    delete button.dataset['state'];
  }, 2000);
}

/** The `#` beside a heading (it still navigates): copy the section's address, base path included. */
export async function copyAnchor(a: HTMLAnchorElement): Promise<void> {
  const status = document.querySelector<HTMLElement>('[data-link-status]');
  const ok = await writeClipboard(a.href, a);
  a.dataset['copied'] = ok ? 'Link copied' : 'Copy failed';
  if (status) status.textContent = ok ? `Link copied: ${a.href}` : 'Copy failed';
  setTimeout(() => {
    delete a.dataset['copied'];
    if (status) status.textContent = '';
  }, 2500);
}
