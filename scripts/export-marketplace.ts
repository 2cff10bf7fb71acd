/**
 * Writes the catalogue as a Claude Code plugin marketplace that can be committed to a git repository:
 * `.claude-plugin/marketplace.json` and one plugin per category under `plugins/`, each agent file copied
 * byte for byte.
 *
 *   npm run export:marketplace -- <out-folder> [--name <marketplace>] [--owner <name>]
 *
 * Reads the sources of catalog.config.json (or AGENTS_DIR). Refuses a non-empty folder unless it holds an
 * earlier export, whose `plugins/` and manifest it replaces; other files there (README, .git) stay.
 * Exits 1 when the plan has errors (nothing is written), 2 on a usage error.
 */
import { existsSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type CatalogConfig } from '../src/lib/catalog/config.ts';
import { loadCatalogConfig } from '../src/build/config-file.ts';
import { MARKETPLACE_MANIFEST, PLUGINS_DIR, planMarketplace, type MarketplacePlan } from '../src/lib/publish/marketplace.ts';
import { scanSources } from '../src/build/scan.ts';
import { type ScanResult } from '../src/lib/catalog/assemble.ts';
import { terminalPath } from '../src/lib/catalog/summary.ts';
import { readCommandLine, usageError } from './command-line.ts';

const USAGE = 'Usage: npm run export:marketplace -- <out-folder> [--name <marketplace>] [--owner <name>]';
const DEFAULT_NAME = 'subagent-catalog';
const DEFAULT_OWNER = 'Subagent Catalog';
/** Where the new plugins are assembled, so a failed copy leaves the previous export whole. */
const STAGING_DIR = '.plugins.partial';

/** True when an executable of that name is in a PATH folder. Looks only: never runs it. */
function onPath(command: string): boolean {
  const extensions = process.platform === 'win32' ? (process.env['PATHEXT'] ?? '.EXE;.CMD').split(';') : [''];
  return (process.env['PATH'] ?? '')
    .split(path.delimiter)
    .some((dir) => dir !== '' && extensions.some((ext) => existsSync(path.join(dir, command + ext))));
}

