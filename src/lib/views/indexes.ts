import type { AgentFacts as Agent } from '../catalog/agent.ts';
import { groupByFacet } from '../search/facets.ts';
import { MODEL_LABELS } from '../fields/models.ts';
import { describeTool } from '../fields/tool-names.ts';
import { classifyTool, INHERITS_ALL_TOOLS, type ToolKind } from '../fields/tools.ts';

/** One value of a browse dimension (a tool, a skill, a model) with its agents' slugs, in catalogue order. */
export interface FacetEntry {
  value: string;
  slug: string;
  slugs: string[];
}

/** A tool with what it is to Claude Code. */
export interface ToolEntry extends FacetEntry {
  kind: ToolKind | 'inherits-all';
  description: string;
  mcpServer: string | undefined;
  /** How many agents do not name it but can use it, because they inherit every tool (built-in tools only). */
  inheriting: number;
}

/** The sections of the tools index, in display order. */
export const TOOL_SECTIONS: readonly { kind: ToolEntry['kind']; title: string; intro: string }[] = [
  {
    kind: 'builtin',
    title: 'Built-in tools',
    intro:
      'Tools every Claude Code session has. Each count includes the agents that inherit every tool, since they can use it too; the search filters count them as well.',
  },
  { kind: 'inherits-all', title: 'No tools field', intro: 'Agents that list no tools get every tool of the conversation.' },
  { kind: 'mcp', title: 'MCP tools', intro: 'Tools from MCP servers, grouped by server. Each server must be configured separately.' },
  { kind: 'legacy', title: 'Retired names', intro: 'Old names that Claude Code has renamed or removed.' },
  {
    kind: 'unknown',
    title: 'Not Claude Code tools',
    intro: 'Names Claude Code does not know, often from VS Code or other tools. Claude Code ignores them.',
  },
];

/** The facet entries of a dimension, with slugs that never collide. */
function entries(agents: readonly Agent[], valuesOf: (agent: Agent) => readonly string[]): FacetEntry[] {
  return groupByFacet(agents, valuesOf).map((g) => ({ value: g.value, slug: g.slug, slugs: g.items.map((a) => a.slug) }));
}

/**
 * Every tool any agent names, plus "Inherits all tools", most used first, with kind and description. `canUse`
 * gives the tools an agent can use (see toolFacetValues), so a built-in tool also counts the agents that inherit it.
 */
export function toolEntries(
  agents: readonly Agent[],
  listed: (agent: Agent) => readonly string[],
  canUse: (agent: Agent) => readonly string[],
): ToolEntry[] {
  const bySlug = new Map(agents.map((a) => [a.slug, a]));
  const inheriting = new Map<string, number>();
  for (const agent of agents)
    if (agent.tools.inheritsAll) for (const name of canUse(agent)) inheriting.set(name, (inheriting.get(name) ?? 0) + 1);
  return entries(agents, listed).map((entry) => {
    if (entry.value === INHERITS_ALL_TOOLS)
      return {
        ...entry,
        kind: 'inherits-all',
        description: describeTool(entry.value, 'inherits-all'),
        mcpServer: undefined,
        inheriting: 0,
      };
    const ref = bySlug.get(entry.slugs[0]!)!.tools.tools.find((t) => t.name === entry.value) ?? classifyTool(entry.value);
    return {
      ...entry,
      kind: ref.kind,
      description: describeTool(ref.name, ref.kind, ref.mcpServer),
      mcpServer: ref.mcpServer,
      inheriting: ref.kind === 'builtin' ? (inheriting.get(entry.value) ?? 0) : 0,
    };
  });
}

/** Every skill and tag, most used first. */
export function skillEntries(agents: readonly Agent[], skillValues: (agent: Agent) => readonly string[]): FacetEntry[] {
  return entries(agents, skillValues);
}

/** Every model family in use, cheapest first, with the values written for it. */
export function modelEntries(agents: readonly Agent[]): (FacetEntry & { written: string[] })[] {
  const order = Object.values(MODEL_LABELS);
  const bySlug = new Map(agents.map((a) => [a.slug, a]));
  return entries(agents, (a) => [MODEL_LABELS[a.model.family]])
    .sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value))
    .map((entry) => ({
      ...entry,
      written: [...new Set(entry.slugs.map((slug) => bySlug.get(slug)!.model.raw ?? 'no model field'))].sort(),
    }));
}
