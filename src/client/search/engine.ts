import {
  contentQuery,
  EXACT_NAME_CANDIDATES,
  isNamedLike,
  joinedName,
  mentionsAnyWord,
  partialMatches,
  promote,
  queryWords,
  RELAX_BELOW,
} from '../../lib/search/rank.ts';
import type { PagefindApi, PagefindFilters, PagefindResult, PagefindSearch } from './pagefind.ts';

/** A search with the catalogue's ranking applied: the agents named like the query first, then Pagefind's order. */
export interface RankedSearch {
  results: PagefindResult[];
  /** How many of the results match every word; the rest match some (see RELAX_BELOW). Filter counts are of these. */
  everyWord: number;
  filters: PagefindSearch['filters'];
  words: string[];
}

/**
 * Searches with Pagefind and puts first the agents whose joined name is the query (`prompt engineer`
 * → the agents named `prompt-engineer`), found by a second, one-word search that costs one small index chunk.
 */
export async function rankedSearch(api: PagefindApi, query: string, filters: PagefindFilters): Promise<RankedSearch | undefined> {
  const joined = joinedName(query);
  const [main, exact] = await Promise.all([
    api.search(query === '' ? null : contentQuery(query), { filters }),
    joined ? api.search(joined, { filters }) : Promise.resolve(null),
  ]);
  if (!main) return undefined;
  const named = exact ? await namedLike(exact.results, query) : [];
  const results = promote(named, main.results, (r) => r.id);
  const words = contentQuery(query)
    .split(' ')
    .filter((w) => w !== '');
  if (results.length >= RELAX_BELOW || words.length < 2)
    return { results, everyWord: results.length, filters: main.filters, words: queryWords(query) };
  const perWord = await Promise.all(words.map(async (word) => (await api.search(word, { filters }))?.results ?? []));
  const partial = partialMatches(
    perWord,
    results,
    (r) => r.id,
    (r) => r.score,
  );
  return { results: [...results, ...partial], everyWord: results.length, filters: main.filters, words: queryWords(query) };
}

/** The results whose agent is named like the query; their data is needed anyway, as they are shown first. */
async function namedLike(results: readonly PagefindResult[], query: string): Promise<PagefindResult[]> {
  if (results.length === 0 || results.length > EXACT_NAME_CANDIDATES) return [];
  const data = await Promise.all(results.map((r) => r.data()));
  return results.filter((_, i) => isNamedLike(data[i]!.meta['title'] ?? '', query));
}

/** True when a text query's best result mentions none of its words, not even as the start of a longer word: nothing really matched. */
export function isWeakMatch(words: readonly string[], content: string): boolean {
  if (words.length === 0) return false;
  if (mentionsAnyWord(words, content)) return false;
  const contentWords = queryWords(content);
  // Stemming lets "reviewing" match "review", and Pagefind matches the last word as a prefix while typing.
  const related = (w: string, c: string) =>
    c.startsWith(w) || (c.length >= 4 && w.startsWith(c)) || (w.length >= 5 && c.startsWith(w.slice(0, -2)));
  return !words.some((w) => contentWords.some((c) => related(w, c)));
}
