/**
 * The site as a Claude Code plugin marketplace of its own: `/marketplace.json`, and one zip archive per
 * category and per source holding `.claude-plugin/plugin.json`, a README and `agents/` with the exact files.
 * Claude Code (2.1.224 and later) installs a plugin whose source is `{"source": "archive", "url", "sha256"}`
 * from a marketplace.json at any URL; it fetches archives only over https from a host that is not loopback,
 * link-local or cloud metadata, so the marketplace is served only when the site's https address is known.
 * Pure: the publishing side reads the bytes and writes the files.
 */
import { labelFromFolder } from '../catalog/categories.ts';
import { slugify } from '../catalog/slugs.ts';
import {
  bySourceKey,
  claim,
  loadableGroups,
  planPlugin,
  pluginNameForCategory,
  type IgnoredFieldUse,
  type LeftOutFile,
  type MarketplaceInput,
  type PlannedAgentFile,
  type PlannedPlugin,
} from './marketplace.ts';
import type { CatalogSnapshot } from '../catalog/snapshot.ts';
import {
  isRefusedArchiveHost,
  marketplaceNameProblems,
  marketplaceSchema,
  pluginManifestSchema,
  type MarketplaceManifest,
} from './plugin-manifests.ts';
import { compressFile, zipArchive, type CompressedFile } from './zip.ts';

/** Where the marketplace is served, relative to the site's base. */
export const SERVED_MARKETPLACE_FILE = 'marketplace.json';

/** The name and owner a catalogue's marketplace has when its config names none. */
export const DEFAULT_MARKETPLACE = { name: 'subagent-catalog', owner: 'Subagent Catalog' } as const;

/** A plugin of the served marketplace: a category's or a source's loadable agents, as one archive. */
export interface ServedPlugin extends PlannedPlugin {
  kind: 'category' | 'source';
  /** The category id or the source id. */
  key: string;
  /** `plugins/<name>.zip`, relative to the site's base. */
  archivePath: string;
  /** What is in the plugin and what was left out, as the archive's README.md. */
  readme: string;
  /** The files of the category or source this plugin does not hold, with why. */
  leftOut: LeftOutFile[];
}

/** Everything the site serves as a marketplace, and what it leaves out. */
export interface ServedMarketplacePlan {
  name: string;
  owner: string;
  plugins: ServedPlugin[];
  ignoredFields: IgnoredFieldUse[];
  errors: string[];
}

/** The plugin name of a source's whole set of agents. */
export function pluginNameForSource(sourceId: string): string {
  return `all-${slugify(sourceId, 'agents')}`;
}

/**
 * The address of the served marketplace, or why there is none: Claude Code fetches archives only over https,
 * and never from a loopback, link-local or metadata host, so a site without such an address cannot serve one.
 */
export function servedMarketplaceUrl(site: { url: string | undefined; base: string }): { url: string } | { reason: string } {
  if (!site.url) return { reason: 'the site was built without SITE_URL, and Claude Code needs the https address of each plugin archive' };
  const address = new URL(site.base, site.url);
  if (address.protocol !== 'https:')
    return { reason: `SITE_URL is ${address.protocol}, and Claude Code fetches plugin archives only over https` };
  if (isRefusedArchiveHost(address.hostname))
    return {
      reason: `SITE_URL names ${address.hostname}, and Claude Code refuses plugin archives from loopback, link-local and metadata hosts`,
    };
  return { url: new URL(SERVED_MARKETPLACE_FILE, address).href };
}

const byFile = (a: LeftOutFile, b: LeftOutFile) =>
  a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0;

/** A README of at least the forty words Claude Code's plugin checks ask for, naming every agent and every file left out. */
function readmeOf(
  label: string,
  kind: ServedPlugin['kind'],
  agents: readonly PlannedAgentFile[],
  leftOut: readonly LeftOutFile[],
  install: { add: string; install: string } | undefined,
): string {
  const code = (text: string) => `\`${text.replace(/[`\r\n]/g, '')}\``;
  const lines = [
    `# ${label.replace(/[\r\n]/g, ' ')}`,
    '',
    `This plugin holds the ${agents.length} Claude Code ${agents.length === 1 ? 'subagent' : 'subagents'} of the ${kind} "${label.replace(/[\r\n]/g, ' ')}", ` +
      'each file byte for byte as the catalogue publishes it. Once the plugin is installed, Claude Code offers every agent as ' +
      '`<plugin>:<agent>`; plugin agents ignore the permissionMode, mcpServers and hooks fields.',
    '',
    ...(install ? ['## Install', '', 'In Claude Code:', '', '```', install.add, install.install, '```', ''] : []),
    '## Agents',
    '',
    ...agents.map((agent) => `- ${code(agent.name)} (${code(agent.path.split('/').slice(2).join('/'))})`),
  ];
  if (leftOut.length > 0)
    lines.push(
      '',
      '## Left out',
      '',
      ...leftOut.map((file) => `- ${code(`${file.sourceId}: ${file.relPath}`)}: ${file.reason.replace(/[\r\n]/g, ' ')}`),
    );
  return `${lines.join('\n')}\n`;
}

/**
 * The plugins the site serves: one per category (named as in the git export), then one per source holding all of
 * its loadable agents. Agents Claude Code skips, and later agents of a name a plugin already holds, are left out and listed.
 */
