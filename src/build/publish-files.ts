import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { atomFeed, llmsTxt, robotsTxt, type DatedRecord } from '../lib/publish/feeds.ts';
import { agentFile, agentFileSchema, agentsFileSchema, OPEN_DATA_VERSION } from '../lib/publish/open-data.ts';
import type { Publication, PublishedAgent, SiteAddress } from '../lib/publish/publication.ts';
import type { CatalogSnapshot } from '../lib/catalog/snapshot.ts';
import { exportAgent, exportSitePath, OTHER_TOOLS } from '../lib/publish/other-tools.ts';
import {
  planServedMarketplaceOf,
  pluginArchive,
  servedManifest,
  servedMarketplaceUrl,
  SERVED_MARKETPLACE_FILE,
} from '../lib/publish/served-marketplace.ts';
import { compressFile, type CompressedFile } from '../lib/publish/zip.ts';

/** Runs `task` for every item with a few at a time in flight; returns the failures, with why. */
async function eachLimited<T>(items: readonly T[], task: (item: T) => Promise<void>, nameOf: (item: T) => string): Promise<string[]> {
  const failed: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      try {
        await task(item);
      } catch (error) {
        failed.push(`${nameOf(item)}: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return failed;
}

/** What was published for each agent (by slug), so a later build can leave unchanged files as they are. */
export type PublishedFingerprints = Record<string, string>;

/** Raised when the files for other tools change for the same agent, so a rebuild writes them again. */
const EXPORTS_VERSION = 1;

/** A hash of everything an agent's files are made from: the record holds the source file's SHA-256. */
export function publishFingerprint(agent: PublishedAgent): string {
  return createHash('sha256')
    .update(JSON.stringify([agent.record, agent.cliFields, agent.bodyLine, agent.exportSource, EXPORTS_VERSION]))
    .digest('hex')
    .slice(0, 32);
}

/**
 * Publishes each agent file byte for byte at `agents/<slug>.md`, and beside it `agents/<slug>.json` (its record
 * and `claude --agents` form) and its file for each other tool (`agents/<slug>.<tool>.md`, Codex's `.toml`). `read` gives an agent's bytes and prompt (the caller reads each file once, for the
 * search index too). Files whose fingerprint matches the previous build's, and which are still there, are left
 * as they are.
 */
export async function publishAgentFiles(
  publication: Publication,
  outDir: string,
  read: (agent: PublishedAgent) => Promise<{ bytes: Buffer; prompt: string }>,
  previous: PublishedFingerprints = {},
): Promise<{ failed: string[]; fingerprints: PublishedFingerprints; written: number }> {
  await mkdir(path.join(outDir, 'agents'), { recursive: true });
  const fingerprints: PublishedFingerprints = {};
  let written = 0;
  // A source file can change or vanish after the scan: its page stays, and the caller reports it.
  const failed = await eachLimited(
    publication.agents,
    async (agent) => {
      const fingerprint = publishFingerprint(agent);
      const [raw, json] = agentFileNames(agent.slug).map((name) => path.join(outDir, name)) as [string, string];
      if (previous[agent.slug] !== fingerprint || !existsSync(raw) || !existsSync(json)) {
        const { bytes, prompt } = await read(agent);
        await Promise.all([
          writeFile(raw, bytes),
          writeFile(json, agentJsonText(agent, prompt)),
          ...OTHER_TOOLS.map((tool) =>
            writeFile(path.join(outDir, exportSitePath(agent.slug, tool)), exportAgent({ ...agent.exportSource, prompt }, tool).text),
          ),
        ]);
        written++;
      }
      fingerprints[agent.slug] = fingerprint;
    },
    (agent) => agent.slug,
  );
  return { failed, fingerprints, written };
}

/** An agent's raw file and JSON file, relative to the output folder. */
function agentFileNames(slug: string): [raw: string, json: string] {
  return [`agents/${slug}.md`, `agents/${slug}.json`];
}

/** An agent's files for other tools, relative to the output folder. */
function exportFileNames(slug: string): string[] {
  return OTHER_TOOLS.map((tool) => exportSitePath(slug, tool));
}

/** The files publishAgentFiles and writeOpenData write, relative to the output folder. */
export function publishedFiles(publication: Publication): string[] {
  return [...publication.agents.flatMap((a) => [...agentFileNames(a.slug), ...exportFileNames(a.slug)]), ...OPEN_DATA_FILES];
}

/** A small text file's content, or undefined when it cannot be read. */
export function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Every file below `dir`, relative to it with `/`; none when it does not exist (or cannot be read). */
export function filesBelow(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  } catch {
    return [];
  }
}

/** The open-data files, at the top of the site. */
export const OPEN_DATA_FILES = [
  'agents.json',
  'agents.schema.json',
  'agent.schema.json',
  'llms.txt',
  'llms-full.txt',
  'feed.xml',
  'robots.txt',
] as const;

/** The open data as texts by file name: agents.json with its JSON Schemas, llms.txt and llms-full.txt, the Atom feed (from the snapshot's git dates), and robots.txt. */
export function openDataTexts(publication: Publication): {
  texts: Record<(typeof OPEN_DATA_FILES)[number], string>;
  feedEntries: number;
  undated: string[];
} {
  const records = publication.agents.map((a) => a.record);
  const file = agentsFileSchema.parse({
    version: OPEN_DATA_VERSION,
    site: publication.site.url ?? null,
    count: records.length,
    agents: records,
  });
  const schema = (s: z.ZodType, id: string) => `${JSON.stringify({ $id: id, ...z.toJSONSchema(s) }, null, 2)}\n`;
  const site = publication.site.url ? new URL(publication.site.base, publication.site.url).href : publication.site.base;
  const dated: DatedRecord[] = publication.agents.flatMap((agent) =>
    agent.updated === undefined ? [] : [{ record: agent.record, updated: agent.updated }],
  );
  const undated = publication.sources.filter((source) => !source.dated).map((source) => source.label);
  const texts = {
    'agents.json': `${JSON.stringify(file)}\n`,
    'agents.schema.json': schema(agentsFileSchema, `${site}agents.schema.json`),
    'agent.schema.json': schema(agentFileSchema, `${site}agent.schema.json`),
    'llms.txt': llmsTxt(records, { full: false }),
    'llms-full.txt': llmsTxt(records, { full: true }),
    'feed.xml': atomFeed(dated, { siteUrl: site, feedUrl: `${site}feed.xml`, undatedSources: undated }),
    'robots.txt': robotsTxt(publication.site.url ? `${site}sitemap-index.xml` : undefined),
  };
  return { texts, feedEntries: Math.min(dated.length, 100), undated };
}

/** Writes the open data (see openDataTexts) at the top of the output folder. */
export async function writeOpenData(publication: Publication, outDir: string): Promise<{ feedEntries: number; undated: string[] }> {
  const { texts, feedEntries, undated } = openDataTexts(publication);
  await Promise.all(Object.entries(texts).map(([name, text]) => writeFile(path.join(outDir, name), text)));
  return { feedEntries, undated };
}

/** An agent's own JSON file, as text. */
export function agentJsonText(agent: PublishedAgent, prompt: string): string {
  return JSON.stringify(agentFile(agent.record, prompt, agent.cliFields));
}

/**
 * Moves a folder out of the way at once, to `trash` (on the same disk, or it is deleted there and then), and
 * deletes it while other work goes on. An old search index holds a file per agent: deleting 20,000 files took
 * 4 s of a rebuild, before Pagefind could start.
 */
export function removeInBackground(dir: string, trash: string): Promise<void> {
  // Left behind by a build that stopped before it was deleted.
  rmSync(trash, { recursive: true, force: true });
  try {
    renameSync(dir, trash);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return Promise.resolve();
    if (code !== 'EXDEV') throw error;
    rmSync(dir, { recursive: true, force: true });
    return Promise.resolve();
  }
  return rm(trash, { recursive: true, force: true });
}

/** Moves a folder to `to`, replacing what is there; copies when the two are on different file systems. */
export function moveFolder(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(path.dirname(to), { recursive: true });
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/** What writeServedMarketplace wrote, for the build's report and its stale-file removal. */
export interface ServedMarketplaceReport {
  /** Every file written, relative to the output folder. */
  files: string[];
  plugins: number;
  /** The marketplace's address, or why the site serves none (the archives are written either way). */
  served: { url: string } | { reason: string };
  failed: string[];
}

/**
 * Writes one plugin archive per category and per source at `plugins/<name>.zip`, and `/marketplace.json` listing
 * them with their SHA-256 when the site's https address is known. `bytesOf` gives an agent file's bytes, or
 * nothing when it could not be read; a plugin missing a file is not written, and is reported.
 */
export async function writeServedMarketplace(
  snapshot: CatalogSnapshot,
  marketplace: { name: string; owner?: string | undefined } | undefined,
  site: SiteAddress,
  outDir: string,
  bytesOf: (absPath: string) => Buffer | undefined,
): Promise<ServedMarketplaceReport> {
  const served = servedMarketplaceUrl(site);
  const plan = planServedMarketplaceOf(snapshot, marketplace, 'url' in served ? served.url : undefined);
  const digests = new Map<string, string>();
  const failed: string[] = [];
  const files: string[] = [];
  await mkdir(path.join(outDir, 'plugins'), { recursive: true });
  // Each agent file is in its category's archive and its source's: compressed once, for both.
  const compressed = new Map<string, CompressedFile>();
  const compressedOf = (absPath: string) => {
    let file = compressed.get(absPath);
    if (!file) compressed.set(absPath, (file = compressFile(bytesOf(absPath)!)));
    return file;
  };
  for (const plugin of plan.plugins) {
    const missing = plugin.agents.find((agent) => !bytesOf(agent.absPath));
    if (missing) {
      failed.push(`${plugin.archivePath}: ${missing.absPath} could not be read`);
      continue;
    }
    let archive: Uint8Array;
    try {
      archive = pluginArchive(plugin, (agent) => compressedOf(agent.absPath));
    } catch (error) {
      // An archive the zip format cannot hold (more files or bytes than it counts, a date before 1980): the others
      // are still written, and the marketplace lists only those.
      if (!(error instanceof RangeError)) throw error;
      failed.push(`${plugin.archivePath}: ${error.message}`);
      continue;
    }
    digests.set(plugin.name, createHash('sha256').update(archive).digest('hex'));
    await writeFile(path.join(outDir, plugin.archivePath), archive);
    files.push(plugin.archivePath);
  }
  if ('url' in served && plan.errors.length === 0) {
    const written = { ...plan, plugins: plan.plugins.filter((p) => digests.has(p.name)) };
    const manifest = servedManifest(written, served.url, (plugin) => digests.get(plugin.name)!);
    await writeFile(path.join(outDir, SERVED_MARKETPLACE_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    files.push(SERVED_MARKETPLACE_FILE);
  }
  failed.push(...plan.errors.map((error) => `${SERVED_MARKETPLACE_FILE}: ${error}`));
  return { files, plugins: digests.size, served, failed };
}
