/**
 * The work that does not depend on the rendered pages, run in a worker thread while Astro renders them:
 * the raw files, each agent's JSON and the open data (written straight into the output folder), and the
 * search index (written to a folder of its own, moved into the site when the pages are done).
 */
import { rmSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { close } from 'pagefind';
import { readManifest } from '../lib/build-manifest.ts';
import { childPeakMiB } from './phases.ts';
import { publishAgentFiles, writeOpenData } from './publish-files.ts';
import { indexRecords } from './search-index.ts';

/** What the build hands the worker. */
export interface FinishingInput {
  cacheDir: string;
  outDir: string;
  /** Where the search index is written. */
  searchDir: string;
  /** A previous build's output, moved aside to be deleted here rather than while the build waits. */
  trash: string | undefined;
}

/** What the worker reports when it is done. */
export interface FinishingReport {
  agents: number;
  summary: string[];
  failed: string[];
  feedEntries: number;
  undated: string[];
  /** Process uptime when the files were published and when the search index was written. */
  publishedAt: number;
  searchWrittenAt: number;
  indexingSeconds: number;
  pagefindPeakMiB: number;
}

async function searchIndex(records: Parameters<typeof indexRecords>[0], searchDir: string) {
  try {
    const { index, seconds } = await indexRecords(records);
    const pagefindPeakMiB = childPeakMiB('pagefind');
    const written = await index.writeFiles({ outputPath: searchDir });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    return { indexingSeconds: seconds, pagefindPeakMiB, searchWrittenAt: process.uptime() };
  } finally {
    await close();
  }
}

async function finish(input: FinishingInput): Promise<FinishingReport> {
  const manifest = readManifest(input.cacheDir);
  rmSync(input.searchDir, { recursive: true, force: true });
  const search = searchIndex(manifest.search, input.searchDir);
  // Awaited below; this only keeps an early failure from being reported as unhandled meanwhile.
  search.catch(() => undefined);
  const failed = await publishAgentFiles(manifest, input.outDir);
  const { feedEntries, undated } = await writeOpenData(manifest, input.outDir);
  const publishedAt = process.uptime();
  if (input.trash) rmSync(input.trash, { recursive: true, force: true });
  return { agents: manifest.agents.length, summary: manifest.summary, failed, feedEntries, undated, publishedAt, ...(await search) };
}

finish(workerData as FinishingInput).then(
  (report) => parentPort?.postMessage({ report }),
  (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);
