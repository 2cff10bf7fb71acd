/**
 * Ranking rules applied on top of Pagefind's scores, pure so they are tested with tables: an agent whose
 * name is exactly the query comes first, agents that share a name are shown together, and a query
 * whose words appear in no agent is reported as such rather than answered with a loose prefix match.
 */

/** Pagefind's ranking parameters, tuned against the relevance benchmark (tests/fixtures/search-relevance.json). */
export const RANKING = { termFrequency: 0.5, pageLength: 0.25, termSaturation: 1.4, termSimilarity: 1.0 } as const;

/** The words of a query, lowercased, split on anything that is not a letter or digit. */
export function queryWords(query: string): string[] {
  return query
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** Words that say nothing about an agent; Pagefind matches every word of a query, so they only lose results. */
const STOP_WORDS = new Set('a an and are can for from help how i in is it me my of on or our please the to with you your'.split(' '));

/**
 * The query Pagefind is given: its words without stop words ("review my pull request" → "review pull
 * request"), unless that would leave nothing.
 */
export function contentQuery(query: string): string {
  const words = queryWords(query);
  const kept = words.filter((w) => !STOP_WORDS.has(w));
  return (kept.length > 0 ? kept : words).join(' ');
}

/**
 * The single word an agent's name becomes in the index when its parts are joined (`prompt-engineer` →
 * `promptengineer`): searching for it finds the agents named exactly like the query. Undefined for
 * one-word queries, which need no such help.
 */
export function joinedName(query: string): string | undefined {
  const words = queryWords(query);
  return words.length > 1 ? words.join('') : undefined;
}

/** True when an agent's name is the query, ignoring case and separators (`Prompt Engineer` names `prompt-engineer`). */
export function isNamedLike(name: string, query: string): boolean {
  const words = queryWords(query);
  return words.length > 0 && queryWords(name).join('') === words.join('');
}

/**
 * How many results of the joined-name search are checked by name. A name is shared by a handful of
 * agents at most; a longer list means Pagefind fell back to words the joined query merely starts with
 * (`writeunittests` finds "write"), and it is ignored.
 */
export const EXACT_NAME_CANDIDATES = 12;

/** Puts `first` (in their order) before the rest of `ranked`, without repeating any. */
export function promote<T>(first: readonly T[], ranked: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Set(first.map(keyOf));
  return [...first, ...ranked.filter((item) => !seen.has(keyOf(item)))];
}

/** Results grouped by agent name, each group where its first member ranked, members in rank order. */
export function groupByName<T>(results: readonly T[], nameOf: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const result of results) {
    const key = nameOf(result).toLowerCase();
    const group = groups.get(key);
    if (group) group.push(result);
    else groups.set(key, [result]);
  }
  return [...groups.values()];
}

/**
 * How many more results to load once `loaded` of `available` are in and make `groups` rows: one for each of
 * the `rows` still empty because some results share a name, within `limit` results in all.
 */
export function resultsToTopUp({
  loaded,
  groups,
  rows,
  limit,
  available,
}: {
  loaded: number;
  groups: number;
  rows: number;
  limit: number;
  available: number;
}): number {
  return Math.max(0, Math.min(rows - groups, limit - loaded, available - loaded));
}

/** True when at least one query word appears as a whole word in the text (so the match is not only a prefix of longer words). */
export function mentionsAnyWord(words: readonly string[], text: string): boolean {
  const present = new Set(queryWords(text));
  return words.some((w) => present.has(w));
}

/**
 * Below this many results for every word of a query, the results for some of its words are shown after them:
 * "review a pull request" finds 4 agents that say all three words, and the code reviewers only say "review".
 */
export const RELAX_BELOW = 20;

/**
 * The results that match some words of a query but not all, best first: by the sum of their scores in the
 * searches for each word alone (how well they match the words they do hold), leaving out `shown`.
 */
export function partialMatches<T>(
  perWord: readonly (readonly T[])[],
  shown: readonly T[],
  keyOf: (item: T) => string,
  scoreOf: (item: T) => number,
): T[] {
  const seen = new Set(shown.map(keyOf));
  const scored = new Map<string, { item: T; score: number }>();
  for (const results of perWord) {
    for (const item of results) {
      const key = keyOf(item);
      if (seen.has(key)) continue;
      const entry = scored.get(key);
      if (entry) entry.score += scoreOf(item);
      else scored.set(key, { item, score: scoreOf(item) });
    }
  }
  return [...scored.values()].sort((a, b) => b.score - a.score).map((e) => e.item);
}

/** The count line of a search: how many results there are, and how many of them match only some of the words. */
export function matchCountText(total: number, everyWord: number, query?: string): string {
  const quoted = query === undefined ? '' : ` “${query}”`;
  if (total === 0) return `No agents match${quoted}.`;
  if (everyWord === total) return `${total} agent${total === 1 ? ' matches' : 's match'}${quoted}.`;
  const some = total - everyWord;
  const matchSome = `match${some === 1 ? 'es' : ''} some of them`;
  if (everyWord === 0) return `No agent matches every word${quoted}; ${some} ${matchSome}.`;
  return `${everyWord} agent${everyWord === 1 ? ' matches' : 's match'} every word${quoted}; ${some} more ${matchSome}.`;
}
