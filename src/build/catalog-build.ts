import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fork } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import type { CatalogConfig } from '../lib/catalog/config.ts';
import { agentPageFiles, pageFile, staleCandidates, staleFiles, type OutputFile } from '../lib/publish/stale-files.ts';
import { createUrls } from '../lib/views/urls.ts';
import { buildStop } from './build-error.ts';
import { loadCatalogConfig } from './config-file.ts';
import type { FinishingInput, FinishingReport } from './finishing-process.ts';
import { filesBelow, moveFolder } from './publish-files.ts';
import { codeDigest, commitKeptPages, keptAgentSlugs, keptPagesSettings, startKeptPages } from './kept-pages.ts';
import { phaseLine } from './phases.ts';
import { cacheFile, removeSnapshot, snapshotFileIn } from './snapshot-file.ts';
import { catalogVirtualModules } from './virtual-modules.ts';
import { serveCatalogFiles } from './dev-files.ts';

/**
 * Deletes what the previous build wrote and this one did not (see stale-files.ts); returns how many
 * files. Only files not known to be current have their dates checked.
 */
function removeStaleFiles(
  outDir: string,
  publicDir: string,
  buildStartedMs: number,
  report: FinishingReport,
  pages: readonly { pathname: string }[],
): number {
  const current = agentPageFiles(report.slugs);
  for (const file of [...report.publishedFiles, ...filesBelow(publicDir), ...pages.map((page) => pageFile(page.pathname))])
    current.add(file);
  const candidates = staleCandidates(report.previousFiles, current, ['pagefind']).flatMap((file): OutputFile[] => {
    try {
      return [{ path: file, mtimeMs: statSync(path.join(outDir, file)).mtimeMs }];
    } catch {
      return [];
    }
  });
  const stale = staleFiles(candidates, buildStartedMs, current);
  for (const file of stale) rmSync(path.join(outDir, file), { force: true });
  for (const dir of new Set(stale.map((file) => path.dirname(file)))) removeEmptyFolders(outDir, dir);
  return stale.length;
}

/**
 * The time as the output folder's file system records it, read from a file written there now. Compared
 * with the dates of that same file system, it needs no allowance for clocks or for coarse timestamps, so a
 * rebuild started a second after the previous build still tells its files from that build's.
 */
function fileSystemNow(dir: string): number {
  mkdirSync(dir, { recursive: true });
  const marker = path.join(dir, '.subagent-catalog-build-started');
  writeFileSync(marker, '');
  const { mtimeMs } = statSync(marker);
  rmSync(marker, { force: true });
  return mtimeMs;
}

/** Removes `dir` (relative to `root`) and its parents while they are empty, never `root` itself. */
function removeEmptyFolders(root: string, dir: string): void {
  for (let current = dir; current !== '.' && current !== ''; current = path.dirname(current)) {
    const absolute = path.join(root, current);
    if (!existsSync(absolute) || readdirSync(absolute).length > 0) return;
    rmdirSync(absolute);
  }
}

/**
 * V8 lets its heap reach a few times what is live before a full collection. While the content is synced
 * and bundled, the heap may expand by only a fifth between collections; the pages render with V8's own
 * setting, because a tight limit makes full collections far more frequent there. Measured in cold builds of
 * 10,000 agents: with this, 41.2 and 43.0 s at peaks of 723 and 780 MiB; without it, 54.8 and 55.0 s at 912
 * and 899 MiB, most of the difference in rendering.
 */
const HEAP_GROWTH_WHILE_BUNDLING = '--heap-growing-percent=20';
const HEAP_GROWTH_DEFAULT = '--heap-growing-percent=0';

/** Puts the default heap growth back once the bundles are built, before Astro renders the pages. */
const heapGrowthReset = {
  name: 'subagent-catalog:heap-growth',
  buildApp: { order: 'post' as const, handler: () => setFlagsFromString(HEAP_GROWTH_DEFAULT) },
};

