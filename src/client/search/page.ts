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

/** The search page's elements and settings, read once from its markup. */
function pageOf(root: HTMLElement): Page {
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  return {
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
}

/** When nothing matches: which one filter to remove, and how many agents that would give. */
async function emptyHint(api: PagefindApi, state: SearchState, facets: readonly FacetSpec[]): Promise<string> {
  const options = await Promise.all(
    activeFilters(state, facets).map(async (f) => {
      const search = await api.search(f.without.query === '' ? null : f.without.query, {
        filters: toPagefindFilters(f.without, facets) as PagefindFilters,
      });
      return { f, count: search?.results.length ?? 0 };
    }),
  );
  const best = options.filter((o) => o.count > 0).sort((a, b) => b.count - a.count)[0];
  return best
    ? `No agents match. Remove “${best.f.label}: ${best.f.value}” to see ${best.count}.`
    : 'No agents match. Try fewer or other words.';
}

/** The search page at work: query, filters and sort in the URL, counts per value, results 20 at a time. */
class SearchPage {
  private state: SearchState;
  private results: PagefindResult[] = [];
  /** Result data by rank; a gap is a page still loading. */
  private slots: (PagefindResultData | undefined)[] = [];
  private loaded: PagefindResultData[] = [];
  private claimed = 0;
  /** The newest search started: an older one that finishes later shows nothing. */
  private latest = 0;
  private readonly ready: Promise<{ api: PagefindApi; totals: FilterCounts } | undefined>;

  private readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    const params = new URLSearchParams(location.search);
    this.state = parseSearchParams(params, page.facets);
    page.sort.value = params.get('sort') === 'name' ? 'name' : 'relevance';
    for (const control of [page.input, page.sort]) control.disabled = false;
    page.input.placeholder = 'Name, description or technology, e.g. postgres';
    page.input.value = this.state.query;
    page.status.textContent = 'Loading search…';
    this.ready = loadPagefind()
      .then(async (api) => ({ api, totals: await api.filters() }))
      .catch(() => {
        page.status.textContent = SEARCH_UNAVAILABLE;
        page.status.dataset['count'] = '0';
        return undefined;
      });
  }

  /** Listeners go on before the index loads, so nothing typed meanwhile is lost. */
  listen(): void {
    const { input, sort, more, root } = this.page;
    const schedule = scheduler();
    input.addEventListener('input', () => {
      this.state = { ...this.state, query: input.value.trim() };
      this.commit(false);
      schedule(this.state.query, () => void this.run());
    });
    sort.addEventListener('change', () => {
      this.commit(true);
      void this.run();
    });
    root.querySelector('[data-search-form]')!.addEventListener('submit', (event) => event.preventDefault());
    more.addEventListener('click', () => void this.showMore());
    window.addEventListener('popstate', () => {
      const current = new URLSearchParams(location.search);
      this.state = parseSearchParams(current, this.page.facets);
      sort.value = current.get('sort') === 'name' ? 'name' : 'relevance';
      input.value = this.state.query;
      void this.run();
    });
  }

  private commit(push: boolean): void {
    const query = toSearchParams(this.state, this.page.facets);
    if (this.page.sort.value === 'name') query.set('sort', 'name');
    const search = query.toString();
    const url = `${location.pathname}${search ? `?${search}` : ''}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  private readonly update = (next: SearchState) => {
    this.state = next;
    this.commit(true);
    void this.run();
  };

  private draw(): void {
    const groups = groupByName(this.loaded, (d) => d.meta['title'] ?? d.url);
    this.page.list.replaceChildren(
      ...groups.map(([first, ...twins]) => renderResult(first!, { compact: false, showSource: this.page.showSource, twins })),
    );
    wireBundleButtons(this.page.list);
  }

  private async showMore(): Promise<void> {
    // Claim the next results before waiting, so two quick clicks never load the same ones twice.
    const ticket = this.latest;
    const start = this.claimed;
    const next = this.results.slice(start, start + PAGE_SIZE);
    this.claimed += next.length;
    this.page.more.hidden = this.claimed >= this.results.length;
    const data = await Promise.all(next.map((r) => r.data()));
    if (ticket !== this.latest) return;
    data.forEach((d, i) => (this.slots[start + i] = d));
    // The results up to the first page still loading. Not indexOf(undefined): it skips the holes a later page leaves
    // when it arrives first, and would show them.
    let gap = 0;
    while (gap < this.slots.length && this.slots[gap] !== undefined) gap++;
    this.loaded = this.slots.slice(0, gap) as PagefindResultData[];
    this.draw();
  }

  private renderChips(): void {
    const { chips, toggle, facets } = this.page;
    const active = activeFilters(this.state, facets);
    chips.replaceChildren(
      ...active.map((f) => {
        const chip = el('button', 'rounded-full border border-accent bg-chip px-2 py-0.5 text-xs', `${f.label}: ${f.value} ×`);
        chip.type = 'button';
        chip.setAttribute('aria-label', `Remove filter ${f.label}: ${f.value}`);
        chip.addEventListener('click', () => this.update(f.without));
        return chip;
      }),
    );
    if (active.length > 1) {
      const clear = el('button', 'text-xs text-accent underline', 'Clear all filters');
      clear.type = 'button';
      clear.addEventListener('click', () => this.update({ query: this.state.query, selected: {}, without: [] }));
      chips.append(clear);
    }
    toggle.textContent = active.length > 0 ? `Filters (${active.length})` : 'Filters';
  }

  /** The results of a search with words and sorted by name: Pagefind has no name order, so the most relevant are sorted here. */
  private async loadByName(ticket: number): Promise<boolean> {
    this.loaded = await Promise.all(this.results.slice(0, NAME_SORT_LIMIT).map((r) => r.data()));
    if (ticket !== this.latest) return false;
    this.loaded.sort((a, b) => (a.meta['title'] ?? '').localeCompare(b.meta['title'] ?? ''));
    this.results = this.results.slice(0, this.loaded.length);
    this.draw();
    this.page.more.hidden = true;
    return true;
  }

  async run(): Promise<void> {
    const { status, list, more, facets } = this.page;
    const ticket = ++this.latest;
    // The count marks a finished search; drop it at once so nobody reads the previous one meanwhile.
    delete status.dataset['count'];
    const engine = await this.ready;
    if (!engine || ticket !== this.latest) return;
    const { api, totals } = engine;
    this.renderChips();
    this.slots = [];
    this.loaded = [];
    this.claimed = 0;
    if (isEmptySearch(this.state)) {
      this.results = [];
      list.replaceChildren();
      more.hidden = true;
      status.textContent = 'Type to search, or choose filters to list every agent that matches them.';
      renderFacets(this.page, this.state, totals, totals, this.update);
      status.dataset['count'] = '0';
      return;
    }
    const search = await rankedSearch(api, this.state.query, toPagefindFilters(this.state, facets) as PagefindFilters);
    if (ticket !== this.latest || !search) return;
    this.results = search.results;
    list.replaceChildren();
    renderFacets(this.page, this.state, await facetCounts(api, this.state, facets, search.filters), totals, this.update);
    if (ticket !== this.latest) return;
    const byName = this.page.sort.value === 'name' && this.state.query !== '';
    if (byName) {
      if (!(await this.loadByName(ticket))) return;
    } else {
      await this.showMore();
      if (ticket !== this.latest) return;
    }
    const first = this.loaded[0];
    const weak = this.state.query !== '' && first !== undefined && isWeakMatch(search.words, first.content);
    const n = weak ? 0 : search.results.length;
    if (weak) {
      list.replaceChildren();
      more.hidden = true;
    }
    const sorted = byName && n > NAME_SORT_LIMIT ? ` Sorted by name: the ${NAME_SORT_LIMIT} most relevant.` : '';
    status.textContent =
      n > 0
        ? `${matchCountText(n, search.everyWord)}${sorted}`
        : weak
          ? `No agent mentions “${this.state.query}”.`
          : await emptyHint(api, this.state, facets);
    // Set last: tests and assistive tech read the count once the first page of results is in.
    status.dataset['count'] = String(n);
  }
}

/** Runs the full search page. */
export async function attachSearchPage(root: HTMLElement): Promise<void> {
  const searchPage = new SearchPage(pageOf(root));
  searchPage.listen();
  await searchPage.run();
}
