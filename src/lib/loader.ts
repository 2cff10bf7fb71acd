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

/** Loads the files that did not become agent pages, with the reasons. */
export function skippedLoader(): Loader {
  return {
    name: 'subagent-catalog-skipped',
    load: async (context) => {
      const { scan } = catalogScan(rootOf(context));
      context.store.clear();
      for (const skipped of scan.skipped) {
        const id = `${skipped.sourceId}/${skipped.file.relPath}`;
        context.store.set({ id, data: await context.parseData({ id, data: { ...skipped } }) });
      }
    },
  };
}

/** Loads category metadata: the categories files of the sources, plus labels derived from folder names. */
export function categoriesLoader(): Loader {
  return {
    name: 'subagent-catalog-categories',
    load: async (context) => {
      const { scan } = catalogScan(rootOf(context));
      context.store.clear();
      for (const [id, meta] of scan.categories) {
        context.store.set({ id, data: await context.parseData({ id, data: { ...meta } }) });
      }
    },
  };
}

/** Loads per-source counts for the diagnostics page and "view source" links. */
export function sourcesLoader(): Loader {
  return {
    name: 'subagent-catalog-sources',
    load: async (context) => {
      const { scan } = catalogScan(rootOf(context));
      context.store.clear();
      for (const summary of scan.summaries) {
        const { source, ...counts } = summary;
        const data = { label: source.label, dir: source.dir, repository: source.repository, ...counts };
        context.store.set({ id: source.id, data: await context.parseData({ id: source.id, data }) });
      }
    },
  };
}
