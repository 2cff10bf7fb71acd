import { RANKING } from '../../lib/search/rank.ts';
import { searchDelay } from '../../lib/search/state.ts';

/** The parts of Pagefind's browser API the site uses. */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}

export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}

export type FilterCounts = Record<string, Record<string, number>>;

export type PagefindFilters = Record<string, string | string[] | { any: string[] } | { all: string[] }> & {
  not?: Record<string, string[]>;
};

export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

export interface PagefindApi {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (query: string | null, options?: { filters?: PagefindFilters }) => Promise<PagefindSearch | null>;
  filters: () => Promise<FilterCounts>;
  preload: (query: string) => Promise<void>;
}

let loading: Promise<PagefindApi> | undefined;

/**
 * Loads the Pagefind bundle once, on first use. The bundle is written at build time, so it is
 * imported by URL at run time rather than bundled.
 */
export function loadPagefind(): Promise<PagefindApi> {
  const base = document.documentElement.dataset['base'] ?? '/';
  loading ??= (async () => {
    const api = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindApi;
    // No worker: searching on the main thread takes a few milliseconds and saves fetching and starting a second copy of the engine.
    // Record URLs already carry the base path, so Pagefind must not add it again.
    await api.options({ baseUrl: '/', excerptLength: 18, noWorker: true, ranking: RANKING });
    await api.init();
    warmSegmenter(document.documentElement.lang || 'en');
    return api;
  })();
  return loading;
}

/**
 * Pagefind splits every query with an `Intl.Segmenter`, and the first one a page constructs loads the
 * browser's break-iteration data: 50 to 80 ms in Chromium here, which the first search paid after the
 * person had typed. Constructing one while the engine loads, before the first letter, takes that out of it.
 */
function warmSegmenter(lang: string): void {
  if (typeof Intl.Segmenter === 'undefined') return;
  for (const segment of new Intl.Segmenter(lang, { granularity: 'grapheme' }).segment('a')) void segment;
}

/** Splits a Pagefind excerpt into plain-text runs and highlighted runs, so no markup from content is ever parsed into the page. */
export function excerptRuns(excerpt: string): { text: string; mark: boolean }[] {
  // Parsed in an inert document (no scripts run, nothing loads); the <p> keeps leading spaces the parser would drop.
  const decode = (html: string) => new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html').body.textContent ?? '';
  return excerpt
    .split(/(<mark>[\s\S]*?<\/mark>)/)
    .filter((part) => part !== '')
    .map((part) => (part.startsWith('<mark>') ? { text: decode(part.slice(6, -7)), mark: true } : { text: decode(part), mark: false }));
}

/** A scheduler that runs a task after the delay `searchDelay` gives for the query, and can drop the waiting task. */
export interface Scheduler {
  (query: string, task: () => void): void;
  cancel: () => void;
}

/** Runs `task` after the delay `searchDelay` gives for the current query, cancelling any run still waiting. */
export function scheduler(): Scheduler {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (query: string, task: () => void) => {
    clearTimeout(timer);
    const delay = searchDelay(query);
    if (delay === 0) task();
    else timer = setTimeout(task, delay);
  };
  return Object.assign(schedule, { cancel: () => clearTimeout(timer) });
}
