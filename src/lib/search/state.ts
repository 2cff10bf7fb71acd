/** A search facet as the search page offers it. */
export interface FacetSpec {
  /** Pagefind filter name and URL parameter, e.g. `tool`. */
  key: string;
  label: string;
  /** How chosen values of one facet combine: `any` (OR). Different facets always combine with AND. */
  match: 'any';
}

/** The facets of the search page, in display order. `source` is added only when a site has several sources. */
export const SEARCH_FACETS: readonly FacetSpec[] = [
  { key: 'category', label: 'Category', match: 'any' },
  { key: 'tool', label: 'Tool', match: 'any' },
  { key: 'mcp', label: 'MCP server', match: 'any' },
  { key: 'model', label: 'Model', match: 'any' },
  { key: 'skill', label: 'Skill or technology', match: 'any' },
  { key: 'verdict', label: 'Compatibility', match: 'any' },
  { key: 'permission', label: 'Permissions', match: 'any' },
  { key: 'source', label: 'Source', match: 'any' },
];

/** Separates tool entries in the `tools` result meta; Pagefind collapses whitespace, so it cannot be a newline. */
export const TOOL_SEPARATOR = ' | ';

/** URL parameter for tools an agent must not have. */
export const WITHOUT_PARAM = 'without';

/** What the search page is showing: the query, the chosen values per facet, and excluded tools. */
export interface SearchState {
  query: string;
  selected: Record<string, string[]>;
  without: string[];
}

/** Reads a search state from a URL query string. Unknown parameters are ignored. */
export function parseSearchParams(params: URLSearchParams, facets: readonly FacetSpec[] = SEARCH_FACETS): SearchState {
  const selected: Record<string, string[]> = {};
  for (const facet of facets) {
    const values = [...new Set(params.getAll(facet.key).filter((v) => v !== ''))];
    if (values.length > 0) selected[facet.key] = values;
  }
  return { query: (params.get('q') ?? '').trim(), selected, without: [...new Set(params.getAll(WITHOUT_PARAM).filter((v) => v !== ''))] };
}

/** Writes a search state as a query string, in a stable order, so equal states give equal URLs. */
export function toSearchParams(state: SearchState, facets: readonly FacetSpec[] = SEARCH_FACETS): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query !== '') params.set('q', state.query);
  for (const facet of facets) for (const value of state.selected[facet.key] ?? []) params.append(facet.key, value);
  for (const tool of state.without) params.append(WITHOUT_PARAM, tool);
  return params;
}

/** Pagefind's filter object for a state: `all`/`any` per facet, and `not` for excluded tools. */
export function toPagefindFilters(state: SearchState, facets: readonly FacetSpec[] = SEARCH_FACETS): Record<string, unknown> {
  const filters: Record<string, unknown> = {};
  for (const facet of facets) {
    const values = state.selected[facet.key];
    if (values && values.length > 0) filters[facet.key] = { [facet.match]: values };
  }
  if (state.without.length > 0) filters['not'] = { tool: { any: state.without } };
  return filters;
}

/** True when the state asks for nothing, so there is no search to run. */
export function isEmptySearch(state: SearchState): boolean {
  return state.query === '' && Object.keys(state.selected).length === 0 && state.without.length === 0;
}

/**
 * Milliseconds to wait before searching for a query. One- and two-letter prefixes each pull a different
 * slice of the index, so while someone is still typing they are skipped; a pause still searches them.
 */
export function searchDelay(query: string): number {
  return query.length > 0 && query.length < 3 ? 250 : 0;
}

/** A state with one facet value chosen or cleared. */
export function withValue(state: SearchState, key: string, value: string, chosen: boolean): SearchState {
  const values = new Set(state.selected[key] ?? []);
  if (chosen) values.add(value);
  else values.delete(value);
  const selected = { ...state.selected, [key]: [...values] };
  if (values.size === 0) delete selected[key];
  return { ...state, selected };
}

/** A state with a tool added to, or removed from, the excluded tools. */
export function withExcludedTool(state: SearchState, tool: string, excluded: boolean): SearchState {
  const without = state.without.filter((t) => t !== tool);
  return { ...state, without: excluded ? [...without, tool] : without };
}

/** One value a facet offers, with how many results have it and whether it is chosen. */
export interface FacetOption {
  value: string;
  count: number;
  checked: boolean;
}

/**
 * The values a facet offers now: every value with results, plus chosen ones even at zero, chosen
 * first, then by count, then alphabetically.
 */
export function facetOptions(
  values: readonly string[],
  counts: Readonly<Record<string, number>>,
  chosen: readonly string[],
): FacetOption[] {
  return values
    .map((value) => ({ value, count: counts[value] ?? 0, checked: chosen.includes(value) }))
    .filter((option) => option.count > 0 || option.checked)
    .sort((a, b) => Number(b.checked) - Number(a.checked) || b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** The state without one facet's choices: its options then show what choosing each would add (OR within a facet). */
export function withoutFacet(state: SearchState, key: string): SearchState {
  const selected = { ...state.selected };
  delete selected[key];
  return { ...state, selected };
}

/** A chosen filter as a removable chip. */
export interface ActiveFilter {
  key: string;
  label: string;
  value: string;
  /** The state once this filter is removed. */
  without: SearchState;
}

/** Every chosen filter, in facet order, then excluded tools. */
export function activeFilters(state: SearchState, facets: readonly FacetSpec[] = SEARCH_FACETS): ActiveFilter[] {
  const chosen = facets.flatMap((facet) =>
    (state.selected[facet.key] ?? []).map((value) => ({
      key: facet.key,
      label: facet.label,
      value,
      without: withValue(state, facet.key, value, false),
    })),
  );
  const excluded = state.without.map((tool) => ({
    key: WITHOUT_PARAM,
    label: 'Without tool',
    value: tool,
    without: withExcludedTool(state, tool, false),
  }));
  return [...chosen, ...excluded];
}