/** Why the folder cannot take an export, or undefined when it can: it is new, empty, or holds an earlier export. */
function unusableFolder(outDir: string, shown: string): string | undefined {
  if (!existsSync(outDir)) return undefined;
  if (!statSync(outDir).isDirectory()) return `${shown} is a file, not a folder.`;
  const entries = readdirSync(outDir);
  if (entries.length === 0 || existsSync(path.join(outDir, MARKETPLACE_MANIFEST))) return undefined;
  return `${shown} is not empty and holds no ${MARKETPLACE_MANIFEST}, so it is not an earlier export; refusing to write there. Name a new or empty folder.`;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const inside = (child: string, parent: string) =>
  !path.relative(parent, child).startsWith('..') && !path.isAbsolute(path.relative(parent, child));

/** Writes the plan: plugins are built in a staging folder, then swapped in, then the manifest is written. */
async function writePlan(plan: MarketplacePlan, outDir: string): Promise<void> {
  const staging = path.join(outDir, STAGING_DIR);
  rmSync(staging, { recursive: true, force: true });
  for (const plugin of plan.plugins) {
    const manifestPath = path.join(staging, path.relative(PLUGINS_DIR, plugin.manifestPath));
    mkdirSync(path.dirname(manifestPath), { recursive: true });
    writeFileSync(manifestPath, json(plugin.manifest));
    await mkdir(path.join(staging, path.relative(PLUGINS_DIR, plugin.dir), 'agents'), { recursive: true });
    await Promise.all(plugin.agents.map((agent) => copyFile(agent.absPath, path.join(staging, path.relative(PLUGINS_DIR, agent.path)))));
  }
  rmSync(path.join(outDir, PLUGINS_DIR), { recursive: true, force: true });
  renameSync(staging, path.join(outDir, PLUGINS_DIR));
  mkdirSync(path.join(outDir, path.dirname(MARKETPLACE_MANIFEST)), { recursive: true });
  writeFileSync(path.join(outDir, MARKETPLACE_MANIFEST), json(plan.manifest));
}

function report(plan: MarketplacePlan, scan: ScanResult, config: CatalogConfig, shownOut: string): void {
  const sources = new Map(scan.summaries.map((s) => [s.source.id, s.source]));
  const where = (sourceId: string, relPath: string) => terminalPath(sources.get(sourceId), relPath);
  const agents = plan.plugins.reduce((n, p) => n + p.agents.length, 0);
  console.log(`Wrote marketplace "${plan.manifest.name}" to ${shownOut}: ${plan.plugins.length} plugins, ${agents} agents.`);
  const width = Math.max(...plan.plugins.map((p) => p.name.length));
  for (const plugin of plan.plugins)
    console.log(`  ${plugin.name.padEnd(width)}  ${plugin.agents.length} ${plugin.agents.length === 1 ? 'agent' : 'agents'}`);
  for (const note of plan.notes) console.log(`Note: ${note}`);
  if (plan.leftOut.length > 0) {
    console.log(`Left out (${plan.leftOut.length}):`);
    for (const file of plan.leftOut)
      console.log(`  ${where(file.sourceId, file.relPath)}${file.name ? ` (agent "${file.name}")` : ''}: ${file.reason}`);
  }
  if (plan.ignoredFields.length > 0) {
    console.log(
      `Depend on fields Claude Code ignores in plugin agents (${plan.ignoredFields.length}), so they behave differently when installed as a plugin:`,
    );
    for (const use of plan.ignoredFields)
      console.log(`  ${use.plugin}:${use.name} (${where(use.sourceId, use.relPath)}): ${use.fields.join(', ')}`);
  }
  const repository = config.marketplace?.repository ?? '<owner>/<repo>';
  console.log(
    `Commit the folder to a git repository, then: /plugin marketplace add ${repository}, and /plugin install <plugin>@${plan.manifest.name}`,
  );
  if (onPath('claude')) console.log(`Check it with: claude plugin validate ${shownOut}`);
}

async function main(): Promise<number> {
  const line = readCommandLine(USAGE, { name: { type: 'string' }, owner: { type: 'string', default: DEFAULT_OWNER } });
  if ('exit' in line) return line.exit;
  const { values, positionals } = line;
  if (positionals.length !== 1)
    return usageError(
      USAGE,
      positionals.length === 0
        ? 'Name the folder to write the marketplace to.'
        : `Expected one folder, got ${positionals.length}: ${positionals.join(' ')}`,
    );
  const root = process.cwd();
  const shownOut = positionals[0]!;
  const outDir = path.resolve(root, shownOut);
  let config: CatalogConfig;
  let scan: ScanResult;
  try {
    config = loadCatalogConfig(root);
    scan = scanSources(config.sources);
  } catch (error) {
    // A missing folder or a bad config file is a usage problem; files inside a folder never get here.
    return usageError(USAGE, (error as Error).message);
  }
  const unusable = unusableFolder(outDir, shownOut);
  if (unusable) return usageError(USAGE, unusable);
  const plan = planMarketplace(scan, { name: values.name ?? config.marketplace?.name ?? DEFAULT_NAME, owner: values.owner });
  for (const warning of plan.warnings) console.error(`warning: ${warning}`);
  if (plan.errors.length > 0) {
    for (const error of plan.errors) console.error(`error: ${error}`);
    console.error('Nothing was written.');
    return 1;
  }
  // Replacing plugins/ must never delete the files being exported.
  const realOut = existsSync(outDir) ? realpathSync(outDir) : outDir;
  const replaced = [PLUGINS_DIR, STAGING_DIR].map((dir) => path.join(realOut, dir));
  const clash = plan.plugins.flatMap((p) => p.agents).find((agent) => replaced.some((dir) => inside(agent.absPath, dir)));
  if (clash)
    return usageError(
      USAGE,
      `${shownOut} holds the agent files being exported (${clash.absPath}); write the marketplace to another folder.`,
    );
  try {
    await writePlan(plan, outDir);
  } catch (error) {
    console.error(`Writing ${shownOut} failed: ${(error as Error).message}`);
    return 1;
  }
  report(plan, scan, config, shownOut);
  return 0;
}

process.exitCode = await main();
