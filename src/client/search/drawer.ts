/**
 * On narrow screens the filters live in a drawer over the results: the Filters button opens it, and
 * "Show results", Escape or the button close it again, returning focus to the button. On wide screens
 * the filters are a sidebar and the button is hidden.
 */
export function attachFilterDrawer(root: HTMLElement): void {
  const toggle = root.querySelector<HTMLButtonElement>('[data-filters-toggle]')!;
  const panel = root.querySelector<HTMLElement>('[data-filters-panel]')!;
  const close = root.querySelector<HTMLButtonElement>('[data-filters-close]')!;
  const setOpen = (open: boolean) => {
    if (open) panel.dataset['open'] = '';
    else delete panel.dataset['open'];
    toggle.setAttribute('aria-expanded', String(open));
    document.body.style.overflow = open && matchMedia('(max-width: 63.99rem)').matches ? 'hidden' : '';
    if (open) panel.querySelector<HTMLElement>('input, select, button')?.focus();
    else toggle.focus();
  };
  toggle.addEventListener('click', () => setOpen(toggle.getAttribute('aria-expanded') !== 'true'));
  close.addEventListener('click', () => setOpen(false));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && panel.dataset['open'] !== undefined) setOpen(false);
  });
}
