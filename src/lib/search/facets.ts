import { VERDICT_LABELS, type Verdict } from '../check/findings.ts';
import { MODEL_LABELS, type ModelInfo } from '../fields/models.ts';
import { PROFILE_LABELS, type PermissionProfile } from '../fields/profile.ts';
import { assignUniqueSlugs } from '../catalog/slugs.ts';
import { BUILTIN_TOOLS } from '../fields/tool-names.ts';
import { INHERITS_ALL_TOOLS, type ToolRef, type ToolSet } from '../fields/tools.ts';

/** What an agent contributes to each search facet. Every value is exactly what chips and browse pages show. */
export interface AgentFacets {
  category: string;
  tool: string[];
  mcp: string[];
  model: string;
  skill: string[];
  source: string;
  verdict: string;
  permission: string[];
}

/** The fields of an agent that facets are computed from. */
export interface FacetInput {
  categoryLabel: string;
  tools: ToolSet;
  disallowedTools: readonly ToolRef[];
  model: ModelInfo;
  skills: readonly string[];
  tags: readonly string[];
  sourceLabel: string;
  verdict: Verdict;
  profile: readonly PermissionProfile[];
}

/** Names of the tools an agent's file lists (or "Inherits all tools"), as the tool pages and list filters group agents. */
export function listedToolNames(tools: ToolSet): string[] {
  return tools.inheritsAll ? [INHERITS_ALL_TOOLS] : [...new Set(tools.tools.map((t) => t.name))];
}

/**
 * Names of the tools an agent can use, as search facet values. An agent that inherits every tool can use each
 * built-in tool its `disallowedTools` leaves it, so it counts under `Bash` as much as one that lists it, and it
 * is marked "Inherits all tools" besides.
 */
export function toolFacetValues(tools: ToolSet, disallowed: readonly ToolRef[] = []): string[] {
  if (!tools.inheritsAll) return [...new Set(tools.tools.map((t) => t.name))];
  const denied = new Set(disallowed.filter((t) => t.rule === undefined).map((t) => t.name));
  return [INHERITS_ALL_TOOLS, ...Object.keys(BUILTIN_TOOLS).filter((name) => !denied.has(name))];
}

/** Skills and tags together, lowercased and de-duplicated: the skill facet. */
export function skillFacetValues(skills: readonly string[], tags: readonly string[]): string[] {
  return [...new Set([...skills, ...tags].map((s) => s.trim().toLowerCase()).filter((s) => s !== ''))];
}

/** Computes every facet value of one agent. */
export function facetsOf(agent: FacetInput): AgentFacets {
  return {
    category: agent.categoryLabel,
    tool: toolFacetValues(agent.tools, agent.disallowedTools),
    mcp: [...new Set(agent.tools.tools.flatMap((t) => (t.mcpServer ? [t.mcpServer] : [])))],
    model: MODEL_LABELS[agent.model.family],
    skill: skillFacetValues(agent.skills, agent.tags),
    source: agent.sourceLabel,
    verdict: VERDICT_LABELS[agent.verdict],
    permission: agent.profile.map((p) => PROFILE_LABELS[p]),
  };
}

/** One value of a facet with the agents that have it. */
export interface FacetGroup<T> {
  value: string;
  slug: string;
  items: T[];
}

/**
 * Groups items by the values a function gives each of them, sorted by count (largest first), then
 * by value, with unique URL slugs (`Read` and `read` must not share a page).
 */
export function groupByFacet<T>(items: readonly T[], valuesOf: (item: T) => readonly string[]): FacetGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const value of valuesOf(item)) {
      const group = groups.get(value);
      if (group) group.push(item);
      else groups.set(value, [item]);
    }
  }
  const sorted = [...groups].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const slugs = assignUniqueSlugs(sorted.map(([value]) => ({ base: value.replace(/_/g, '-'), qualifier: 'alt' })));
  return sorted.map(([value, groupItems], index) => ({ value, slug: slugs[index]!, items: groupItems }));
}
