import { copyFrom } from './clipboard.ts';

/**
 * One listener for every copy button of the page: `<button data-copy>` copies the text of
 * `data-target`, or the file at `data-href` (one field of it with `data-json-field`). The button says
 * "Copied" for two seconds and a live region tells screen readers.
 */
export function wireCopyButtons(): void {
  const status = document.getElementById('copy-status');
  const timers = new WeakMap<HTMLElement, number>();
  const copy = async (event: MouseEvent) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-copy]');
    if (!button) return;
    const original = button.dataset['label'] ?? (button.dataset['label'] = button.textContent ?? 'Copy');
    const originalName = button.dataset['name'] ?? (button.dataset['name'] = button.getAttribute('aria-label') ?? '');
    const ok = await copyFrom({ targetId: button.dataset['target'], href: button.dataset['href'], jsonField: button.dataset['jsonField'] });
    button.textContent = ok ? 'Copied' : 'Copy failed';
    // A name must hold the words a button shows: while it says "Copied", that is its name.
    button.removeAttribute('aria-label');
    if (status) status.textContent = ok ? 'Copied to clipboard' : 'Copying failed; select the text and copy it by hand';
    window.clearTimeout(timers.get(button));
    timers.set(
      button,
      window.setTimeout(() => {
        button.textContent = original;
        if (originalName) button.setAttribute('aria-label', originalName);
        if (status) status.textContent = '';
      }, 2000),
    );
  };
  document.addEventListener('click', (event) => void copy(event));
}
