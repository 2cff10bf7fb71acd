/**
 * The bundle: agents a person has chosen to install together, kept in this browser (localStorage) as a
 * list of slugs. Every page shows its size in the header; buttons on cards, rows, results and agent pages
 * add and remove agents.
 */

const KEY = 'subagent-catalog:bundle';
const CHANGED = 'bundle-changed';

/** The slugs in the bundle, in the order they were added. */
export function readBundle(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string' && /^[a-z0-9-]+$/.test(s)) : [];
  } catch {
    return [];
  }
}

/** Replaces the bundle and tells every listener on the page (and, through `storage`, other tabs). */
export function writeBundle(slugs: readonly string[]): void {
  const unique = [...new Set(slugs)];
  try {
    localStorage.setItem(KEY, JSON.stringify(unique));
  } catch {
    // Storage is blocked: the bundle lasts for this page only.
  }
  document.dispatchEvent(new CustomEvent(CHANGED, { detail: unique }));
}

/** Adds or removes one agent. */
export function setInBundle(slug: string, included: boolean): void {
  const current = readBundle().filter((s) => s !== slug);
  writeBundle(included ? [...current, slug] : current);
}

/** Calls `listener` now and whenever the bundle changes, in this tab or another. */
export function onBundleChange(listener: (slugs: string[]) => void): void {
  listener(readBundle());
  document.addEventListener(CHANGED, () => listener(readBundle()));
  window.addEventListener('storage', (event) => {
    if (event.key === KEY) listener(readBundle());
  });
}

/** Keeps the header's bundle count up to date. */
export function showBundleCount(): void {
  const count = document.querySelector<HTMLElement>('[data-bundle-count]');
  if (!count) return;
  onBundleChange((slugs) => {
    count.textContent = slugs.length > 0 ? `(${slugs.length})` : '';
  });
}

/** Turns every `[data-bundle-toggle]` button under `root` into an add/remove toggle, now and as the bundle changes. */
export function wireBundleButtons(root: ParentNode = document): void {
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('button[data-bundle-toggle]')];
  if (buttons.length === 0) return;
  const render = (slugs: string[]) => {
    for (const button of buttons) {
      const included = slugs.includes(button.dataset['bundleToggle'] ?? '');
      button.setAttribute('aria-pressed', String(included));
      // The words stay the same, so the accessible name always matches them; the pressed state and the mark tell the rest.
      button.textContent = included ? 'Add to bundle ✓' : 'Add to bundle';
    }
  };
  for (const button of buttons) {
    button.hidden = false;
    button.addEventListener('click', () =>
      setInBundle(button.dataset['bundleToggle'] ?? '', button.getAttribute('aria-pressed') !== 'true'),
    );
  }
  onBundleChange(render);
}
