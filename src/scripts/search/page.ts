import { loadPagefind, scheduler, type FilterCounts, type PagefindFilters, type PagefindResult } from './pagefind.ts';
import { el, renderResult } from './render.ts';
import {
  facetOptions,
  isEmptySearch,
  parseSearchParams,
  toPagefindFilters,
  toSearchParams,
  withExcludedTool,
  withValue,
  WITHOUT_PARAM,
  type FacetOption,
  type FacetSpec,
  type SearchState,
} from '../../lib/search-state.ts';

const PAGE_SIZE = 20;
const COLLAPSED = 10;

/** Runs the full search page: query and facets in the URL, counts per value, results in pages of 20. */
export async function attachSearchPage(root: HTMLElement): Promise<void> {
  const facets = JSON.parse(root.dataset['facets'] ?? '[]') as FacetSpec[];
  const input = root.querySelector<HTMLInputElement>('#search-query')!;
  const form = root.querySelector<HTMLFormElement>('[data-search-form]')!;
  const facetBox = root.querySelector<HTMLElement>('[data-search-facets]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLUListElement>('[data-search-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const expanded = new Set<string>();
  let state: SearchState = parseSearchParams(new URLSearchParams(location.search), facets);
  let results: PagefindResult[] = [];
  let shown = 0;
  let latest = 0;

  input.disabled = false;
  input.placeholder = 'Name, description or prompt text, e.g. postgres';
  input.value = state.query;
  status.textContent = 'Loading search…';
  // Listeners go on before the index loads, so nothing typed meanwhile is lost.
  const ready = loadPagefind().then(async (api) => ({ api, totals: await api.filters() }));

  const commit = (push: boolean) => {
    const query = toSearchParams(state, facets).toString();
    const url = `${location.pathname}${query ? `?${query}` : ''}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };

  const showMore = async () => {
    const ticket = latest;
    const next = await Promise.all(results.slice(shown, shown + PAGE_SIZE).map((r) => r.data()));
    if (ticket !== latest) return;
    list.append(...next.map((d) => renderResult(d, false, state.query !== '')));
    shown += next.length;
    more.hidden = shown >= results.length;
  };

  const update = (next: SearchState) => {
    state = next;
    commit(true);
    void run();
  };

  const facetFieldset = (facet: FacetSpec, options: FacetOption[], rerender: () => void): HTMLFieldSetElement => {
    const fieldset = el('fieldset', 'rounded border border-border p-3');
    fieldset.dataset['facet'] = facet.key;
    fieldset.append(el('legend', 'px-1 text-sm font-semibold', facet.label));
    const open = expanded.has(facet.key);
    for (const option of open ? options : options.slice(0, COLLAPSED)) {
      const box = el('input', 'mt-1');
      box.type = 'checkbox';
      box.checked = option.checked;
      box.dataset['focusKey'] = `${facet.key}:${option.value}`;
      box.addEventListener('change', () => update(withValue(state, facet.key, option.value, box.checked)));
      const count = el('span', 'ml-auto text-muted tabular-nums', String(option.count));
      count.dataset['count'] = String(option.count);
      const label = el('label', 'flex items-start gap-2 py-0.5 text-sm');
      label.append(box, el('span', 'min-w-0 break-all', option.value), count);
      fieldset.append(label);
    }
    if (options.length > COLLAPSED) {
      const toggle = el('button', 'mt-1 text-sm text-accent hover:underline', open ? 'Show fewer' : `Show all ${options.length}`);
      toggle.type = 'button';
      toggle.dataset['focusKey'] = `${facet.key}:toggle`;
      toggle.setAttribute('aria-expanded', String(open));
      toggle.addEventListener('click', () => {
        if (open) expanded.delete(facet.key);
        else expanded.add(facet.key);
        rerender();
      });
      fieldset.append(toggle);
    }
    return fieldset;
  };

  const withoutControl = (tools: string[]): HTMLDivElement => {
    const box = el('div', 'rounded border border-border p-3');
    const label = el('label', 'mb-1 block text-sm font-semibold', 'Without tool');
    label.htmlFor = 'search-without';
    const select = el('select', 'w-full rounded border border-border bg-bg px-2 py-1 text-sm text-fg');
    select.id = 'search-without';
    select.dataset['focusKey'] = 'without';
    select.append(new Option('Choose a tool to exclude', ''), ...tools.filter((t) => !state.without.includes(t)).map((t) => new Option(t, t)));
    select.addEventListener('change', () => {
      if (select.value !== '') update(withExcludedTool(state, select.value, true));
    });
    box.append(label, select);
    for (const tool of state.without) {
      const chip = el('button', 'mt-2 mr-1 rounded-full border border-err px-2 py-0.5 font-mono text-xs', `without ${tool} ×`);
      chip.type = 'button';
      chip.setAttribute('aria-label', `Stop excluding ${tool}`);
      chip.dataset['focusKey'] = `${WITHOUT_PARAM}:${tool}`;
      chip.addEventListener('click', () => update(withExcludedTool(state, tool, false)));
      box.append(chip);
    }
    return box;
  };

  const renderFacets = (counts: FilterCounts, totals: FilterCounts) => {
    // Re-rendering replaces the controls; put focus back on the one that had it.
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset['focusKey'] : undefined;
    const rerender = () => renderFacets(counts, totals);
    const groups = facets.flatMap((facet) => {
      const options = facetOptions(Object.keys(totals[facet.key] ?? {}), counts[facet.key] ?? {}, state.selected[facet.key] ?? []);
      return options.length > 0 ? [facetFieldset(facet, options, rerender)] : [];
    });
    facetBox.replaceChildren(...groups, withoutControl(Object.keys(totals['tool'] ?? {}).sort()));
    if (focused) facetBox.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focused)}"]`)?.focus();
  };

  const run = async () => {
    const ticket = ++latest;
    // The count marks a finished search; drop it at once so nobody reads the previous one meanwhile.
    delete status.dataset['count'];
    const { api, totals } = await ready;
    if (ticket !== latest) return;
    if (isEmptySearch(state)) {
      results = [];
      list.replaceChildren();
      more.hidden = true;
      status.textContent = 'Type to search, or choose filters to list every agent that matches them.';
      renderFacets(totals, totals);
      status.dataset['count'] = '0';
      return;
    }
    const filters = toPagefindFilters(state, facets) as PagefindFilters;
    // With no query, Pagefind lists matches in a stable order of its own. A sort key would make it
    // alphabetical, but Pagefind keeps sort tables in the file every first search loads (about 2 bytes an agent).
    const search = await api.search(state.query === '' ? null : state.query, { filters });
    if (ticket !== latest || !search) return;
    results = search.results;
    shown = 0;
    list.replaceChildren();
    const n = results.length;
    status.textContent = n === 0 ? 'No agents match.' : `${n} agent${n === 1 ? '' : 's'} match.`;
    renderFacets(search.filters, totals);
    await showMore();
    // Set last: tests and assistive tech read the count once the first page of results is in.
    status.dataset['count'] = String(n);
  };

  const schedule = scheduler();
  input.addEventListener('input', () => {
    state = { ...state, query: input.value.trim() };
    commit(false);
    schedule(state.query, () => void run());
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  more.addEventListener('click', () => void showMore());
  window.addEventListener('popstate', () => {
    state = parseSearchParams(new URLSearchParams(location.search), facets);
    input.value = state.query;
    void run();
  });
  await run();
}