export function planServedMarketplace(
  input: MarketplaceInput & { sources: readonly { id: string; label: string }[] },
  options: { name: string; owner: string; marketplaceUrl?: string | undefined },
): ServedMarketplacePlan {
  const errors = marketplaceNameProblems(options.name).errors;
  const ignoredFields: IgnoredFieldUse[] = [];
  const taken = new Set<string>();
  const plugin = (
    kind: ServedPlugin['kind'],
    key: string,
    wanted: string,
    label: string,
    description: string | undefined,
    groups: ReturnType<typeof loadableGroups>,
  ): ServedPlugin => {
    const name = claim(taken, wanted);
    const leftOut = [...(groups.skippedOf.get(key) ?? [])];
    const planned = planPlugin(
      {
        name,
        categoryId: kind === 'category' ? key : (groups.members.get(key)?.[0]?.categoryId ?? key),
        label,
        description,
        owner: options.owner,
      },
      groups.members.get(key) ?? [],
      { leftOut, ignoredFields: kind === 'category' ? ignoredFields : [] },
    );
    leftOut.sort(byFile);
    const install = options.marketplaceUrl ? servedPluginLines(options.marketplaceUrl, options.name, name) : undefined;
    return {
      ...planned,
      kind,
      key,
      archivePath: `plugins/${name}.zip`,
      readme: readmeOf(label, kind, planned.agents, leftOut, install),
      leftOut,
    };
  };
  const byCategory = loadableGroups(input, (agent) => agent.categoryId);
  const bySource = loadableGroups(input, bySourceKey);
  const categories = byCategory.order(input.categories);
  const plugins = [
    ...categories.map((id) => {
      const meta = input.categories.get(id);
      return plugin('category', id, pluginNameForCategory(id), meta?.label ?? labelFromFolder(id), meta?.description, byCategory);
    }),
    ...input.sources
      .filter((source) => bySource.members.has(source.id))
      .map((source) => plugin('source', source.id, pluginNameForSource(source.id), source.label, undefined, bySource)),
  ];
  return { name: options.name, owner: options.owner, plugins, ignoredFields, errors };
}

/** The `/marketplace.json` object: every plugin's archive at its https address, with the archive's SHA-256. */
export function servedManifest(
  plan: ServedMarketplacePlan,
  marketplaceUrl: string,
  sha256Of: (plugin: ServedPlugin) => string,
): MarketplaceManifest {
  const agents = plan.plugins.filter((p) => p.kind === 'source').reduce((n, p) => n + p.agents.length, 0);
  const manifest: MarketplaceManifest = {
    name: plan.name,
    owner: { name: plan.owner },
    metadata: { description: `${agents} Claude Code subagents: one plugin per category, and one per source with all of its agents.` },
    plugins: plan.plugins.map((plugin) => ({
      name: plugin.name,
      source: { source: 'archive', url: new URL(plugin.archivePath, marketplaceUrl).href, sha256: sha256Of(plugin) },
      description: plugin.manifest.description,
      version: plugin.manifest.version,
      category: plugin.categoryId,
    })),
  };
  // The schema is the contract: a manifest it rejects is a bug here.
  marketplaceSchema.parse(manifest);
  return manifest;
}

/** 1980-01-01, the earliest time a zip entry can hold: every build of the same files gives the same bytes, so the same SHA-256. */
const ARCHIVE_TIME = new Date(1980, 0, 1);

/**
 * A plugin as a zip archive: `.claude-plugin/plugin.json`, `README.md` and `agents/` with each file's bytes.
 * `compressedOf` gives an agent file compressed; an agent is in two archives, so callers compress each file once.
 */
export function pluginArchive(plugin: ServedPlugin, compressedOf: (file: PlannedAgentFile) => CompressedFile): Uint8Array {
  pluginManifestSchema.parse(plugin.manifest);
  const text = (value: string) => compressFile(new TextEncoder().encode(value));
  return zipArchive(
    [
      ['.claude-plugin/plugin.json', text(`${JSON.stringify(plugin.manifest, null, 2)}\n`)],
      ['README.md', text(plugin.readme)],
      ...plugin.agents.map((agent) => [agent.path.slice(plugin.dir.length + 1), compressedOf(agent)] as const),
    ],
    ARCHIVE_TIME,
  );
}

/** The two lines that install a plugin of the served marketplace from inside Claude Code. */
export function servedPluginLines(marketplaceUrl: string, marketplaceName: string, plugin: string): { add: string; install: string } {
  return { add: `/plugin marketplace add ${marketplaceUrl}`, install: `/plugin install ${plugin}@${marketplaceName}` };
}

/** The served marketplace of a catalogue snapshot, as both the pages and the publishing side plan it. */
export function planServedMarketplaceOf(
  snapshot: Pick<CatalogSnapshot, 'agents' | 'categories' | 'sources'>,
  marketplace: { name: string; owner?: string | undefined } | undefined,
  marketplaceUrl?: string,
): ServedMarketplacePlan {
  return planServedMarketplace(
    {
      agents: snapshot.agents,
      skipped: snapshot.sources.flatMap((source) => source.skippedFiles),
      categories: new Map(snapshot.categories),
      sources: snapshot.sources,
    },
    { name: marketplace?.name ?? DEFAULT_MARKETPLACE.name, owner: marketplace?.owner ?? DEFAULT_MARKETPLACE.owner, marketplaceUrl },
  );
}
