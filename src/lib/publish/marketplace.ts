/**
 * Plans a Claude Code plugin marketplace from a scan: one plugin per category, holding the agent files
 * Claude Code loads. Pure: the export script writes the plan and copies the files.
 */
import type { AgentData as Agent, SkippedFile } from '../catalog/agent.ts';
import { labelFromFolder, type CategoryTable } from '../catalog/categories.ts';
import type { Finding } from '../check/findings.ts';
import {
  ANTHROPIC_MARKS,
  marketplaceNameProblems,
  marketplaceSchema,
  pluginManifestSchema,
  reservedPluginNameReason,
  type MarketplaceManifest,
  type PluginManifest,
} from './plugin-manifests.ts';
import { isWindowsDeviceName, shortHash, slugify } from '../catalog/slugs.ts';

/** The schemas the plan is checked against, re-exported for the export script and its tests. */
export { marketplaceSchema, pluginManifestSchema } from './plugin-manifests.ts';

/** Where the marketplace manifest sits, relative to the marketplace root. */
export const MARKETPLACE_MANIFEST = '.claude-plugin/marketplace.json';

/** The folder that holds every plugin, relative to the marketplace root. */
export const PLUGINS_DIR = 'plugins';

/** Frontmatter fields Claude Code ignores in plugin agents (SPEC, "Plugins and marketplaces"). */
export const FIELDS_IGNORED_IN_PLUGINS: readonly string[] = ['permissionMode', 'mcpServers', 'hooks'];

/** The facts about an agent the plan needs; a scanned `Agent` has them all. */
export type MarketplaceAgent = Pick<Agent, 'name' | 'categoryId' | 'sourceId' | 'verdict' | 'otherFields' | 'findings'> & {
  file: Pick<Agent['file'], 'relPath' | 'absPath' | 'sha256'>;
};

/** What the plan is built from: the scan's agents (in source order), its skipped files and its categories. */
export interface MarketplaceInput {
  agents: readonly MarketplaceAgent[];
  skipped?: readonly SkippedFile[];
  categories: CategoryTable;
}

/** Who publishes the marketplace and under what name. */
export interface MarketplaceOptions {
  /** Marketplace name, as in `/plugin install <plugin>@<name>`. */
  name: string;
  /** Owner shown in `/plugin`. */
  owner: string;
  /** Version written to every plugin.json. Claude Code updates an installed plugin only when it changes, so by default it is derived from the plugin's files. */
  version?: string;
  /** Marketplace description; one is made up from the counts when absent. */
  description?: string;
}

/** An agent file and where its exact bytes go, relative to the marketplace root. */
export interface PlannedAgentFile {
  name: string;
  sourceId: string;
  relPath: string;
  /** Where to copy the bytes from. */
  absPath: string;
  /** SHA-256 of the bytes. */
  sha256: string;
  /** `plugins/<plugin>/agents/<file>.md` */
  path: string;
}

/** One plugin: its manifest and its agent files. */
export interface PlannedPlugin {
  name: string;
  categoryId: string;
  /** `plugins/<plugin>` */
  dir: string;
  /** `plugins/<plugin>/.claude-plugin/plugin.json` */
  manifestPath: string;
  manifest: PluginManifest;
  agents: PlannedAgentFile[];
}

/** A file of the sources that no plugin holds, with why. */
export interface LeftOutFile {
  sourceId: string;
  relPath: string;
  name?: string;
  reason: string;
}

/** An included agent that sets fields Claude Code ignores in plugins, so it behaves differently there. */
export interface IgnoredFieldUse {
  plugin: string;
  name: string;
  sourceId: string;
  relPath: string;
  fields: string[];
}

/** Everything the export writes and reports. Nothing should be written when `errors` is not empty. */
export interface MarketplacePlan {
  /** The `.claude-plugin/marketplace.json` object. */
  manifest: MarketplaceManifest;
  plugins: PlannedPlugin[];
  leftOut: LeftOutFile[];
  ignoredFields: IgnoredFieldUse[];
  /** Plugins named other than their category, with why. */
  notes: string[];
  warnings: string[];
  errors: string[];
}

const ALTERNATIVE_PREFIX = 'agents-';

/**
 * The plugin name for a category id: its kebab-case slug. A name Claude Code reads as one of Anthropic's own
 * plugins (`claude-…`, `official-anthropic`, any with the word "claude") loses the words "official", "claude",
 * "anthropic" and "anthropics" and gets an `agents-` prefix: `claude-code` is published as `agents-code`.
 */
