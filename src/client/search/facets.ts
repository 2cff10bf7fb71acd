import {
  facetOptions,
  withExcludedTool,
  withValue,
  WITHOUT_PARAM,
  type FacetOption,
  type FacetSpec,
  type SearchState,
} from '../../lib/search/state.ts';
import type { FilterCounts } from './pagefind.ts';
import { el } from './render.ts';

const COLLAPSED = 10;
const expanded = new Set<string>();

interface FacetPage {
  facetBox: HTMLElement;
  facets: FacetSpec[];
  toolNote: (name: string) => string | undefined;
}

function facetFieldset(
  facet: FacetSpec,
  options: FacetOption[],
  state: SearchState,
  update: (next: SearchState) => void,
  rerender: () => void,
  noteOf: (value: string) => string | undefined,
): HTMLFieldSetElement {
  const fieldset = el('fieldset', 'rounded border border-border p-3');
  fieldset.dataset['facet'] = facet.key;
  const chosen = options.filter((o) => o.checked).length;
  fieldset.append(el('legend', 'px-1 text-sm font-semibold', chosen > 0 ? `${facet.label} (${chosen} chosen, any of them)` : facet.label));
  const open = expanded.has(facet.key);
  for (const option of open ? options : options.slice(0, COLLAPSED)) {
    const box = el('input', 'mt-1');
    box.type = 'checkbox';
    box.checked = option.checked;
    box.dataset['focusKey'] = `${facet.key}:${option.value}`;
    box.addEventListener('change', () => update(withValue(state, facet.key, option.value, box.checked)));
    const count = el('span', 'ml-auto text-muted tabular-nums', String(option.count));
    count.dataset['count'] = String(option.count);
    const label = el('label', `flex items-start gap-2 rounded px-1 py-0.5 text-sm ${option.checked ? 'bg-chip font-medium' : ''}`);
    const text = el('span', 'min-w-0 break-all', option.value);
    const note = noteOf(option.value);
    if (note) text.append(el('span', 'ml-1 text-xs text-muted', `(${note})`));
    label.append(box, text, count);
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
}

function withoutControl(tools: string[], state: SearchState, update: (next: SearchState) => void): HTMLDivElement {
  const box = el('div', 'rounded border border-border p-3');
  const label = el('label', 'mb-1 block text-sm font-semibold', 'Without tool');
  label.htmlFor = 'search-without';
  const select = el('select', 'w-full rounded border border-border bg-bg px-2 py-1 text-sm text-fg');
  select.id = 'search-without';
  select.dataset['focusKey'] = WITHOUT_PARAM;
  select.append(
    new Option('Choose a tool to exclude', ''),
    ...tools.filter((t) => !state.without.includes(t)).map((t) => new Option(t, t)),
  );
  select.addEventListener('change', () => {
    if (select.value !== '') update(withExcludedTool(state, select.value, true));
  });
  box.append(label, select);
  return box;
}

/**
 * Draws the filters: every value with results stays listed with its count, chosen values are marked, and
 * values of one facet combine with OR (counts for a facet with choices are those without its own choices).
 */
export function renderFacets(
  page: FacetPage,
  state: SearchState,
  counts: FilterCounts,
  totals: FilterCounts,
  update: (next: SearchState) => void,
): void {
  // Re-rendering replaces the controls; put focus back on the one that had it.
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset['focusKey'] : undefined;
  const rerender = () => renderFacets(page, state, counts, totals, update);
  const groups = page.facets.flatMap((facet) => {
    const options = facetOptions(Object.keys(totals[facet.key] ?? {}), counts[facet.key] ?? {}, state.selected[facet.key] ?? []);
    return options.length > 0
      ? [facetFieldset(facet, options, state, update, rerender, facet.key === 'tool' ? page.toolNote : () => undefined)]
      : [];
  });
  page.facetBox.replaceChildren(...groups, withoutControl(Object.keys(totals['tool'] ?? {}).sort(), state, update));
  if (focused) page.facetBox.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focused)}"]`)?.focus();
}
