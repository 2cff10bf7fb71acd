/**
 * The work that does not depend on the rendered pages, run in a child process while Astro renders them
 * (a process of its own, so its memory does not add to the build's):
 * the raw files, each agent's JSON and the open data (written straight into the output folder), and the
 * search index (written to a folder of its own, moved into the site when the pages are done).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { close } from 'pagefind';
import { readManifest } from '../lib/build-manifest.ts';
import { childPeakMiB, peakMiB } from './phases.ts';
import { filesBelow, publishAgentFiles, publishedFiles, writeOpenData, type PublishedFingerprints } from './publish-files.ts';
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
  /** Every file in the output folder before this build wrote anything, relative to it. */
  previousFiles: string[];
  /** Every file this process wrote or found unchanged (raw files, JSON, open data). */
  publishedFiles: string[];
  /** How many agents' files were written; the others were unchanged since the previous build. */
  written: number;
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

/** What the previous build published, or nothing when it left no record (or an unreadable one). */
function readFingerprints(file: string): PublishedFingerprints {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PublishedFingerprints;
  } catch {
    return {};
  }
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
  const previousFiles = filesBelow(input.outDir);
  // The old index goes now rather than when the pages are done; the new one is moved in then.
  rmSync(path.join(input.outDir, 'pagefind'), { recursive: true, force: true });
  rmSync(input.searchDir, { recursive: true, force: true });
  const search = searchIndex(manifest.search, input.searchDir, since);
  // Awaited below; this only keeps an early failure from being reported as unhandled meanwhile.
  search.catch(() => undefined);
  const fingerprintsFile = path.join(input.cacheDir, 'subagent-catalog', 'published.json');
  const { failed, fingerprints, written } = await publishAgentFiles(manifest, input.outDir, readFingerprints(fingerprintsFile));
  writeFileSync(fingerprintsFile, JSON.stringify(fingerprints));
  const { feedEntries, undated } = await writeOpenData(manifest, input.outDir);
  const publishedAt = since();
  const searched = await search;
  return { slugs: manifest.agents.map((a) => a.slug), previousFiles, publishedFiles: publishedFiles(manifest), written, summary: manifest.summary, failed, feedEntries, undated, publishedAt, ...searched, peakMiB: peakMiB() };
}

process.once('message', (input: FinishingInput) => {
  const reply = (message: { report?: FinishingReport; error?: string }) => process.send?.(message, () => process.exit(0));
  finish(input).then(
    (report) => reply({ report }),
    (error: unknown) => reply({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
