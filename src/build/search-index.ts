import type { PagefindIndex } from 'pagefind';
import { createIndex } from 'pagefind';
import { readFileSync } from 'node:fs';
import { searchIndexKey, type SearchRecord } from '../lib/search/records.ts';

const PAGEFIND_OPTIONS = { forceLanguage: 'en' };
/** Enough to keep Pagefind busy (10,000 records went from 8 s to 6.3 s), few enough to bound the messages held. */
const RECORDS_IN_FLIGHT = 64;
const pagefindVersion = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')) as { version: string }
).version;

/**
 * The key of the index these records make (see searchIndexKey): the engine is this Pagefind, its options
 * and the code below that feeds it, so a change to any of them builds the index again.
 */
export const indexKey = (records: readonly SearchRecord[]) =>
  searchIndexKey(records, JSON.stringify([pagefindVersion, PAGEFIND_OPTIONS, indexRecords.toString()]));

/**
 * Feeds the search records to Pagefind, in catalogue order (by name), so a search with filters and no
 * words lists agents alphabetically. Pagefind runs in its own process, so this overlaps with Astro
 * rendering the pages.
 */
export async function indexRecords(records: readonly SearchRecord[]): Promise<{ index: PagefindIndex; seconds: number }> {
  const started = performance.now();
  const { index, errors } = await createIndex(PAGEFIND_OPTIONS);
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  // Pagefind numbers pages in the order they arrive, and its service handles requests one at a time in the
  // order it reads them; so several can be on their way while it works, without waiting for each answer.
  const inFlight = new Set<Promise<void>>();
  for (const record of records) {
    const added = index.addHTMLFile({ url: record.url, content: record.html }).then(({ errors }) => {
      if (errors.length > 0) throw new Error(`Pagefind could not index ${record.url}: ${errors.join('; ')}`);
      inFlight.delete(added);
    });
    inFlight.add(added);
    if (inFlight.size >= RECORDS_IN_FLIGHT) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return { index, seconds: (performance.now() - started) / 1000 };
}
