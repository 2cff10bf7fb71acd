/**
 * The work that does not depend on the rendered pages, run in a child process while Astro renders them
 * (a process of its own, so its memory does not add to the build's):
 * the raw files, each agent's JSON and the open data (written straight into the output folder), and the
 * search index (written to a folder of its own, moved into the site when the pages are done).
 */
import { rmSync } from 'node:fs';
import { close } from 'pagefind';
import { readManifest } from '../lib/build-manifest.ts';
import { childPeakMiB, peakMiB } from './phases.ts';
import { publishAgentFiles, writeOpenData } from './publish-files.ts';
import { indexRecords } from './search-index.ts';

/** What the build hands the process. */
export interface FinishingInput {
  cacheDir: string;
  outDir: string;
  /** Where the search index is written. */
  searchDir: string;
  /** When the build process started (ms since the epoch), so times reported here read like its own. */
  buildStartedAt: number;
}

/** What the process reports when it is done. */
export interface FinishingReport {
  /** The slug of every agent, whose pages the build may have kept from the previous one. */
  slugs: string[];
  summary: string[];
  failed: string[];
  feedEntries: number;
  undated: string[];
  /** Seconds since the build started when the files were published and when the search index was written. */
  publishedAt: number;
  searchWrittenAt: number;
  indexingSeconds: number;
  pagefindPeakMiB: number;
  /** Peak memory of this process, in MiB. */
  peakMiB: number;
}

async function searchIndex(records: Parameters<typeof indexRecords>[0], searchDir: string, since: () => number) {
  try {
    const { index, seconds } = await indexRecords(records);
    const pagefindPeakMiB = childPeakMiB('pagefind');
    const written = await index.writeFiles({ outputPath: searchDir });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    return { indexingSeconds: seconds, pagefindPeakMiB, searchWrittenAt: since() };
  } finally {
    await close();
  }
}

async function finish(input: FinishingInput): Promise<FinishingReport> {
  const since = () => (Date.now() - input.buildStartedAt) / 1000;
  const manifest = readManifest(input.cacheDir);
  rmSync(input.searchDir, { recursive: true, force: true });
  const search = searchIndex(manifest.search, input.searchDir, since);
  // Awaited below; this only keeps an early failure from being reported as unhandled meanwhile.
  search.catch(() => undefined);
  const failed = await publishAgentFiles(manifest, input.outDir);
  const { feedEntries, undated } = await writeOpenData(manifest, input.outDir);
  const publishedAt = since();
  const searched = await search;
  return { slugs: manifest.agents.map((a) => a.slug), summary: manifest.summary, failed, feedEntries, undated, publishedAt, ...searched, peakMiB: peakMiB() };
}

process.once('message', (input: FinishingInput) => {
  const reply = (message: { report?: FinishingReport; error?: string }) => process.send?.(message, () => process.exit(0));
  finish(input).then(
    (report) => reply({ report }),
    (error: unknown) => reply({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
