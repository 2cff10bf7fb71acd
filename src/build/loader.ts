import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { cacheFile, writeManifest, type BuildManifest } from './build-manifest.ts';
import { agentRecord } from '../lib/publish/open-data.ts';
import { type CatalogConfig } from '../lib/catalog/config.ts';
import { loadCatalogConfig } from '../build/config-file.ts';
import { storedAgent, type Agent } from '../lib/catalog/agent.ts';
import { promptPath, renderPrompts } from './prompt-cache.ts';
import { scanSources } from './scan.ts';
import { type ScanResult } from '../lib/catalog/assemble.ts';
import { handOverSearchRecords } from './search-handover.ts';
import { searchRecord } from '../lib/search/records.ts';
import { writeSerialized } from './serialized.ts';
import { formatSummary, strictFailures, terminalPath } from '../lib/catalog/summary.ts';
import { createUrls } from '../lib/views/urls.ts';

/** The loaders that read the shared scan: once all have, it is dropped, prompts and all. */
const SCAN_READERS = 3;
let cached: { key: string; scan: ScanResult; config: CatalogConfig; readers: number } | undefined;

/**
 * Scans the configured sources once per sync and config, and runs `use` with the result; the three
 * collection loaders share it. The scan holds every prompt, so it is not kept once all three are done.
 */
async function withCatalogScan(context: LoaderContext, use: (scan: ScanResult, config: CatalogConfig) => Promise<void>): Promise<void> {
  const config = loadCatalogConfig(fileURLToPath(context.config.root));
  const key = JSON.stringify(config);
  if (cached?.key !== key || cached.readers >= SCAN_READERS) cached = { key, scan: scanSources(config.sources), config, readers: 0 };
  const current = cached;
  try {
    await use(current.scan, current.config);
  } finally {
    current.readers++;
    if (current.readers >= SCAN_READERS && cached === current) cached = undefined;
  }
}

/** Catalogue order: by name, then source order, then slug. Pages, lists, open data and search all use it. */
function catalogueOrder(scan: ScanResult, config: CatalogConfig): ScanResult['agents'] {
  const sourceOrder = new Map(config.sources.map((s, i) => [s.id, i]));
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...scan.agents].sort(
    (a, b) => byText(a.name.toLowerCase(), b.name.toLowerCase()) || sourceOrder.get(a.sourceId)! - sourceOrder.get(b.sourceId)! || byText(a.slug, b.slug),
  );
}

/**
 * Loads every agent as a collection entry that names the build cache's file of every agent (see
 * agentEntrySchema); each prompt is rendered safely to a file of the build cache, once per distinct prompt.
 * Entries whose agent has not changed since the last build are left as they are. Hands
 * the search records to the build as soon as the agents are in order, and writes, for the steps after the pages,
 * the build manifest: raw files to publish, open data and the summary.
 */
export function agentsLoader(): Loader {
  return {
    name: 'subagent-catalog-agents',
    load: (context) =>
      withCatalogScan(context, async (scan, config) => {
        const cacheDir = fileURLToPath(context.config.cacheDir);
        const urls = createUrls(context.config.base);
        const siteUrl = context.config.site;
        const publish = (sitePath: string) => (siteUrl ? new URL(sitePath, siteUrl).href : sitePath);
        const categoryLabel = (id: string) => scan.categories.get(id)?.label ?? id;
        const sourceLabel = new Map(config.sources.map((s) => [s.id, s.label]));
        const ordered = catalogueOrder(scan, config);
        handOverSearchRecords(
          ordered.map((agent) =>
            searchRecord({ agent, url: urls.agent(agent.slug), categoryLabel: categoryLabel(agent.categoryId), sourceLabel: sourceLabel.get(agent.sourceId) ?? agent.sourceId }),
          ),
        );
        const keep = new Set<string>();
        const manifestAgents: BuildManifest['agents'] = [];
        const promptDir = cacheFile(cacheDir, 'prompts');
        const prompts = ordered.map((agent) => ({ body: agent.body, file: promptPath(promptDir, agent.body) }));
        await renderPrompts(promptDir, prompts);
        const agentsFile = cacheFile(cacheDir, 'agents.v8');
        const agents: Agent[] = [];
        for (const [index, { body, bodyLine, cliFields, ...scanned }] of ordered.entries()) {
          const agent = { ...storedAgent(scanned), promptFile: prompts[index]!.file };
          agents.push(agent);
          keep.add(agent.slug);
          const record = agentRecord(scanned, {
            categoryLabel: categoryLabel(agent.categoryId),
            sourceLabel: sourceLabel.get(agent.sourceId) ?? agent.sourceId,
            publish,
            pagePath: urls.agent(agent.slug),
            rawPath: urls.raw(agent.slug),
          });
          manifestAgents.push({ slug: agent.slug, absPath: agent.file.absPath, relPath: agent.file.relPath, sourceId: agent.sourceId, bodyLine, cliFields, record });
          const digest = context.generateDigest(agent);
          if (context.store.get(agent.slug)?.digest === digest) continue;
          const data = await context.parseData({ id: agent.slug, data: { agentsFile, digest } });
          context.store.set({ id: agent.slug, data, digest });
        }
        writeSerialized(agentsFile, agents);
        for (const id of context.store.keys()) if (!keep.has(id)) context.store.delete(id);

        writeManifest(cacheDir, {
          summary: formatSummary(scan),
          site: { url: siteUrl, base: context.config.base },
          sources: config.sources.map((s) => ({ id: s.id, label: s.label, absDir: s.absDir })),
          agents: manifestAgents,
        });
        const failures = strictFailures(scan, config.strict);
        if (failures.length > 0) {
          const first = failures[0]!;
          const where = terminalPath(
            config.sources.find((s) => s.id === first.source),
            first.file,
          );
          throw new Error(`Strict mode: ${failures.length} finding(s) fail the build. First: ${where}:${first.line} ${first.message}`);
        }
      }),
  };
}

/** A loader whose entries are derived from the shared scan. */
function scanLoader(name: string, entriesOf: (scan: ScanResult, config: CatalogConfig) => { id: string; data: Record<string, unknown> }[]): Loader {
  return {
    name,
    load: (context) =>
      withCatalogScan(context, async (scan, config) => {
        context.store.clear();
        for (const { id, data } of entriesOf(scan, config)) context.store.set({ id, data: await context.parseData({ id, data }) });
      }),
  };
}

/** Loads category metadata: the categories files of the sources, plus labels derived from folder names. */
export const categoriesLoader = (): Loader => scanLoader('subagent-catalog-categories', (scan) => [...scan.categories].map(([id, meta]) => ({ id, data: { ...meta } })));

/** Loads each source with its counts, what it ignored, and the files that did not become agent pages (with the reasons). */
export const sourcesLoader = (): Loader =>
  scanLoader('subagent-catalog-sources', (scan, config) =>
    scan.summaries.map(({ source, ...counts }, order) => ({
      id: source.id,
      data: {
        order,
        label: source.label,
        dir: source.dir,
        repository: source.repository,
        marketplace: config.marketplace,
        ...counts,
        skippedFiles: scan.skipped.filter((skipped) => skipped.sourceId === source.id),
      },
    })),
  );
