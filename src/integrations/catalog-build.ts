import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close } from 'pagefind';
import { readManifest, type BuildManifest } from '../lib/build-manifest.ts';
import { moveSite, publishAgentFiles, writeOpenData } from './publish-files.ts';
import { childPeakMiB, phaseLine } from './phases.ts';
import { indexRecords } from './search-index.ts';

/**
 * The steps around Astro's rendering, all fed by the manifest the content loader wrote: the search
 * index (started before the pages, in parallel), then the raw files, each agent's JSON, the open data
 * and the summary. `astro build` alone produces a complete dist/.
 */
export function catalogBuild(options: { publishTo?: string } = {}): AstroIntegration {
  let cacheDir = '';
  let manifest: BuildManifest | undefined;
  let indexing: ReturnType<typeof indexRecords> | undefined;
  return {
    name: 'subagent-catalog-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': ({ logger }) => {
        logger.info(phaseLine('content-synced'));
        manifest = readManifest(cacheDir);
        indexing = indexRecords(manifest.search);
        // Awaited in build:done; this only keeps an early failure from being reported as unhandled meanwhile.
        indexing.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!manifest || !indexing) throw new Error('The catalogue manifest was not read: did the content sync run?');
        logger.info(phaseLine('pages-rendered'));
        const outDir = fileURLToPath(dir);
        const failed = await publishAgentFiles(manifest, outDir);
        for (const failure of failed) logger.warn(`not published: ${failure}`);
        const { feedEntries, undated } = await writeOpenData(manifest, outDir);
        logger.info(phaseLine('files-published'));
        try {
          const { index, seconds } = await indexing;
          logger.info(phaseLine('search-indexed', childPeakMiB('pagefind')).replace('phase search-indexed', 'phase search-indexed (Pagefind process)'));
          const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
          logger.info(`Indexed ${manifest.search.length} agents for search in ${seconds.toFixed(1)} s`);
          logger.info(phaseLine('search-written'));
        } finally {
          await close();
        }
        logger.info(`Published ${manifest.agents.length} raw files and agents.json; feed.xml has ${feedEntries} entries${undated.length > 0 ? ` (no git dates for ${undated.join(', ')})` : ''}`);
        if (options.publishTo) {
          moveSite(outDir, options.publishTo);
          logger.info(`Moved the site to ${options.publishTo}`);
        }
        for (const line of manifest.summary) logger.info(line);
        logger.info('Every finding, with its line and fix: the /diagnostics/ page, or npm run check:agents');
      },
    },
  };
}
