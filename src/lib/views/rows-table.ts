import type { AgentFacts as Agent } from '../catalog/agent.ts';
import type { AgentRow } from './agent.ts';

/**
 * Every agent as one compact row, for sorting and filtering lists in the browser. Repeated values
 * (categories, models, verdicts, sources, tools, skills) are stored once and referred to by index.
 * Rows are in catalogue order (by name).
 */
export interface RowsTable {
  categories: { id: string; label: string }[];
  /** The `model` values as written. */
  models: string[];
  /** Model families, as the model lists name them. */
  families: string[];
  verdicts: { id: string; label: string }[];
  sources: { id: string; label: string }[];
  tools: string[];
  skills: string[];
  /** Slugs of the pages of names that several agents share (see findTwins). */
  names: string[];
  /** [slug, name, summary, category, model, family, verdict, source, tools[], skills[], shared name or -1] */
  rows: [string, string, string, number, number, number, number, number, number[], number[], number][];
}

/** A table that numbers each distinct value as it first appears. */
function indexer<T>(keyOf: (value: T) => string = String) {
  const items: T[] = [];
  const index = new Map<string, number>();
  return {
    items,
    of(value: T): number {
      const key = keyOf(value);
      let i = index.get(key);
      if (i === undefined) {
        i = items.push(value) - 1;
        index.set(key, i);
      }
      return i;
    },
  };
}

/** Builds the table from the agents and their rows (same order), with the facet values lists filter on. */
export function rowsTable(
  agents: readonly Agent[],
  rows: readonly AgentRow[],
  facets: { tools: (a: Agent) => readonly string[]; skills: (a: Agent) => readonly string[]; family: (a: Agent) => string },
): RowsTable {
  const categories = indexer<{ id: string; label: string }>((c) => c.id);
  const models = indexer<string>();
  const families = indexer<string>();
  const verdicts = indexer<{ id: string; label: string }>((v) => v.id);
  const sources = indexer<{ id: string; label: string }>((s) => s.id);
  const tools = indexer<string>();
  const skills = indexer<string>();
  const names = indexer<string>();
  const table = agents.map((agent, i): RowsTable['rows'][number] => {
    const row = rows[i]!;
    return [
      row.slug,
      row.name,
      row.summary.length > 140 ? `${row.summary.slice(0, 139)}…` : row.summary,
      categories.of({ id: agent.categoryId, label: row.categoryLabel }),
      models.of(row.modelLabel),
      families.of(facets.family(agent)),
      verdicts.of({ id: row.verdict, label: row.verdictLabel }),
      sources.of({ id: agent.sourceId, label: row.sourceLabel }),
      facets.tools(agent).map((t) => tools.of(t)),
      facets.skills(agent).map((s) => skills.of(s)),
      agent.twins.count > 0 ? names.of(agent.twins.groupSlug) : -1,
    ];
  });
  return {
    categories: categories.items,
    models: models.items,
    families: families.items,
    verdicts: verdicts.items,
    sources: sources.items,
    tools: tools.items,
    skills: skills.items,
    names: names.items,
    rows: table,
  };
}
