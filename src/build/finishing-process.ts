/**
 * The work that does not depend on the rendered pages, run in a child process while Astro stores the content,
 * bundles and renders (a process of its own, so its memory does not add to the build's). From the moment the
 * content loader has written the catalogue snapshot, it derives from it, and from the agents' bytes, everything
 * the site publishes besides pages: the search index (written to a folder of its own, moved into the site when
 * the pages are done), the raw files, each agent's JSON and the open data (written straight into the output folder).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { close } from 'pagefind';
import { publicationOf, searchRecordsOf, type SiteAddress } from '../lib/publish/publication.ts';
import { promptFrom } from '../lib/read/frontmatter.ts';
import { decodeText } from '../lib/read/text.ts';
import { childPeakMiB, peakMiB } from './phases.ts';
import {
  filesBelow,
  publishAgentFiles,
  removeInBackground,
  publishedFiles,
  readText,
  writeOpenData,
  writeServedMarketplace,
  type PublishedFingerprints,
} from './publish-files.ts';
import { indexKey, indexRecords } from './search-index.ts';
import { cacheFile, waitForSnapshot } from './snapshot-file.ts';

/** What the build hands the process. */
export interface FinishingInput {
  /** The snapshot the content loader is about to write. */
  snapshotFile: string;
  site: SiteAddress;
  /** The marketplace's name and owner, when the config names them. */
  marketplace: { name: string; owner?: string | undefined } | undefined;
  cacheDir: string;
  outDir: string;
  /** Where the search index is written. */
  searchDir: string;
  /** Holds the key of the index in the output folder, written once the index is in place (see searchIndexKey). */
  searchKeyFile: string;
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
  /** The plugin archives written, and where the marketplace is served or why it is not. */
  marketplace: { plugins: number; served: { url: string } | { reason: string } };
  /** Seconds since the build started when the files were published, and when the search index was begun and written. */
  publishedAt: number;
  searchStartedAt: number;
  searchWrittenAt: number;
  indexingSeconds: number;
  pagefindPeakMiB: number;
  /** The key of this build's search index, and whether the previous build's index had it and was kept. */
  searchKey: string;
  searchKept: boolean;
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
  const searchStartedAt = since();
  try {
    const { index, seconds } = await indexRecords(records);
    const written = await index.writeFiles({ outputPath: searchDir });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    // After writing, when Pagefind builds the index's files and peaks, and before close() ends it.
    const pagefindPeakMiB = childPeakMiB('pagefind');
    return { indexingSeconds: seconds, pagefindPeakMiB, searchStartedAt, searchWrittenAt: since() };
  } finally {
    await close();
  }
}

/** Reads every agent's bytes once, a few at a time; an agent whose file cannot be read gets no bytes. */
async function readAll(files: readonly string[]): Promise<(Buffer | undefined)[]> {
  const bytes = Array.from<Buffer | undefined>({ length: files.length });
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      bytes[index] = await readFile(files[index]!).catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return bytes;
}

async function finish(input: FinishingInput): Promise<FinishingReport> {
  const since = () => (Date.now() - input.buildStartedAt) / 1000;
  // Listed before anything writes there: this process publishes once the snapshot is in, Astro once it has bundled.
  const previousFiles = filesBelow(input.outDir);
  const snapshot = await waitForSnapshot(input.snapshotFile);
  const publication = publicationOf(snapshot, input.site);
  const bytes = await readAll(publication.agents.map((a) => a.absPath));
  const prompts = bytes.map((b, i) => (b ? promptFrom(decodeText(b).text, publication.agents[i]!.bodyLine) : ''));
  const records = searchRecordsOf(snapshot, input.site.base, (_, index) => prompts[index]!);
  const searchKey = indexKey(records);
  const searchKept = readText(input.searchKeyFile) === searchKey && existsSync(path.join(input.outDir, 'pagefind', 'pagefind.js'));
  let oldIndexRemoved = Promise.resolve();
  if (!searchKept) {
    // The old index goes now rather than when the pages are done; the new one is moved in then. Its key goes
    // first, so a build stopped in between leaves no key for an index that is not there.
    rmSync(input.searchKeyFile, { force: true });
    oldIndexRemoved = removeInBackground(path.join(input.outDir, 'pagefind'), cacheFile(input.cacheDir, 'pagefind-old'));
    rmSync(input.searchDir, { recursive: true, force: true });
  }
  const search = searchKept
    ? Promise.resolve({ indexingSeconds: 0, pagefindPeakMiB: 0, searchStartedAt: since(), searchWrittenAt: since() })
    : searchIndex(records, input.searchDir, since);
  // Awaited below; this only keeps an early failure from being reported as unhandled meanwhile.
  search.catch(() => undefined);
  oldIndexRemoved.catch(() => undefined);
  const fingerprintsFile = cacheFile(input.cacheDir, 'published.json');
  const indexOf = new Map(publication.agents.map((a, i) => [a.slug, i]));
  const { failed, fingerprints, written } = await publishAgentFiles(
    publication,
    input.outDir,
    (agent) => {
      const index = indexOf.get(agent.slug)!;
      const agentBytes = bytes[index];
      if (!agentBytes) return Promise.reject(new Error(`${agent.absPath} could not be read`));
      return Promise.resolve({ bytes: agentBytes, prompt: prompts[index]! });
    },
    readFingerprints(fingerprintsFile),
  );
  writeFileSync(fingerprintsFile, JSON.stringify(fingerprints));
  const { feedEntries, undated } = await writeOpenData(publication, input.outDir);
  const bytesByPath = new Map(publication.agents.map((a, i) => [a.absPath, bytes[i]]));
  const marketplace = await writeServedMarketplace(snapshot, input.marketplace, input.site, input.outDir, (absPath) =>
    bytesByPath.get(absPath),
  );
  const publishedAt = since();
  const searched = await search;
  await oldIndexRemoved;
  return {
    slugs: publication.agents.map((a) => a.slug),
    previousFiles,
    publishedFiles: [...publishedFiles(publication), ...marketplace.files],
    written,
    summary: snapshot.summary,
    failed: [...failed, ...marketplace.failed],
    marketplace: { plugins: marketplace.plugins, served: marketplace.served },
    feedEntries,
    undated,
    publishedAt,
    ...searched,
    searchKey,
    searchKept,
    peakMiB: peakMiB(),
  };
}

process.once('message', (input: FinishingInput) => {
  const reply = (report: { report?: FinishingReport; error?: string }) => process.send?.(report, () => process.exit(0));
  finish(input).then(
    (report) => reply({ report }),
    (error: unknown) => reply({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
// Started before the content is synced, so a build that then stops (strict mode, an error) must not leave it behind.
process.once('disconnect', () => process.exit(1));