/**
 * Threads the publishing process gives the file system, instead of Node's four. Nearly all its files go into one
 * folder, `agents/`, where creating a file holds the folder's lock while the kernel finds an inode, and the
 * threads waiting for it spin: in a profile of a slow cold build of 10,000 agents, that was 45 % of the machine's
 * samples. In cold builds of 10,000 agents (each just after the previous build was deleted), with four threads
 * the build took 50.1 and 62.8 s of CPU (16.6 and 20.0 s of it in the kernel); with two 41.5 and 48.4 s (12.4 and
 * 16.4 s), with one 42.2 s (11.6 s), the files still done 8 s before the pages. On a machine of two cores that
 * CPU is taken from Astro's rendering.
 */
const FINISHING_FILE_THREADS = 2;

/**
 * Starts the process that builds the search index and publishes the files. It waits for the snapshot the content
 * loader writes, and works while Astro stores the content, bundles and renders. A process rather than a thread:
 * its memory (the snapshot, the messages to Pagefind) stays out of the build's. Awaited in build:done.
 */
function startFinishing(input: FinishingInput): Promise<FinishingReport> {
  const child = fork(fileURLToPath(new URL('./finishing-process.ts', import.meta.url)), {
    execArgv: [],
    serialization: 'advanced',
    env: { ...process.env, UV_THREADPOOL_SIZE: String(FINISHING_FILE_THREADS) },
  });
  child.send(input);
  const report = new Promise<FinishingReport>((resolve, reject) => {
    child.once('message', (message: { report?: FinishingReport; error?: string }) => {
      if (message.report) resolve(message.report);
      else reject(new Error(`Publishing the files or the search index failed: ${message.error}`));
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`The publishing process stopped (exit code ${code}) before it reported.`)));
  });
  // This only keeps an early failure from being reported as unhandled before build:done awaits it.
  report.catch(() => undefined);
  return report;
}

/** The catalogue config, or an AstroError that names the file, the key and the fix. */
function catalogConfig(root: string, logger: AstroIntegrationLogger): CatalogConfig {
  try {
    return loadCatalogConfig(root);
  } catch (error) {
    throw buildStop(
      logger,
      (error as Error).message,
      'The catalogue config has a mistake (printed above).',
      'See "Configuration" in the README: catalog.config.json, AGENTS_DIR, STRICT and CATALOG_CONFIG.',
    );
  }
}

function logReport(logger: AstroIntegrationLogger, report: FinishingReport): void {
  for (const failure of report.failed) logger.warn(`not published: ${failure}`);
  logger.info(
    `phase files-published (in parallel) at ${report.publishedAt.toFixed(2)} s, peak ${report.peakMiB.toFixed(0)} MiB of its own`,
  );
  logger.info(
    `phase search-written (in parallel) at ${report.searchWrittenAt.toFixed(2)} s, begun at ${report.searchStartedAt.toFixed(2)} s, Pagefind peak ${report.pagefindPeakMiB.toFixed(0)} MiB`,
  );
  if (report.searchKept) logger.info(`Kept the search index of the previous build: its ${report.slugs.length} records are unchanged`);
  else logger.info(`Indexed ${report.slugs.length} agents for search in ${report.indexingSeconds.toFixed(1)} s`);
  const undated = report.undated.length > 0 ? ` (no git dates for ${report.undated.join(', ')})` : '';
  logger.info(
    `Published ${report.slugs.length} raw files (${report.written} written, the rest unchanged) and agents.json; feed.xml has ${report.feedEntries} entries${undated}`,
  );
  const { plugins, served } = report.marketplace;
  logger.info(
    'url' in served
      ? `Serves a plugin marketplace of ${plugins} plugins: /plugin marketplace add ${served.url}`
      : `Wrote ${plugins} plugin archives but no marketplace.json: ${served.reason}`,
  );
}

/**
 * The catalogue's integration. It reads and checks the config once and hands it to the content loader and the
 * pages as virtual modules. In `astro build` it starts, at once, the process that builds the search index and
 * publishes the raw files, each agent's JSON and the open data from the snapshot the loader writes; when the pages
 * are done, the index is moved into the site, stale files of the previous build are removed and the summary
 * printed. In `astro dev` it serves the raw files, agent JSON and open data from the same snapshot.
 * `astro build` alone produces a complete dist/.
 */
