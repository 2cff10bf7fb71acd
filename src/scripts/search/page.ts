import { loadPagefind, scheduler, type FilterCounts, type PagefindFilters, type PagefindResult } from './pagefind.ts';
import { renderResult } from './render.ts';
import { isEmptySearch, parseSearchParams, toPagefindFilters, toSearchParams, WITHOUT_PARAM, type FacetSpec, type SearchState } from '../../lib/search-state.ts';

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

  const renderFacets = (counts: FilterCounts, totals: FilterCounts) => {
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset['focusKey'] : undefined;
    const groups = facets.flatMap((facet) => {
      const values = Object.entries(totals[facet.key] ?? {})
        .map(([value]) => ({ value, count: counts[facet.key]?.[value] ?? 0, checked: state.selected[facet.key]?.includes(value) ?? false }))
        .filter((v) => v.count > 0 || v.checked)
        .sort((a, b) => Number(b.checked) - Number(a.checked) || b.count - a.count || (a.value < b.value ? -1 : 1));
      if (values.length === 0) return [];
      const fieldset = document.createElement('fieldset');
      fieldset.className = 'rounded border border-border p-3';
      fieldset.dataset['facet'] = facet.key;
      const legend = document.createElement('legend');
      legend.className = 'px-1 text-sm font-semibold';
      legend.textContent = facet.label;
      fieldset.append(legend);
      const visible = expanded.has(facet.key) ? values : values.slice(0, COLLAPSED);
      for (const option of visible) {
        const label = document.createElement('label');
        label.className = 'flex items-start gap-2 py-0.5 text-sm';
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.className = 'mt-1';
        box.checked = option.checked;
        box.dataset['focusKey'] = `${facet.key}:${option.value}`;
        box.addEventListener('change', () => {
          const current = new Set(state.selected[facet.key] ?? []);
          if (box.checked) current.add(option.value);
          else current.delete(option.value);
          state = { ...state, selected: { ...state.selected, [facet.key]: [...current] } };
          if (current.size === 0) delete state.selected[facet.key];
          commit(true);
          void run();
        });
        const text = document.createElement('span');
        text.className = 'min-w-0 break-all';
        text.textContent = option.value;
        const count = document.createElement('span');
        count.className = 'ml-auto text-muted tabular-nums';
        count.textContent = String(option.count);
        count.dataset['count'] = String(option.count);
        label.append(box, text, count);
        fieldset.append(label);
      }
      if (values.length > COLLAPSED) {
        const toggle = document.createElement('button');
        toggle.type = 'button';
        toggle.className = 'mt-1 text-sm text-accent hover:underline';
        toggle.dataset['focusKey'] = `${facet.key}:toggle`;
        toggle.textContent = expanded.has(facet.key) ? 'Show fewer' : `Show all ${values.length}`;
        toggle.setAttribute('aria-expanded', String(expanded.has(facet.key)));
        toggle.addEventListener('click', () => {
          if (expanded.has(facet.key)) expanded.delete(facet.key);
          else expanded.add(facet.key);
          renderFacets(counts, totals);
        });
        fieldset.append(toggle);
      }
      return [fieldset];
    });
    const without = document.createElement('div');
    without.className = 'rounded border border-border p-3';
    const withoutLabel = document.createElement('label');
    withoutLabel.className = 'mb-1 block text-sm font-semibold';
    withoutLabel.htmlFor = 'search-without';
    withoutLabel.textContent = 'Without tool';
    const select = document.createElement('select');
    select.id = 'search-without';
    select.className = 'w-full rounded border border-border bg-bg px-2 py-1 text-sm text-fg';
    select.dataset['focusKey'] = 'without';
    select.append(new Option('Choose a tool to exclude', ''));
    for (const tool of Object.keys(totals['tool'] ?? {}).sort()) {
      if (!state.without.includes(tool)) select.append(new Option(tool, tool));
    }
    select.addEventListener('change', () => {
      if (select.value === '') return;
      state = { ...state, without: [...state.without, select.value] };
      commit(true);
      void run();
    });
    without.append(withoutLabel, select);
    for (const tool of state.without) {
      const chip = document.createElement('button');
      chip.type = 'button';
      chip.className = 'mt-2 mr-1 rounded-full border border-err px-2 py-0.5 font-mono text-xs';
      chip.textContent = `without ${tool} ×`;
      chip.setAttribute('aria-label', `Stop excluding ${tool}`);
      chip.dataset['focusKey'] = `${WITHOUT_PARAM}:${tool}`;
      chip.addEventListener('click', () => {
        state = { ...state, without: state.without.filter((t) => t !== tool) };
        commit(true);
        void run();
      });
      without.append(chip);
    }
    facetBox.replaceChildren(...groups, without);
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
