import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { gitDates } from './git-dates.ts';
import type { SourceConfig } from '../lib/catalog/config.ts';
import { catalogSnapshot } from '../lib/catalog/snapshot.ts';
import { strictFailures, terminalPath } from '../lib/catalog/summary.ts';
import { promptKey, renderPrompts } from './prompt-cache.ts';
import { buildStop } from './build-error.ts';
import { scanSources } from './scan.ts';
import { cacheFile, writeSnapshot } from './snapshot-file.ts';

/** What the loader is given by the integration (through `virtual:subagent-catalog/loader`). */
export interface CatalogLoaderOptions {
  sources: SourceConfig[];
  strict: boolean;
  snapshotFile: string;
}

/**
 * The id of the one entry of the catalogue collection. The agents are not in the content store: Astro inlines
 * the whole store into the build as one JavaScript module, which Vite bundles and Node compiles again. At 10,000
 * agents, each agent's data in the store (19 MB of it) raised the build's peak memory from 682 and 718 MiB (two
 * builds) to 1,043, 1,061 and 1,064 MiB (three builds), past the 1 GB every build process must stay under; build
 * times were within the noise of a shared machine (24 to 45 s). So the store holds one entry whose digest is the
 * snapshot's: it changes with any agent, so the store, and `astro dev` with it, sees every change, and pages read
 * the agents from the snapshot.
 */
export const SNAPSHOT_ENTRY = 'snapshot';

/**
 * The catalogue's loader: scans every source once, checks strict mode, writes the snapshot (from which the pages,
 * the search index, the raw files and the open data are all made), renders each distinct prompt to safe HTML in
 * the build cache, and stores the snapshot's digest. In `astro dev` it watches the sources and does it all again
 * when an agent file, a categories file or a folder changes.
 */
export function catalogLoader(options: CatalogLoaderOptions): Loader {
  return {
    name: 'subagent-catalog',
    load: async (context) => {
      await loadCatalog(context, options);
      if (context.watcher) watchSources(context, options);
    },
  };
}

/** Scans the sources; a folder that is missing, or is not a folder, stops the build with what to check. */
function scanOrExplain(context: LoaderContext, sources: readonly SourceConfig[]) {
  try {
    return scanSources(sources);
  } catch (error) {
    throw buildStop(
      context.logger,
      (error as Error).message,
      'An agents folder cannot be read (printed above).',
      'Check AGENTS_DIR, or the "dir" of each source in catalog.config.json: each must name a folder of agent files.',
    );
  }
}

async function loadCatalog(context: LoaderContext, options: CatalogLoaderOptions): Promise<void> {
  const scan = scanOrExplain(context, options.sources);
  const failures = strictFailures(scan, options.strict);
  if (failures.length > 0) {
    const first = failures[0]!;
    const where = terminalPath(
      options.sources.find((s) => s.id === first.source),
      first.file,
    );
    throw buildStop(
      context.logger,
      `Strict mode: ${failures.length} finding(s) fail the build. First: ${where}:${first.line} ${first.message}`,
      `Strict mode: ${failures.length} finding(s) fail the build (the first is printed above).`,
      'Fix the finding, or build without STRICT=1 (and without "strict": true in catalog.config.json). npm run check:agents lists every finding with its fix.',
    );
  }
  const promptFile = cacheFile(fileURLToPath(context.config.cacheDir), 'prompts.pack');
  // One `git log` per source in a git work tree: the date each file last changed, for its page and the feed.
  const dates = new Map<string, Map<string, string>>();
  for (const source of options.sources) {
    const sourceDates = gitDates(source.absDir);
    if (sourceDates) dates.set(source.id, sourceDates);
  }
  const snapshot = catalogSnapshot(scan, (body) => ({ promptFile, promptKey: promptKey(body) }), dates);
  // Written before the prompts are rendered: the publishing side starts from it while this process goes on.
  writeSnapshot(options.snapshotFile, snapshot);
  await renderPrompts(
    promptFile,
    scan.agents.map((agent) => agent.body),
  );
  // Caches of earlier versions kept a file per prompt in this folder.
  rmSync(cacheFile(fileURLToPath(context.config.cacheDir), 'prompts'), { recursive: true, force: true });
  const digest = context.generateDigest(snapshotDigestInput(snapshot));
  if (context.store.get(SNAPSHOT_ENTRY)?.digest === digest) return;
  context.store.clear();
  context.store.set({ id: SNAPSHOT_ENTRY, data: await context.parseData({ id: SNAPSHOT_ENTRY, data: { digest } }), digest });
}

/** What the digest covers: everything a page can show, so the dev server reloads on any change. */
function snapshotDigestInput(snapshot: ReturnType<typeof catalogSnapshot>): string {
  return JSON.stringify([snapshot.agents, snapshot.categories, snapshot.sources.map(({ absDir: _absDir, ...shown }) => shown)]);
}

/** In `astro dev`: loads the catalogue again when anything in a source changes, at most once at a time. */
function watchSources(context: LoaderContext, options: CatalogLoaderOptions): void {
  const watcher = context.watcher!;
  const dirs = options.sources.flatMap((s) => [s.absDir, ...(s.categories ? [s.categories] : [])]);
  watcher.add(dirs);
  const inSource = (file: string) => dirs.some((dir) => file === dir || file.startsWith(`${dir}${path.sep}`));
  let running: Promise<void> | undefined;
  let again = false;
  const reload = async () => {
    if (running) {
      again = true;
      return;
    }
    do {
      again = false;
      running = loadCatalog(context, options).then(
        () => context.logger.info('Reloaded the agents'),
        (error: unknown) => context.logger.error(`Could not reload the agents: ${error instanceof Error ? error.message : String(error)}`),
      );
      await running;
      running = undefined;
    } while (again);
  };
  for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) {
    watcher.on(event, (file: string) => {
      if (inSource(file)) void reload();
    });
  }
}