export function catalogBuild(options: { publishTo?: string; sitemapPages?: string[] } = {}): AstroIntegration {
  let outDir = '';
  let cacheDir = '';
  let site: string | undefined;
  let searchDir = '';
  let searchKeyFile = '';
  let publicDir = '';
  let snapshotFile = '';
  let buildStartedMs = 0;
  let finishing: Promise<FinishingReport> | undefined;
  let building = false;
  let base = '/';
  let marketplace: CatalogConfig['marketplace'];
  return {
    name: 'subagent-catalog-build',
    hooks: {
      // The output folder is not emptied: pages a rebuild keeps stay, and stale files go at the end.
      'astro:config:setup': ({ command, config, logger, updateConfig }) => {
        const catalog = catalogConfig(fileURLToPath(config.root), logger);
        marketplace = catalog.marketplace;
        snapshotFile = snapshotFileIn(fileURLToPath(config.cacheDir));
        building = command === 'build';
        const keptPages = building
          ? keptPagesSettings(fileURLToPath(config.cacheDir), fileURLToPath(config.outDir), codeDigest(fileURLToPath(config.root), catalog))
          : undefined;
        updateConfig({ vite: { build: { emptyOutDir: false }, plugins: [catalogVirtualModules(catalog, snapshotFile, keptPages)] } });
        if (!building) return;
        setFlagsFromString(HEAP_GROWTH_WHILE_BUNDLING);
        updateConfig({ vite: { plugins: [heapGrowthReset] } });
      },
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        site = config.site;
        outDir = fileURLToPath(config.outDir);
        searchDir = cacheFile(cacheDir, 'pagefind');
        searchKeyFile = cacheFile(cacheDir, 'pagefind.key');
        publicDir = fileURLToPath(config.publicDir);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        if (!building) return;
        // The content sync comes next; the process waits for the snapshot it writes, never for an older one.
        removeSnapshot(snapshotFile);
        finishing = startFinishing({
          snapshotFile,
          cacheDir,
          outDir,
          searchDir,
          searchKeyFile,
          site: { url: config.site, base: config.base },
          marketplace,
          buildStartedAt: Date.now() - process.uptime() * 1000,
        });
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(serveCatalogFiles(snapshotFile, base, marketplace));
      },
      'astro:build:start': ({ logger }) => {
        logger.info(phaseLine('content-synced'));
        buildStartedMs = fileSystemNow(outDir);
        startKeptPages(cacheDir);
        if (!existsSync(snapshotFile))
          throw new AstroError(
            'The content loader wrote no snapshot of the catalogue.',
            'Did the content sync run? Build again; if it happens again, report it with the build output.',
          );
      },
      // The agent pages this build kept are not among the pages Astro rendered, which is all the sitemap lists.
      'astro:build:generated': () => {
        if (!options.sitemapPages || !site) return;
        const urls = createUrls(base);
        for (const slug of keptAgentSlugs(cacheDir)) options.sitemapPages.push(new URL(urls.agent(slug), site).href);
      },
      'astro:build:done': async ({ dir, logger, pages }) => {
        if (!finishing) throw new Error('The publishing process was not started: did the build start?');
        logger.info(phaseLine('pages-rendered'));
        const report = await finishing;
        const siteDir = fileURLToPath(dir);
        if (!report.searchKept) moveFolder(searchDir, path.join(siteDir, 'pagefind'));
        // Kept with the site only while the site stays where it was built (see publishTo below).
        if (!options.publishTo) writeFileSync(searchKeyFile, report.searchKey);
        const removed = removeStaleFiles(siteDir, publicDir, buildStartedMs, report, pages);
        logReport(logger, report);
        if (removed > 0) logger.info(`Removed ${removed} files of the previous build that this one did not write`);
        commitKeptPages(cacheDir);
        logger.info(phaseLine('finished'));
        if (options.publishTo) {
          // Built inside the cache, for the reason in astro.config.mjs; moved to where it was asked for.
          moveFolder(siteDir, options.publishTo);
          logger.info(`Moved the site to ${options.publishTo}`);
        }
        for (const line of report.summary) logger.info(line);
        logger.info('Every finding, with its line and fix: the /diagnostics/ page, or npm run check:agents');
      },
    },
  };
}
