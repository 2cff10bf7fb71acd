import { queryList, LIST_SORTS, type ListSort } from '../lib/search/list-query.ts';
import type { ListScope } from '../lib/views/lists.ts';
import type { RowsTable } from '../lib/views/rows-table.ts';
import { wireBundleButtons } from './bundle-store.ts';

const SHOWN = 100;
const VERDICT_TONE: Readonly<Record<string, string>> = {
  clean: 'text-ok border-ok',
  warnings: 'text-warn border-warn',
  skipped: 'text-err border-err',
};

let table: Promise<RowsTable> | undefined;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One row, built from text nodes only, in the same shape as the server-rendered rows. */
function renderRow(t: RowsTable, row: RowsTable['rows'][number], base: string, showSource: boolean): HTMLLIElement {
  const [slug, name, summary, category, model, , verdict, source] = row;
  const item = el('li', 'border-b border-border py-3');
  item.dataset['row'] = slug;
  const head = el('div', 'flex items-start justify-between gap-2');
  const link = el('a', 'font-semibold break-words text-accent hover:underline', name);
  link.href = `${base}agents/${slug}/`;
  const button = el(
    'button',
    'shrink-0 rounded border border-border px-2 py-0.5 text-xs text-fg hover:border-accent aria-pressed:border-accent aria-pressed:bg-chip',
    'Add to bundle',
  );
  button.type = 'button';
  button.dataset['bundleToggle'] = slug;
  button.setAttribute('aria-label', `Add to bundle: ${name}`);
  head.append(link, button);
  const details = el('p', 'mt-1 flex flex-wrap items-center gap-2 text-xs');
  const verdictInfo = t.verdicts[verdict]!;
  const badge = el(
    'span',
    `inline-block rounded border px-1.5 py-0.5 text-xs font-medium ${VERDICT_TONE[verdictInfo.id] ?? ''}`,
    verdictInfo.label,
  );
  badge.dataset['verdict'] = verdictInfo.id;
  details.append(
    el('span', '', t.categories[category]?.label ?? ''),
    el('span', 'rounded border border-border px-1 font-mono', t.models[model] ?? ''),
    badge,
  );
  if (showSource) details.append(el('span', 'text-muted', `from ${t.sources[source]?.label ?? ''}`));
  item.append(head, el('p', 'text-sm text-muted', summary), details);
  return item;
}

/**
 * Sorts and filters a list in the browser. The build already wrote the list's pages, sorted by name;
 * the first time someone types a filter or picks another order, the rows of every agent are loaded once
 * and the list is redrawn from them, with the page links hidden.
 */
export function attachListControls(root: HTMLElement): void {
  const scope: ListScope = { kind: root.dataset['kind'] as ListScope['kind'], key: root.dataset['key'] ?? '' };
  const showSource = root.dataset['showSource'] === 'true';
  const base = document.documentElement.dataset['base'] ?? '/';
  const filter = root.querySelector<HTMLInputElement>('[data-list-filter]')!;
  const sort = root.querySelector<HTMLSelectElement>('[data-list-sort]')!;
  const list = root.querySelector<HTMLUListElement>('[data-list-rows]')!;
  const status = root.querySelector<HTMLElement>('[data-list-status]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-list-more]')!;
  const pages = root.querySelector<HTMLElement>('[data-list-pages]');
  for (const control of [filter, sort]) control.disabled = false;
  root.querySelector('form')?.addEventListener('submit', (event) => event.preventDefault());
  let matches: RowsTable['rows'] = [];
  let shown = 0;
  let latest = 0;
  const showNext = async () => {
    // Claim the next rows before waiting, so two quick clicks never show the same rows twice.
    const next = matches.slice(shown, shown + SHOWN);
    shown += next.length;
    more.hidden = shown >= matches.length;
    const t = await table!;
    const fragment = document.createDocumentFragment();
    fragment.append(...next.map((row) => renderRow(t, row, base, showSource)));
    wireBundleButtons(fragment);
    list.append(fragment);
  };
  const update = async () => {
    const ticket = ++latest;
    table ??= fetch(root.dataset['rowsUrl']!).then((r) => r.json() as Promise<RowsTable>);
    const t = await table;
    if (ticket !== latest) return;
    const order = (LIST_SORTS as readonly string[]).includes(sort.value) ? (sort.value as ListSort) : 'name';
    matches = queryList(t, scope, filter.value, order);
    shown = 0;
    list.replaceChildren();
    if (pages) pages.hidden = true;
    await showNext();
    status.textContent =
      matches.length === 0 ? 'No agent in this list matches.' : `${matches.length} agent${matches.length === 1 ? '' : 's'} match.`;
  };
  filter.addEventListener('input', () => void update());
  sort.addEventListener('change', () => void update());
  more.addEventListener('click', () => void showNext());
}
