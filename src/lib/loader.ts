import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { loadCatalogConfig, type CatalogConfig } from './sources.ts';
import { scanSources, type ScanResult } from './scan.ts';
import { renderUntrustedMarkdown } from './html.ts';
import { strictFailures } from './report.ts';

let cached: { key: string; scan: ScanResult; config: CatalogConfig } | undefined;

/** Scans the configured sources once per process; every collection loader shares the result. */
export function catalogScan(root: string): { scan: ScanResult; config: CatalogConfig } {
  const config = loadCatalogConfig(root);
  const key = JSON.stringify(config);
  if (cached?.key !== key) cached = { key, scan: scanSources(config.sources), config };
  return cached;
}

function rootOf(context: LoaderContext): string {
  return fileURLToPath(context.config.root);
}

/** Loads every readable agent file of every source as a collection entry, with its prompt rendered safely. */
export function agentsLoader(): Loader {
  return {
    name: 'subagent-catalog-agents',
    load: async (context) => {
      const { scan, config } = catalogScan(rootOf(context));
      context.store.clear();
      for (const agent of scan.agents) {
        const data = await context.parseData({ id: agent.slug, data: { ...agent } });
        context.store.set({ id: agent.slug, data, body: agent.body, rendered: { html: renderUntrustedMarkdown(agent.body) } });
      }
      const failures = strictFailures(scan, config.strict);
      if (failures.length > 0) {
        throw new Error(`Strict mode: ${failures.length} finding(s) fail the build. First: ${failures[0]!.file}:${failures[0]!.line} ${failures[0]!.message}`);
      }
    },
  };
}

/** A loader whose entries are derived from the shared scan. */
function scanLoader(name: string, entriesOf: (scan: ScanResult) => { id: string; data: Record<string, unknown> }[]): Loader {
  return {
    name,
    load: async (context) => {
      const { scan } = catalogScan(rootOf(context));
      context.store.clear();
      for (const { id, data } of entriesOf(scan)) context.store.set({ id, data: await context.parseData({ id, data }) });
    },
  };
}

/** Loads category metadata: the categories files of the sources, plus labels derived from folder names. */
export const categoriesLoader = (): Loader => scanLoader('subagent-catalog-categories', (scan) => [...scan.categories].map(([id, meta]) => ({ id, data: { ...meta } })));

/**
 * Loads each source with its counts and the files that did not become agent pages (with the reasons),
 * for the diagnostics page and "view source" links.
 */
export const sourcesLoader = (): Loader =>
  scanLoader('subagent-catalog-sources', (scan) =>
    scan.summaries.map(({ source, ...counts }) => ({
      id: source.id,
      data: {
        label: source.label,
        dir: source.dir,
        repository: source.repository,
        ...counts,
        skippedFiles: scan.skipped.filter((skipped) => skipped.sourceId === source.id),
      },
    })),
  );
