import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { FinishingInput, FinishingReport } from './finishing-worker.ts';
import { moveFolder, moveSite } from './publish-files.ts';
import { phaseLine } from './phases.ts';

/**
 * Empties the output folder as Astro would (keeping `.git`), by moving its entries aside: deleting a
 * big previous site then happens in the worker instead of holding up the build. Returns the folder
 * they were moved to, if any.
 */
function clearOutDir(outDir: string, cacheDir: string): string | undefined {
  mkdirSync(outDir, { recursive: true });
  const entries = readdirSync(outDir).filter((name) => name !== '.git');
  if (entries.length === 0) return undefined;
  const trash = path.join(cacheDir, 'subagent-catalog', `previous-site-${process.pid}-${Date.now()}`);
  mkdirSync(trash, { recursive: true });
  for (const name of entries) {
    try {
      renameSync(path.join(outDir, name), path.join(trash, name));
    } catch {
      // Another file system: delete it here instead.
      rmSync(path.join(outDir, name), { recursive: true, force: true });
    }
  }
  return trash;
}

/** Starts the worker that publishes the files and builds the search index while the pages render. */
function startFinishing(input: FinishingInput): Promise<FinishingReport> {
  const worker = new Worker(new URL('./finishing-worker.ts', import.meta.url), { workerData: input });
  return new Promise((resolve, reject) => {
    worker.once('message', (message: { report?: FinishingReport; error?: string }) => {
      if (message.report) resolve(message.report);
      else reject(new Error(`Publishing the files or the search index failed: ${message.error}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The publishing worker stopped (exit code ${code}) before it reported.`)));
  });
}

function logReport(logger: AstroIntegrationLogger, report: FinishingReport): void {
  for (const failure of report.failed) logger.warn(`not published: ${failure}`);
  logger.info(`phase files-published (in parallel) at ${report.publishedAt.toFixed(2)} s`);
  logger.info(`phase search-written (in parallel) at ${report.searchWrittenAt.toFixed(2)} s, Pagefind peak ${report.pagefindPeakMiB.toFixed(0)} MiB`);
  logger.info(`Indexed ${report.agents} agents for search in ${report.indexingSeconds.toFixed(1)} s`);
  const undated = report.undated.length > 0 ? ` (no git dates for ${report.undated.join(', ')})` : '';
  logger.info(`Published ${report.agents} raw files and agents.json; feed.xml has ${report.feedEntries} entries${undated}`);
}

/**
 * The steps around Astro's rendering, all fed by the manifest the content loader wrote. When the build
 * starts, a worker begins publishing the raw files, each agent's JSON and the open data, and building
 * the search index; when the pages are done, the index is moved into the site and the summary printed.
 * `astro build` alone produces a complete dist/.
 */
export function catalogBuild(options: { publishTo?: string } = {}): AstroIntegration {
  let cacheDir = '';
  let outDir = '';
  let searchDir = '';
  let finishing: Promise<FinishingReport> | undefined;
  return {
    name: 'subagent-catalog-build',
    hooks: {
      // The output folder is emptied here, before the worker starts writing into it, not by Vite.
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        outDir = fileURLToPath(config.outDir);
        searchDir = path.join(cacheDir, 'subagent-catalog', 'pagefind');
      },
      'astro:build:start': ({ logger }) => {
        logger.info(phaseLine('content-synced'));
        const trash = clearOutDir(outDir, cacheDir);
        finishing = startFinishing({ cacheDir, outDir, searchDir, trash });
        // Awaited in build:done; this only keeps an early failure from being reported as unhandled meanwhile.
        finishing.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!finishing) throw new Error('The publishing worker was not started: did the build start?');
        logger.info(phaseLine('pages-rendered'));
        const report = await finishing;
        const siteDir = fileURLToPath(dir);
        moveFolder(searchDir, path.join(siteDir, 'pagefind'));
        logReport(logger, report);
        logger.info(phaseLine('finished'));
        if (options.publishTo) {
          moveSite(siteDir, options.publishTo);
          logger.info(`Moved the site to ${options.publishTo}`);
        }
        for (const line of report.summary) logger.info(line);
        logger.info('Every finding, with its line and fix: the /diagnostics/ page, or npm run check:agents');
      },
    },
  };
}
