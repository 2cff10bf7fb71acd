import { groupByName, matchCountText } from '../../lib/search/rank.ts';
import {
  activeFilters,
  isEmptySearch,
  parseSearchParams,
  toPagefindFilters,
  toSearchParams,
  withoutFacet,
  type FacetSpec,
  type SearchState,
} from '../../lib/search/state.ts';
import { wireBundleButtons } from '../bundle-store.ts';
import { isWeakMatch, rankedSearch } from './engine.ts';
import { renderFacets } from './facets.ts';
import {
  loadPagefind,
  scheduler,
  type FilterCounts,
  type PagefindApi,
  type PagefindFilters,
  type PagefindResult,
  type PagefindResultData,
} from './pagefind.ts';
import { el, renderResult } from './render.ts';
import { SEARCH_UNAVAILABLE } from './unavailable.ts';

const PAGE_SIZE = 20;

/** With "Sort by name" and a query, the most relevant results that are sorted. */
const NAME_SORT_LIMIT = 100;

interface Page {
  root: HTMLElement;
  facets: FacetSpec[];
  /** What a tool name is to Claude Code, for the note beside it in the tool filter. */
  toolNote: (name: string) => string | undefined;
  showSource: boolean;
  input: HTMLInputElement;
  sort: HTMLSelectElement;
  status: HTMLElement;
  chips: HTMLElement;
  list: HTMLUListElement;
  more: HTMLButtonElement;
  facetBox: HTMLElement;
  toggle: HTMLButtonElement;
}

interface ToolNames {
  builtin?: string[];
  legacy?: string[];
  inheritsAll?: string;
}

/** Marks names Claude Code does not know, or has retired; built-in and MCP names need no note. */
function toolNoteOf(names: ToolNames): (name: string) => string | undefined {
  const known = new Set([...(names.builtin ?? []), names.inheritsAll ?? '']);
  const legacy = new Set(names.legacy ?? []);
  return (name) => (known.has(name) || name.startsWith('mcp__') ? undefined : legacy.has(name) ? 'retired name' : 'not a Claude Code tool');
}

/** Counts for every facet: for a facet with choices, the counts as if its own choices were cleared, so its other options stay visible (OR). */
async function facetCounts(api: PagefindApi, state: SearchState, facets: readonly FacetSpec[], base: FilterCounts): Promise<FilterCounts> {
  const counts: FilterCounts = { ...base };
  await Promise.all(
    facets
      .filter((f) => (state.selected[f.key] ?? []).length > 0)
      .map(async (f) => {
        const other = withoutFacet(state, f.key);
        const search = await api.search(other.query === '' ? null : other.query, {
          filters: toPagefindFilters(other, facets) as PagefindFilters,
        });
        if (search) counts[f.key] = search.filters[f.key] ?? {};
      }),
  );
  return counts;
}

