/**
 * The relevance benchmark: runs every query of tests/fixtures/search-relevance.json on the search page
 * of a built site, in headless Chromium, and scores where the first agent a person would accept appears.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from '@playwright/test';

/** One benchmark query and the agent names a person would accept for it. */
export interface RelevanceQuery {
  query: string;
  accept: string[];
}

/** Where the first accepted agent ranked for one query (results that share a name count once), or null when it is not in the first page. */
export interface QueryRank {
  query: string;
  rank: number | null;
  top: string[];
}

/** The benchmark's queries. */
export function relevanceQueries(file = 'tests/fixtures/search-relevance.json'): RelevanceQuery[] {
  return JSON.parse(readFileSync(file, 'utf8')) as RelevanceQuery[];
}

/** Mean reciprocal rank, and how many queries have an accepted agent in the top 3 and top 5. */
export function scoreRanks(ranks: readonly QueryRank[]): { mrr: number; top3: number; top5: number; queries: number } {
  const reciprocal = ranks.map((r) => (r.rank === null ? 0 : 1 / r.rank));
  return {
    mrr: reciprocal.reduce((a, b) => a + b, 0) / ranks.length,
    top3: ranks.filter((r) => r.rank !== null && r.rank <= 3).length,
    top5: ranks.filter((r) => r.rank !== null && r.rank <= 5).length,
    queries: ranks.length,
  };
}

/** Runs every query on the search page at `origin` and returns the ranks. */
export async function rankQueries(browser: Browser, origin: string, queries: readonly RelevanceQuery[]): Promise<QueryRank[]> {
  const page = await browser.newPage();
  const ranks: QueryRank[] = [];
  for (const { query, accept } of queries) {
    await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
    await page.locator('main [data-search-status][data-count]').waitFor({ state: 'attached', timeout: 30_000 });
    const names = await page.locator('main [data-result] a[data-result-link]').allTextContents();
    const index = names.findIndex((name) => accept.includes(name));
    ranks.push({ query, rank: index < 0 ? null : index + 1, top: names.slice(0, 5) });
  }
  await page.close();
  return ranks;
}
