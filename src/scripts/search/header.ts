import { loadPagefind, scheduler } from './pagefind.ts';
import { renderResult } from './render.ts';

const SHOWN = 5;
/** While someone types, results refresh at most this often; the first result still shows at once. */
const REFRESH_MS = 200;

/** Wires the header search field: results as you type, Escape to close. */
export function attachHeaderSearch(root: HTMLElement): void {
  const input = root.querySelector('input')!;
  const panel = root.querySelector<HTMLElement>('#site-search-panel')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLUListElement>('[data-search-results]')!;
  const all = root.querySelector<HTMLAnchorElement>('[data-search-all]')!;
  const searchUrl = all.getAttribute('href')!;
  const pagefind = loadPagefind();
  let latest = 0;
  let lastRefresh = -Infinity;
  let trailing: ReturnType<typeof setTimeout> | undefined;

  const setOpen = (open: boolean) => {
    panel.hidden = !open;
  };

  const run = async () => {
    const query = input.value.trim();
    clearTimeout(trailing);
    if (query === '') {
      latest++;
      list.replaceChildren();
      setOpen(false);
      return;
    }
    setOpen(true);
    // Each intermediate query would fetch its own index slice and results; refresh on a beat instead,
    // letting a search already under way finish so the first results still show at once.
    const wait = lastRefresh + REFRESH_MS - performance.now();
    if (wait > 0) {
      trailing = setTimeout(() => void run(), wait);
      return;
    }
    lastRefresh = performance.now();
    const ticket = ++latest;
    const api = await pagefind;
    const search = await api.search(query);
    if (ticket !== latest || !search) return;
    // Fetch the shown results in parallel but put each on screen as soon as it and those above it arrive.
    const pending = search.results.slice(0, SHOWN).map((result) => result.data());
    if (pending.length === 0) list.replaceChildren();
    for (const [index, next] of pending.entries()) {
      const item = renderResult(await next, true);
      if (ticket !== latest) return;
      if (index === 0) list.replaceChildren(item);
      else list.append(item);
    }
    const count = search.results.length;
    status.textContent = count === 0 ? `No agents match “${query}”.` : `${count} agent${count === 1 ? '' : 's'} match “${query}”.`;
    all.href = `${searchUrl}?q=${encodeURIComponent(query)}`;
  };

  const schedule = scheduler();
  input.addEventListener('input', () => schedule(input.value.trim(), () => void run()));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      setOpen(false);
      input.blur();
    }
  });
  root.addEventListener('focusout', (event) => {
    if (!root.contains(event.relatedTarget as Node | null)) setOpen(false);
  });
  input.addEventListener('focus', () => {
    if (input.value.trim() !== '' && list.childElementCount > 0) setOpen(true);
  });
  if (input.value.trim() !== '') void run();
}
