/** Copy text: the Clipboard API, or a selected textarea where it is refused (permissions, plain http). */
export async function copyText(text: string, refocus?: HTMLElement): Promise<boolean> {
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
