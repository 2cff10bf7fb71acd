import { groupByName, matchCountText, resultsToTopUp } from '../../lib/search/rank.ts';
import { isWeakMatch, rankedSearch } from './engine.ts';
import { loadPagefind, scheduler, type PagefindResultData } from './pagefind.ts';
import { renderResult } from './render.ts';
import { SEARCH_UNAVAILABLE } from './unavailable.ts';

const SHOWN = 5;
/** At most this many results are loaded to fill the five rows when some share a name. */
const LOADED = 8;
/** While someone types, results refresh at most this often; the first result still shows at once. */
const REFRESH_MS = 200;

/**
 * Wires the header search field: results as you type; arrow keys move between the field and the
 * results, Enter opens one, Escape closes the panel wherever focus is; once focus leaves, nothing
 * pending may open it again.
 */
export function attachHeaderSearch(root: HTMLElement): void {
  const input = root.querySelector('input')!;
  const panel = root.querySelector<HTMLElement>('#site-search-panel')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLUListElement>('[data-search-results]')!;
  const all = root.querySelector<HTMLAnchorElement>('[data-search-all]')!;
  const searchUrl = all.getAttribute('href')!;
  const showSource = root.dataset['showSource'] === 'true';
  const pagefind = loadPagefind();
  // Handled where it is awaited; this keeps a failure to load from being reported meanwhile.
  pagefind.catch(() => undefined);
  /** The newest search started, the newest whose results are on screen, and the newest one close() abandoned. */
  let latest = 0;
  let shown = 0;
  let closedAt = 0;
  let lastRefresh = -Infinity;
  let trailing: ReturnType<typeof setTimeout> | undefined;
  let returningFocus = false;
  const schedule = scheduler();

  const setOpen = (open: boolean) => {
    panel.hidden = !open;
  };
  /** Closes the panel and forgets every search still under way or waiting. */
  const close = () => {
    closedAt = latest;
    clearTimeout(trailing);
    schedule.cancel();
    setOpen(false);
  };

  /**
   * Puts rows on screen. Results keep arriving after the person has moved into the list with the arrow keys; the
   * row they are on keeps the focus, rather than the focus falling back to the page.
   */
  let replacing = false;
  const showRows = (rows: HTMLElement[]) => {
    const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a[data-result-link]')];
    const focused = links().indexOf(document.activeElement as HTMLAnchorElement);
    replacing = true;
    list.replaceChildren(...rows);
    if (focused >= 0) links()[Math.min(focused, links().length - 1)]?.focus();
    replacing = false;
  };

  const run = async () => {
    const query = input.value.trim();
    clearTimeout(trailing);
    if (query === '') {
      close();
      list.replaceChildren();
      return;
    }
    if (!root.contains(document.activeElement)) return;
    // Each intermediate query would fetch its own index slice and results; refresh on a beat instead.
    const wait = lastRefresh + REFRESH_MS - performance.now();
    if (wait > 0) {
      trailing = setTimeout(() => void run(), wait);
      return;
    }
    lastRefresh = performance.now();
    const ticket = ++latest;
    // A search overtaken by a newer one still shows its results until the newer one has shown its own, so
    // the first results appear as soon as the engine has loaded, even if the person is still typing.
    const outdated = () => ticket <= closedAt || ticket < shown;
    setOpen(true);
    const api = await pagefind.catch(() => undefined);
    if (!api) {
      status.textContent = SEARCH_UNAVAILABLE;
      return;
    }
    const search = await rankedSearch(api, query, {});
    if (outdated() || !search) return;
    const loaded: PagefindResultData[] = [];
    let groups: PagefindResultData[][] = [];
    // Each result is a fetch of its own: five fill the five rows, and more are loaded only for rows left
    // empty because some results share a name.
    let pending = search.results.slice(0, SHOWN).map((result) => result.data());
    if (pending.length === 0) {
      shown = ticket;
      list.replaceChildren();
    }
    while (pending.length > 0) {
      for (const next of pending) {
        loaded.push(await next);
        if (outdated()) return;
        shown = ticket;
        // Put results on screen as they arrive; twins join their group.
        groups = groupByName(loaded, (d) => d.meta['title'] ?? d.url);
        showRows(groups.slice(0, SHOWN).map(([first, ...twins]) => renderResult(first!, { compact: true, showSource, twins })));
      }
      const more = resultsToTopUp({
        loaded: loaded.length,
        groups: groups.length,
        rows: SHOWN,
        limit: LOADED,
        available: search.results.length,
      });
      pending = search.results.slice(loaded.length, loaded.length + more).map((result) => result.data());
    }
    const weak = loaded[0] !== undefined && isWeakMatch(search.words, loaded[0].content);
    status.textContent = weak ? `No agent mentions “${query}”.` : matchCountText(search.results.length, search.everyWord, query);
    if (weak) list.replaceChildren();
    all.href = `${searchUrl}?q=${encodeURIComponent(query)}`;
  };

  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a[data-result-link]')];
  input.addEventListener('input', () => schedule(input.value.trim(), () => void run()));
  root.addEventListener('keydown', (event) => {
    const current = links().indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
      // Focus returns to the field without searching again, which would reopen the panel just closed.
      returningFocus = true;
      input.focus();
      returningFocus = false;
    } else if (event.key === 'ArrowDown' && !panel.hidden) {
      event.preventDefault();
      links()[Math.min(current + 1, links().length - 1)]?.focus();
    } else if (event.key === 'ArrowUp' && current >= 0) {
      event.preventDefault();
      if (current === 0) input.focus();
      else links()[current - 1]?.focus();
    }
  });
  root.addEventListener('focusout', (event) => {
    // A row replaced under the focus is not the person leaving the panel.
    if (!replacing && !root.contains(event.relatedTarget as Node | null)) close();
  });
  input.addEventListener('focus', () => {
    if (!returningFocus && input.value.trim() !== '') void run();
  });
  if (input.value.trim() !== '') void run();
}
