/**
 * Which `/plugin` lines each category, source and agent page shows: those of the marketplace the site serves
 * (when it knows its https address), or of a git-hosted one the config names. An agent a plugin leaves out
 * (Claude Code skips it, or the plugin already holds an agent of its name) gets no lines.
 */
import { pluginLines } from '../publish/install.ts';
import { pluginNameForCategory, type LeftOutFile } from '../publish/marketplace.ts';
import { servedPluginLines, type ServedMarketplacePlan } from '../publish/served-marketplace.ts';

/** The two lines, and the files of the category or source that the plugin leaves out. */
export interface PluginLines {
  add: string;
  install: string;
  /** The plugin holds the whole category, or all of a source's agents. */
  scope: 'category' | 'source';
  leftOut: { file: string; reason: string }[];
}

/** The lines of every page, or none of them. */
export interface PluginLineTable {
  category(id: string): PluginLines | undefined;
  source(id: string): PluginLines | undefined;
  /** The lines of the plugin of an agent's category, when that plugin holds the agent. */
  agent(agent: { sourceId: string; categoryId: string; verdict: string; file: { relPath: string } }): PluginLines | undefined;
  /** What the about page says: the line that adds the marketplace, its name, and the plugins that hold a whole source. */
  about: { add: string; name: string; sourcePlugins: string[] } | undefined;
}

const fileKey = (sourceId: string, relPath: string) => `${sourceId}\u0000${relPath}`;
const leftOutLines = (files: readonly LeftOutFile[]) => files.map((f) => ({ file: `${f.sourceId}: ${f.relPath}`, reason: f.reason }));

/** The lines of the served marketplace at `marketplaceUrl`. */
export function servedPluginLineTable(plan: ServedMarketplacePlan, marketplaceUrl: string): PluginLineTable {
  const lines = (kind: 'category' | 'source') =>
    new Map(
      plan.plugins
        .filter((p) => p.kind === kind)
        .map((p) => [p.key, { ...servedPluginLines(marketplaceUrl, plan.name, p.name), scope: kind, leftOut: leftOutLines(p.leftOut) }]),
    );
  const categories = lines('category');
  const sources = lines('source');
  const held = new Set(
    plan.plugins.filter((p) => p.kind === 'category').flatMap((p) => p.agents.map((agent) => fileKey(agent.sourceId, agent.relPath))),
  );
  return {
    category: (id) => categories.get(id),
    source: (id) => sources.get(id),
    agent: (agent) => (held.has(fileKey(agent.sourceId, agent.file.relPath)) ? categories.get(agent.categoryId) : undefined),
    about: {
      add: `/plugin marketplace add ${marketplaceUrl}`,
      name: plan.name,
      sourcePlugins: plan.plugins.filter((p) => p.kind === 'source').map((p) => p.name),
    },
  };
}

/** The lines of a git-hosted marketplace made by `npm run export:marketplace`: one plugin per category. */
export function gitPluginLineTable(marketplace: { name: string; repository: string }): PluginLineTable {
  const category = (id: string): PluginLines => ({
    ...pluginLines(marketplace, pluginNameForCategory(id)),
    scope: 'category',
    leftOut: [],
  });
  return {
    category,
    source: () => undefined,
    agent: (agent) => (agent.verdict === 'skipped' ? undefined : category(agent.categoryId)),
    about: { add: `/plugin marketplace add ${marketplace.repository}`, name: marketplace.name, sourcePlugins: [] },
  };
}

/** No marketplace: no lines. */
export const NO_PLUGIN_LINES: PluginLineTable = {
  category: () => undefined,
  source: () => undefined,
  agent: () => undefined,
  about: undefined,
};