export function pluginNameForCategory(categoryId: string): string {
  const name = slugify(categoryId, 'uncategorised');
  if (!reservedPluginNameReason(name)) return name;
  const kept = name
    .split('-')
    .filter((word) => word !== 'official' && !(ANTHROPIC_MARKS as readonly string[]).includes(word))
    .join('-');
  return `${ALTERNATIVE_PREFIX}${kept}`.startsWith(`${ALTERNATIVE_PREFIX}${ALTERNATIVE_PREFIX}`) || kept === 'agents'
    ? kept
    : `${ALTERNATIVE_PREFIX}${kept || 'uncategorised'}`;
}

/** Takes `wanted`, or the first of `wanted-2`, `wanted-3`… not yet in `taken` (compared case-insensitively), and records it. */
export function claim(taken: Set<string>, wanted: string, extension = ''): string {
  let candidate = `${wanted}${extension}`;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${wanted}-${n}${extension}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** The first error of a file, as a reason to leave it out. */
function skipReason(findings: readonly Finding[]): string {
  const error = findings.find((f) => f.severity === 'error');
  return error ? `Claude Code skips it (${error.rule}: ${error.message})` : 'Claude Code skips it';
}

function categoryOrder(categories: CategoryTable) {
  const label = (id: string) => categories.get(id)?.label ?? labelFromFolder(id);
  return (a: string, b: string) =>
    (categories.get(a)?.order ?? Infinity) - (categories.get(b)?.order ?? Infinity) ||
    (label(a) < label(b) ? -1 : label(a) > label(b) ? 1 : a < b ? -1 : a > b ? 1 : 0);
}

/** What a plugin is made of, besides its agents. */
export interface PluginGroup {
  name: string;
  /** The category the plugin holds, or the category of a source's plugin's first agent. */
  categoryId: string;
  label: string;
  description?: string | undefined;
  owner: string;
  version?: string | undefined;
}

/**
 * One plugin of a group of loadable agents (in catalogue order): the first agent of each name is taken, the
 * others are added to `report.leftOut`; agents that set fields plugins ignore are added to `report.ignoredFields`.
 */
export function planPlugin(
  group: PluginGroup,
  members: readonly MarketplaceAgent[],
  report: { leftOut: LeftOutFile[]; ignoredFields: IgnoredFieldUse[] },
): PlannedPlugin {
  const { name } = group;
  const dir = `${PLUGINS_DIR}/${name}`;
  const byName = new Map<string, MarketplaceAgent>();
  const fileNames = new Set<string>();
  const agents: PlannedAgentFile[] = [];
  for (const agent of members) {
    const first = byName.get(agent.name);
    if (first) {
      report.leftOut.push({
        sourceId: agent.sourceId,
        relPath: agent.file.relPath,
        name: agent.name,
        reason: `plugin "${name}" already has an agent named "${agent.name}" (${first.sourceId}: ${first.file.relPath})`,
      });
      continue;
    }
    byName.set(agent.name, agent);
    // Keep the file's own name, so people recognise it; two files of one name in different folders get the agent's slug.
    // A file name must be one that Windows and macOS can hold too: otherwise the agent's slug stands in.
    const own = agent.file.relPath.split('/').at(-1)!.replace(/\.md$/i, '');
    const base = /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(own) && !own.endsWith('.') && !isWindowsDeviceName(own) ? own : slugify(agent.name);
    const fileName = fileNames.has(`${base}.md`.toLowerCase())
      ? claim(fileNames, slugify(agent.name), '.md')
      : claim(fileNames, base, '.md');
    agents.push({
      name: agent.name,
      sourceId: agent.sourceId,
      relPath: agent.file.relPath,
      absPath: agent.file.absPath,
      sha256: agent.file.sha256,
      path: `${dir}/agents/${fileName}`,
    });
    const fields = agent.otherFields.map((field) => field.key).filter((key) => FIELDS_IGNORED_IN_PLUGINS.includes(key));
    if (fields.length > 0)
      report.ignoredFields.push({ plugin: name, name: agent.name, sourceId: agent.sourceId, relPath: agent.file.relPath, fields });
  }
  const description =
    group.description?.trim() || `${group.label}: ${agents.length} Claude Code ${agents.length === 1 ? 'subagent' : 'subagents'}.`;
  // A version that changes exactly when the plugin's files do, so installed copies update and unchanged ones stay.
  const version =
    group.version ??
    `1.0.0-${shortHash(
      agents
        .map((a) => a.sha256)
        .sort()
        .join(''),
    )}`;
  const manifest: PluginManifest = { name, description, version, author: { name: group.owner } };
  return { name, categoryId: group.categoryId, dir, manifestPath: `${dir}/.claude-plugin/plugin.json`, manifest, agents };
}

/**
 * The agents Claude Code loads, grouped by `keyOf` (a category or a source) in catalogue order, and the files of
 * each group it skips, with why; files skipped before they had a page are listed under their source.
 */
export function loadableGroups(input: MarketplaceInput, keyOf: (agent: MarketplaceAgent) => string) {
  const members = new Map<string, MarketplaceAgent[]>();
  const skippedOf = new Map<string, LeftOutFile[]>();
  const add = <T>(map: Map<string, T[]>, key: string, item: T) => {
    const group = map.get(key);
    if (group) group.push(item);
    else map.set(key, [item]);
  };
  for (const file of input.skipped ?? [])
    add(skippedOf, keyOf === bySourceKey ? file.sourceId : '', {
      sourceId: file.sourceId,
      relPath: file.relPath,
      reason: skipReason(file.findings),
    });
  for (const agent of input.agents) {
    if (agent.verdict === 'skipped')
      add(skippedOf, keyOf(agent), {
        sourceId: agent.sourceId,
        relPath: agent.file.relPath,
        name: agent.name,
        reason: skipReason(agent.findings),
      });
    else add(members, keyOf(agent), agent);
  }
  /** The keys with loadable agents, as categories are shown. */
  const order = (categories: CategoryTable) => [...members.keys()].sort(categoryOrder(categories));
  return { members, skippedOf, order };
}

/** Groups agents by source in loadableGroups, where files skipped before they had a page belong too. */
export const bySourceKey = (agent: MarketplaceAgent): string => agent.sourceId;

/** Builds the marketplace plan: one plugin per category of loadable agents, with what was left out and why. */
export function planMarketplace(input: MarketplaceInput, options: MarketplaceOptions): MarketplacePlan {
  const owner = options.owner.trim();
  const nameProblems = marketplaceNameProblems(options.name);
  const errors = [...nameProblems.errors, ...(owner === '' ? ['owner must not be empty: pass --owner "<name>"'] : [])];
  const groups = loadableGroups(input, (agent) => agent.categoryId);
  const leftOut: LeftOutFile[] = [...groups.skippedOf.values()].flat();
  const byCategory = groups.members;

  const pluginNames = new Set<string>();
  const notes: string[] = [];
  const ignoredFields: IgnoredFieldUse[] = [];
  const plugins = groups.order(input.categories).map((categoryId): PlannedPlugin => {
    const name = claim(pluginNames, pluginNameForCategory(categoryId));
    if (name !== categoryId) {
      const reserved = reservedPluginNameReason(slugify(categoryId));
      notes.push(`category "${categoryId}" is published as plugin "${name}"${reserved ? `: ${reserved}` : ''}`);
    }
    const meta = input.categories.get(categoryId);
    const label = meta?.label ?? labelFromFolder(categoryId);
    return planPlugin(
      { name, categoryId, label, description: meta?.description, owner, version: options.version },
      byCategory.get(categoryId)!,
      {
        leftOut,
        ignoredFields,
      },
    );
  });

  const agentCount = plugins.reduce((n, plugin) => n + plugin.agents.length, 0);
  if (agentCount === 0) errors.push('no agent that Claude Code loads was found, so there is nothing to export');
  const manifest: MarketplaceManifest = {
    name: options.name,
    owner: { name: owner },
    metadata: { description: options.description ?? `${agentCount} Claude Code subagents in ${plugins.length} plugins, one per category.` },
    plugins: plugins.map((plugin) => ({
      name: plugin.name,
      source: `./${plugin.dir}`,
      description: plugin.manifest.description,
      category: plugin.categoryId,
    })),
  };
  if (errors.length === 0) {
    // The schemas are the contract: a plan they reject is a bug here, so say which file and key.
    const checks = [
      { file: MARKETPLACE_MANIFEST, result: marketplaceSchema.safeParse(manifest) },
      ...plugins.map((p) => ({ file: p.manifestPath, result: pluginManifestSchema.safeParse(p.manifest) })),
    ];
    for (const { file, result } of checks)
      for (const issue of result.error?.issues ?? []) errors.push(`${file}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return { manifest, plugins, leftOut, ignoredFields, notes, warnings: nameProblems.warnings, errors };
}
