import { pagePath } from './urls.ts';
import type { AgentRow, Link } from './agent.ts';
import { pageKey } from './page-key.ts';
import type { PluginLines } from './plugin-lines.ts';

/**
 * Rows per page of a list. A row is about 1 KB (up to 3 KB with the longest names a row shows), so a
 * page of 50 stays well under 150 KB of HTML however many agents there are.
 */
export const PAGE_SIZE = 50;

/** What a list holds, so the browser can find the same agents in the rows table to sort and filter them. */
export interface ListScope {
  kind: 'all' | 'category' | 'tool' | 'skill' | 'model' | 'name' | 'source';
  /** The category id, tool name, skill, model family label, name or source id. */
  key: string;
}

/** A list of agents with its own pages: A to Z, a category, a tool, a skill, a model, a name, a source. */
export interface AgentList {
  scope: ListScope;
  /** Page title and heading. */
  title: string;
  /** Shown in a monospace font (tool names). */
  code: boolean;
  description: string | undefined;
  /** The index this list belongs to, for the breadcrumb. */
  parent: Link;
  /** Path of the first page; later pages add `page/<n>/`. */
  firstPage: string;
  /** Every member, in catalogue order (by name). */
  rows: AgentRow[];
  /** Installing the whole list, when the list is a category or a source. */
  install: SetInstall | undefined;
  /** The `/plugin` lines of a category or a source, when the catalogue is published as a marketplace. */
  plugin?: PluginLines | undefined;
}

/** An agent an install script leaves out, and the agent of the same name or file name it writes instead. */
export interface LeftOutAgent {
  agent: Link;
  source: string;
  instead: Link & { source: string };
}

/** What installing a whole category or source writes: one file per name, so the scripts' count is the files they write. */
export interface SetInstall {
  scripts: { sh: string; ps1: string };
  count: number;
  leftOut: LeftOutAgent[];
}

/** One page of a list. */
export interface ListPage {
  list: Omit<AgentList, 'rows'> & { total: number };
  number: number;
  pageCount: number;
  rows: AgentRow[];
  /** Position of the first row on this page, from 1. */
  first: number;
  previous: string | undefined;
  next: string | undefined;
  /** Links to nearby pages, with the first and last, and gaps marked by `undefined`. */
  pages: ({ number: number; href: string; current: boolean } | undefined)[];
}

/** Page numbers to link: the first, the last, and two either side of the current one. */
export function pageNumbers(current: number, count: number): (number | undefined)[] {
  const wanted = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, count])]
    .filter((n) => n >= 1 && n <= count)
    .sort((a, b) => a - b);
  return wanted.flatMap((n, i) => (i > 0 && n - wanted[i - 1]! > 1 ? [undefined, n] : [n]));
}

/** Splits a list into pages. A list with no members still has one (empty) page. */
export function paginate(list: AgentList, size = PAGE_SIZE): ListPage[] {
  const pageCount = Math.max(1, Math.ceil(list.rows.length / size));
  const { rows, ...rest } = list;
  const header = { ...rest, total: rows.length };
  return Array.from({ length: pageCount }, (_, index) => {
    const number = index + 1;
    return {
      list: header,
      number,
      pageCount,
      rows: rows.slice(index * size, number * size),
      first: index * size + 1,
      previous: number > 1 ? pagePath(list.firstPage, number - 1) : undefined,
      next: number < pageCount ? pagePath(list.firstPage, number + 1) : undefined,
      pages: pageNumbers(number, pageCount).map((n) =>
        n === undefined ? undefined : { number: n, href: pagePath(list.firstPage, n), current: n === number },
      ),
    };
  });
}

/** The route parameter of a page: undefined for the first page, `page/<n>` after it. */
export function pageParam(number: number): string | undefined {
  return number <= 1 ? undefined : `page/${number}`;
}

/**
 * Static paths for every page of some lists: `[...page]` params, the page as a prop, and its key for the
 * incremental build (see page-key.ts), so a list page whose rows did not change is not rendered again.
 */
export function listPaths<P extends Record<string, string>>(lists: readonly { params: P; list: AgentList }[], layoutKey: string) {
  return lists.flatMap(({ params, list }) =>
    paginate(list).map((page) => ({
      params: { ...params, page: pageParam(page.number) },
      props: { page },
      cacheKey: pageKey(page, layoutKey),
    })),
  );
}
