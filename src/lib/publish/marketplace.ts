/**
 * Plans a Claude Code plugin marketplace from a scan: one plugin per category, holding the agent files
 * Claude Code loads. Pure: the export script writes the plan and copies the files.
 */
import type { AgentData as Agent, SkippedFile } from '../catalog/agent.ts';
import { labelFromFolder, type CategoryTable } from '../catalog/categories.ts';
import type { Finding } from '../check/findings.ts';
import {
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
 * The plugin name for a category id: its kebab-case slug. A name Claude Code reserves for Anthropic's
 * own plugins (`claude-…`, `official-anthropic`) gets an `agents-` prefix and loses the word "official".
 */
export function pluginNameForCategory(categoryId: string): string {
  const name = slugify(categoryId, 'uncategorised');
  if (!reservedPluginNameReason(name)) return name;
  const words = name.split('-').filter((word) => word !== 'official');
  return `${ALTERNATIVE_PREFIX}${words.join('-') || 'uncategorised'}`;
}

/** Takes `wanted`, or the first of `wanted-2`, `wanted-3`… not yet in `taken` (compared case-insensitively), and records it. */
function claim(taken: Set<string>, wanted: string, extension = ''): string {
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

/** Builds the marketplace plan: one plugin per category of loadable agents, with what was left out and why. */
export function planMarketplace(input: MarketplaceInput, options: MarketplaceOptions): MarketplacePlan {
  const owner = options.owner.trim();
  const nameProblems = marketplaceNameProblems(options.name);
  const errors = [...nameProblems.errors, ...(owner === '' ? ['owner must not be empty: pass --owner "<name>"'] : [])];
  const leftOut: LeftOutFile[] = (input.skipped ?? []).map((file) => ({
    sourceId: file.sourceId,
    relPath: file.relPath,
    reason: skipReason(file.findings),
  }));

  const byCategory = new Map<string, MarketplaceAgent[]>();
  for (const agent of input.agents) {
    if (agent.verdict === 'skipped') {
      leftOut.push({ sourceId: agent.sourceId, relPath: agent.file.relPath, name: agent.name, reason: skipReason(agent.findings) });
      continue;
    }
    const group = byCategory.get(agent.categoryId);
    if (group) group.push(agent);
    else byCategory.set(agent.categoryId, [agent]);
  }

  const pluginNames = new Set<string>();
  const notes: string[] = [];
  const ignoredFields: IgnoredFieldUse[] = [];
  const plugins = [...byCategory.keys()].sort(categoryOrder(input.categories)).map((categoryId): PlannedPlugin => {
    const name = claim(pluginNames, pluginNameForCategory(categoryId));
    if (name !== categoryId) {
      const reserved = reservedPluginNameReason(slugify(categoryId));
      notes.push(`category "${categoryId}" is published as plugin "${name}"${reserved ? `: ${reserved}` : ''}`);
    }
    const dir = `${PLUGINS_DIR}/${name}`;
    const byName = new Map<string, MarketplaceAgent>();
    const fileNames = new Set<string>();
    const agents: PlannedAgentFile[] = [];
    for (const agent of byCategory.get(categoryId)!) {
      const first = byName.get(agent.name);
      if (first) {
        leftOut.push({
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
        ignoredFields.push({ plugin: name, name: agent.name, sourceId: agent.sourceId, relPath: agent.file.relPath, fields });
    }
    const meta = input.categories.get(categoryId);
    const label = meta?.label ?? labelFromFolder(categoryId);
    const description =
      meta?.description?.trim() || `${label}: ${agents.length} Claude Code ${agents.length === 1 ? 'subagent' : 'subagents'}.`;
    // A version that changes exactly when the plugin's files do, so installed copies update and unchanged ones stay.
    const version =
      options.version ??
      `1.0.0-${shortHash(
        agents
          .map((a) => a.sha256)
          .sort()
          .join(''),
      )}`;
    const manifest: PluginManifest = { name, description, version, author: { name: owner } };
    return { name, categoryId, dir, manifestPath: `${dir}/.claude-plugin/plugin.json`, manifest, agents };
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