/** Runs the full search page: query, filters and sort in the URL, counts per value, results 20 at a time. */
export async function attachSearchPage(root: HTMLElement): Promise<void> {
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const page: Page = {
    root,
    facets: JSON.parse(root.dataset['facets'] ?? '[]') as FacetSpec[],
    toolNote: toolNoteOf(JSON.parse(root.dataset['toolNames'] ?? '{}') as ToolNames),
    showSource: root.dataset['showSource'] === 'true',
    input: q('#search-query'),
    sort: q('[data-search-sort]'),
    status: q('[data-search-status]'),
    chips: q('[data-search-chips]'),
    list: q('[data-search-results]'),
    more: q('[data-search-more]'),
    facetBox: q('[data-search-facets]'),
    toggle: q('[data-filters-toggle]'),
  };
  const { input, sort, status, list, more } = page;
  const params = new URLSearchParams(location.search);
  let state: SearchState = parseSearchParams(params, page.facets);
  sort.value = params.get('sort') === 'name' ? 'name' : 'relevance';
  let results: PagefindResult[] = [];
  /** Result data by rank; a gap is a page still loading. */
  let slots: (PagefindResultData | undefined)[] = [];
  let loaded: PagefindResultData[] = [];
  let claimed = 0;
  let latest = 0;
  for (const control of [input, sort]) control.disabled = false;
  input.placeholder = 'Name, description or technology, e.g. postgres';
  input.value = state.query;
  status.textContent = 'Loading search…';
  // Listeners go on before the index loads, so nothing typed meanwhile is lost.
  const ready = loadPagefind().then(async (api) => ({ api, totals: await api.filters() }));
  ready.catch(() => {
    status.textContent = SEARCH_UNAVAILABLE;
    status.dataset['count'] = '0';
  });

  const commit = (push: boolean) => {
    const query = toSearchParams(state, page.facets);
    if (sort.value === 'name') query.set('sort', 'name');
    const search = query.toString();
    const url = `${location.pathname}${search ? `?${search}` : ''}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };

  const draw = () => {
    const groups = groupByName(loaded, (d) => d.meta['title'] ?? d.url);
    list.replaceChildren(
      ...groups.map(([first, ...twins]) => renderResult(first!, { compact: false, showSource: page.showSource, twins })),
    );
    wireBundleButtons(list);
  };

  const showMore = async () => {
    // Claim the next results before waiting, so two quick clicks never load the same ones twice.
    const ticket = latest;
    const start = claimed;
    const next = results.slice(start, start + PAGE_SIZE);
    claimed += next.length;
    more.hidden = claimed >= results.length;
    const data = await Promise.all(next.map((r) => r.data()));
    if (ticket !== latest) return;
    data.forEach((d, i) => (slots[start + i] = d));
    const gap = slots.indexOf(undefined);
    loaded = (gap < 0 ? slots : slots.slice(0, gap)) as PagefindResultData[];
    draw();
  };

  const update = (next: SearchState) => {
    state = next;
    commit(true);
    void run();
  };

  const renderChips = () => {
    const active = activeFilters(state, page.facets);
    page.chips.replaceChildren(
      ...active.map((f) => {
        const chip = el('button', 'rounded-full border border-accent bg-chip px-2 py-0.5 text-xs', `${f.label}: ${f.value} ×`);
        chip.type = 'button';
        chip.setAttribute('aria-label', `Remove filter ${f.label}: ${f.value}`);
        chip.addEventListener('click', () => update(f.without));
        return chip;
      }),
    );
    if (active.length > 1) {
      const clear = el('button', 'text-xs text-accent underline', 'Clear all filters');
      clear.type = 'button';
      clear.addEventListener('click', () => update({ query: state.query, selected: {}, without: [] }));
      page.chips.append(clear);
    }
    page.toggle.textContent = active.length > 0 ? `Filters (${active.length})` : 'Filters';
  };

  /** When nothing matches: which one filter to remove, and how many agents that would give. */
  const emptyHint = async (api: PagefindApi): Promise<string> => {
    const options = await Promise.all(
      activeFilters(state, page.facets).map(async (f) => {
        const search = await api.search(f.without.query === '' ? null : f.without.query, {
          filters: toPagefindFilters(f.without, page.facets) as PagefindFilters,
        });
        return { f, count: search?.results.length ?? 0 };
      }),
    );
    const best = options.filter((o) => o.count > 0).sort((a, b) => b.count - a.count)[0];
    return best
      ? `No agents match. Remove “${best.f.label}: ${best.f.value}” to see ${best.count}.`
      : 'No agents match. Try fewer or other words.';
  };

  const run = async () => {
    const ticket = ++latest;
    // The count marks a finished search; drop it at once so nobody reads the previous one meanwhile.
    delete status.dataset['count'];
    const engine = await ready.catch(() => undefined);
    if (!engine) return;
    const { api, totals } = engine;
    if (ticket !== latest) return;
    renderChips();
    slots = [];
    loaded = [];
    claimed = 0;
    if (isEmptySearch(state)) {
      results = [];
      list.replaceChildren();
      more.hidden = true;
      status.textContent = 'Type to search, or choose filters to list every agent that matches them.';
      renderFacets(page, state, totals, totals, update);
      status.dataset['count'] = '0';
      return;
    }
    const search = await rankedSearch(api, state.query, toPagefindFilters(state, page.facets) as PagefindFilters);
    if (ticket !== latest || !search) return;
    results = search.results;
    list.replaceChildren();
    renderFacets(page, state, await facetCounts(api, state, page.facets, search.filters), totals, update);
    if (ticket !== latest) return;
    const byName = sort.value === 'name' && state.query !== '';
    if (byName) {
      // Pagefind has no name order for scored results: sort the most relevant ones here.
      loaded = await Promise.all(results.slice(0, NAME_SORT_LIMIT).map((r) => r.data()));
      if (ticket !== latest) return;
      loaded.sort((a, b) => (a.meta['title'] ?? '').localeCompare(b.meta['title'] ?? ''));
      results = results.slice(0, loaded.length);
      draw();
      more.hidden = true;
    } else {
      await showMore();
    }
    if (ticket !== latest) return;
    const weak = state.query !== '' && loaded[0] !== undefined && isWeakMatch(search.words, loaded[0].content);
    const n = weak ? 0 : search.results.length;
    if (weak) {
      list.replaceChildren();
      more.hidden = true;
    }
    status.textContent =
      n === 0
        ? weak
          ? `No agent mentions “${state.query}”.`
          : await emptyHint(api)
        : `${matchCountText(n, search.everyWord)}${byName && n > NAME_SORT_LIMIT ? ` Sorted by name: the ${NAME_SORT_LIMIT} most relevant.` : ''}`;
    // Set last: tests and assistive tech read the count once the first page of results is in.
    status.dataset['count'] = String(n);
  };

  const schedule = scheduler();
  input.addEventListener('input', () => {
    state = { ...state, query: input.value.trim() };
    commit(false);
    schedule(state.query, () => void run());
  });
  sort.addEventListener('change', () => {
    commit(true);
    void run();
  });
  q<HTMLFormElement>('[data-search-form]').addEventListener('submit', (event) => event.preventDefault());
  more.addEventListener('click', () => void showMore());
  window.addEventListener('popstate', () => {
    const current = new URLSearchParams(location.search);
    state = parseSearchParams(current, page.facets);
    sort.value = current.get('sort') === 'name' ? 'name' : 'relevance';
    input.value = state.query;
    void run();
  });
  await run();
}
