import type { ListScope } from '../views/lists.ts';
import type { RowsTable } from '../views/rows-table.ts';

/** How a list can be sorted in the browser. */
export const LIST_SORTS = ['name', 'category', 'model', 'verdict'] as const;

/** A sort order. */
export type ListSort = (typeof LIST_SORTS)[number];

type Row = RowsTable['rows'][number];

/** True when a row belongs to a list's scope: the same test the build used to make the list's pages. */
export function inScope(table: RowsTable, row: Row, scope: ListScope): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'category':
      return table.categories[row[3]]?.id === scope.key;
    case 'model':
      return table.families[row[5]] === scope.key;
    case 'source':
      return table.sources[row[7]]?.id === scope.key;
    case 'name':
      return row[10] >= 0 && table.names[row[10]] === scope.key;
    case 'tool':
      return row[8].some((i) => table.tools[i] === scope.key);
    case 'skill':
      return row[9].some((i) => table.skills[i] === scope.key);
  }
}

const VERDICT_ORDER: Readonly<Record<string, number>> = { clean: 0, warnings: 1, skipped: 2 };

/**
 * The rows of a list that match a quick filter (every word must appear in the name, summary, category
 * or model), in the chosen order. Catalogue order (by name) breaks ties, so results are stable.
 */
export function queryList(table: RowsTable, scope: ListScope, filter: string, sort: ListSort): Row[] {
  const words = filter
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  const matches = table.rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => inScope(table, row, scope))
    .filter(({ row }) => {
      if (words.length === 0) return true;
      const text = `${row[1]} ${row[2]} ${table.categories[row[3]]?.label ?? ''} ${table.models[row[4]] ?? ''}`.toLowerCase();
      return words.every((w) => text.includes(w));
    });
  const key = (row: Row): string | number => {
    if (sort === 'category') return table.categories[row[3]]?.label.toLowerCase() ?? '';
    if (sort === 'model') return (table.models[row[4]] ?? '').toLowerCase();
    if (sort === 'verdict') return VERDICT_ORDER[table.verdicts[row[6]]?.id ?? ''] ?? 3;
    return 0;
  };
  if (sort !== 'name')
    matches.sort((a, b) => {
      const ka = key(a.row);
      const kb = key(b.row);
      return ka < kb ? -1 : ka > kb ? 1 : a.index - b.index;
    });
  return matches.map((m) => m.row);
}
