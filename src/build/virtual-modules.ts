import type { Plugin } from 'vite';
import type { CatalogConfig } from '../lib/catalog/config.ts';
import type { KeptPagesSettings } from './kept-pages.ts';
import type { CatalogLoaderOptions } from './loader.ts';

/**
 * The settings pages read, with nothing of the build machine but where the snapshot and the record of kept pages
 * are (which no page prints).
 */
export interface PageConfig {
  /** Each source as pages name it. */
  sources: { id: string; label: string; repository: string | undefined }[];
  /** The marketplace the catalogue is published as, when the config names one. */
  marketplace: { name: string; owner?: string | undefined; repository?: string | undefined } | undefined;
  /** The catalogue snapshot the content loader writes. */
  snapshotFile: string;
  /** In a build, how the agent route keeps unchanged pages (src/build/kept-pages.ts); in `astro dev`, nothing. */
  keptPages: KeptPagesSettings | undefined;
}

const MODULES = {
  'virtual:subagent-catalog/config': (
    config: CatalogConfig,
    snapshotFile: string,
    keptPages: KeptPagesSettings | undefined,
  ): PageConfig => ({
    sources: config.sources.map((s) => ({ id: s.id, label: s.label, repository: s.repository })),
    marketplace: config.marketplace,
    snapshotFile,
    keptPages,
  }),
  'virtual:subagent-catalog/loader': (config: CatalogConfig, snapshotFile: string): CatalogLoaderOptions => ({
    sources: config.sources,
    strict: config.strict,
    snapshotFile,
  }),
} as const;

/**
 * Hands the catalogue config, validated once by the integration, to the pages and to the content loader as
 * virtual modules, one way only, as Starlight hands its config to its pages.
 */
export function catalogVirtualModules(config: CatalogConfig, snapshotFile: string, keptPages?: KeptPagesSettings): Plugin {
  return {
    name: 'subagent-catalog:virtual-modules',
    resolveId(id) {
      return Object.hasOwn(MODULES, id) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith('\0')) return undefined;
      const name = id.slice(1);
      if (!Object.hasOwn(MODULES, name)) return undefined;
      return `export default ${JSON.stringify(MODULES[name as keyof typeof MODULES](config, snapshotFile, keptPages))};`;
    },
  };
}
