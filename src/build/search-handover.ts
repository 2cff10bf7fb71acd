import type { SearchRecord } from '../lib/search/records.ts';

/**
 * How the agents loader hands the search records to the build integration as soon as it has them, so that
 * Pagefind indexes while Astro is still storing the agents and bundling, rather than from the start of
 * rendering. Astro loads the integration with the config and the loader with the content config, as two
 * module instances, so the hand-over goes through globalThis, under a registered symbol.
 */
const RECEIVER = Symbol.for('subagent-catalog.search-records');

export type SearchRecordsReceiver = (records: SearchRecord[]) => void;

/** The integration's side: `receiver` gets the records of the coming sync; `undefined` stops receiving. */
export function receiveSearchRecords(receiver: SearchRecordsReceiver | undefined): void {
  (globalThis as Record<symbol, SearchRecordsReceiver | undefined>)[RECEIVER] = receiver;
}

/** The loader's side. Outside `astro build` (dev, sync, check) nobody receives them, and that is fine. */
export function handOverSearchRecords(records: SearchRecord[]): void {
  (globalThis as Record<symbol, SearchRecordsReceiver | undefined>)[RECEIVER]?.(records);
}
