/**
 * Fills in the site's address where the build did not know it: commands hold a placeholder, replaced
 * here by the origin the page was opened at. The base path is already part of every path.
 */
export function fillSiteAddress(root: HTMLElement): void {
  const placeholder = root.dataset['placeholder'];
  if (!placeholder) return;
  for (const code of root.querySelectorAll<HTMLElement>('[data-site-command]'))
    code.textContent = (code.textContent ?? '').split(placeholder).join(location.origin);
  root.querySelector<HTMLElement>('[data-address-note]')?.remove();
}
