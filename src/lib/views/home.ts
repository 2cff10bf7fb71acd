import type { AgentFacts as Agent } from '../catalog/agent.ts';
import type { CategoryMeta } from '../catalog/categories.ts';
import type { Urls } from './urls.ts';
import type { AgentRow, SourceRef } from './agent.ts';

/** A category with its agents' count, as the home page and the categories page show it. */
export interface CategoryCard {
  id: string;
  label: string;
  description: string | undefined;
  href: string;
  /** Agents of this source in the category. */
  count: number;
  /** Agents of every source in the category: what its page lists. */
  total: number;
  order: number | undefined;
}

/** The categories of one source, in display order. */
export interface SourceCategories {
  source: SourceRef;
  agentCount: number;
  categories: CategoryCard[];
}

/** How many categories the home page shows per source before linking to the full list: all of them for one source, fewer when several share the page. */
export const HOME_CATEGORIES = { oneSource: 30, perSource: 6 } as const;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Categories grouped by source (a category id used by two sources appears under each), ordered by the
 * categories file's order, then by label.
 */
export function categoriesBySource(
  agents: readonly Agent[],
  sources: readonly SourceRef[],
  meta: ReadonlyMap<string, CategoryMeta>,
  labelOf: (agent: Agent) => string,
  urls: Urls,
): SourceCategories[] {
  const totals = new Map<string, number>();
  for (const agent of agents) totals.set(agent.categoryId, (totals.get(agent.categoryId) ?? 0) + 1);
  return sources.map((source) => {
    const counts = new Map<string, { agent: Agent; count: number }>();
    for (const agent of agents) {
      if (agent.sourceId !== source.id) continue;
      const entry = counts.get(agent.categoryId);
      if (entry) entry.count++;
      else counts.set(agent.categoryId, { agent, count: 1 });
    }
    const categories = [...counts].map(([id, { agent, count }]): CategoryCard => ({
      id,
      label: labelOf(agent),
      description: meta.get(id)?.description,
      href: urls.category(id),
      count,
      total: totals.get(id)!,
      order: meta.get(id)?.order,
    }));
    categories.sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || byText(a.label, b.label));
    return { source, agentCount: [...counts.values()].reduce((n, c) => n + c.count, 0), categories };
  });
}

/** The home page's categories for one source: the largest ones, up to the limit, in display order. */
export function homeCategories(group: SourceCategories, limit: number): CategoryCard[] {
  if (group.categories.length <= limit) return group.categories;
  const largest = new Set([...group.categories].sort((a, b) => b.count - a.count || byText(a.label, b.label)).slice(0, limit));
  return group.categories.filter((c) => largest.has(c));
}

/**
 * Agents to start with: ones Claude Code loads cleanly, with explicit tools, a short description that
 * says when to use them, and tags, preferring different categories. Deterministic: ties by catalogue order.
 */
export function startingPoints(agents: readonly Agent[], rowOf: (slug: string) => AgentRow, count = 6): AgentRow[] {
  const score = (a: Agent) =>
    (a.verdict === 'clean' ? 4 : 0) +
    (a.tools.inheritsAll ? 0 : 2) +
    (a.tags.length >= 3 ? 2 : 0) +
    (a.description.length <= 300 ? 1 : 0) +
    (/^use (when|for|to|this|before|after|during)\b/i.test(a.description) ? 1 : 0);
  const ranked = agents
    .map((agent, index) => ({ agent, index, score: score(agent) }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
  const picked: Agent[] = [];
  const seenCategories = new Set<string>();
  for (const { agent } of ranked) {
    if (picked.length === count) break;
    if (seenCategories.has(agent.categoryId)) continue;
    seenCategories.add(agent.categoryId);
    picked.push(agent);
  }
  return picked.map((a) => rowOf(a.slug));
}
