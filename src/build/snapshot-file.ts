import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { deserialize, serialize } from 'node:v8';
import { SNAPSHOT_VERSION, type CatalogSnapshot } from '../lib/catalog/snapshot.ts';

/*
 * The snapshot is written in V8's serialisation rather than JSON: at 10,000 agents the build's own files held
 * 40 MB, which `JSON.stringify` took 1.4 s of the build's main thread to write and `serialize` 0.4 s. Only the
 * same Node reads it, so the format's ties to it do not matter.
 */

/** A file or folder of the build's own in Astro's cache folder. */
export function cacheFile(cacheDir: string, name: string): string {
  return path.join(cacheDir, 'subagent-catalog', name);
}

/** Where the snapshot of the catalogue is kept. */
export function snapshotFileIn(cacheDir: string): string {
  return cacheFile(cacheDir, 'catalog.v8');
}

/** Writes the snapshot whole or not at all: a reader never sees half a file. */
export function writeSnapshot(file: string, snapshot: CatalogSnapshot): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.part`;
  writeFileSync(partial, serialize(snapshot));
  renameSync(partial, file);
}

/** Reads the snapshot; an older build's (another version) is refused with a word on what to do. */
export function readSnapshot(file: string): CatalogSnapshot {
  const snapshot = deserialize(readFileSync(file)) as CatalogSnapshot;
  if (snapshot.version !== SNAPSHOT_VERSION) throw new Error(`${file} was written by another version of the site; build again.`);
  return snapshot;
}

/** Removes a snapshot a previous build left, so that waitForSnapshot waits for this build's. */
export function removeSnapshot(file: string): void {
  rmSync(file, { force: true });
}

/** Waits for the snapshot to appear (the content loader writes it), polling, and reads it. */
export async function waitForSnapshot(file: string, signal?: AbortSignal): Promise<CatalogSnapshot> {
  while (!existsSync(file)) await sleep(20, undefined, { signal });
  return readSnapshot(file);
}
