import { cpSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import { readManifest, type BuildManifest } from '../lib/build-manifest.ts';

/** Feeds the search records to Pagefind. It runs in its own process, so this overlaps with Astro rendering the pages. */
async function indexRecords(manifest: BuildManifest): Promise<{ index: PagefindIndex; seconds: number }> {
  const started = performance.now();
  const { index, errors } = await createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await Promise.all(manifest.search.map((record) => index.addHTMLFile({ url: record.url, content: record.html })));
  const failed = added.flatMap((result) => result.errors);
  if (failed.length > 0) throw new Error(`Pagefind indexing failed: ${failed.slice(0, 3).join('; ')}`);
  return { index, seconds: (performance.now() - started) / 1000 };
}

/** Publishes each agent file byte for byte at `agents/<slug>.md`, copying rather than rendering it. */
async function copyRawFiles(manifest: BuildManifest, outDir: string, logger: AstroIntegrationLogger): Promise<number> {
  await mkdir(path.join(outDir, 'agents'), { recursive: true });
  let copied = 0;
  const queue = [...manifest.raw];
  const worker = async () => {
    for (let item = queue.pop(); item; item = queue.pop()) {
      try {
        await copyFile(item.absPath, path.join(outDir, 'agents', `${item.slug}.md`));
        copied++;
      } catch (error) {
        // The file changed or vanished after it was read: its page stays, and the summary says so.
        logger.warn(`raw file for ${item.slug} not published: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return copied;
}

/** Moves a finished build to its folder outside the project (see astro.config.mjs for why it was built elsewhere). */
function publish(from: string, to: string): void {
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

/**
 * The steps after Astro has rendered the pages: raw files, the search index and the summary, all
 * from the manifest the content loader wrote. `astro build` alone produces a complete dist/.
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
      'astro:build:start': () => {
        manifest = readManifest(cacheDir);
        indexing = indexRecords(manifest);
        // Handled when awaited in build:done; this only keeps an early failure from being reported as unhandled.
        indexing.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!manifest || !indexing) throw new Error('The catalogue manifest was not read: did the content sync run?');
        const outDir = fileURLToPath(dir);
        const copied = await copyRawFiles(manifest, outDir, logger);
        try {
          const { index, seconds } = await indexing;
          const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
          logger.info(`Indexed ${manifest.search.length} agents for search in ${seconds.toFixed(1)} s; published ${copied} raw files`);
        } finally {
          await close();
        }
        if (options.publishTo) {
          publish(outDir, options.publishTo);
          logger.info(`Moved the site to ${options.publishTo}`);
        }
        for (const line of manifest.summary) logger.info(line);
        logger.info('Every finding, with its line and fix: the /diagnostics/ page, or npm run check:agents');
      },
    },
  };
}
