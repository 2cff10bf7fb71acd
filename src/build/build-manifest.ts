import path from 'node:path';
import type { AgentRecord } from '../lib/publish/open-data.ts';
import type { SearchRecord } from '../lib/search/records.ts';
import { readSerialized, writeSerialized } from './serialized.ts';
import type { FieldValue } from '../lib/read/yaml.ts';

/**
 * What the content loader hands to the steps at the end of `astro build`, through one file in the
 * cache folder: the loader reads every source once, and nothing after it reads them again. The search
 * records go earlier, straight to the build (search-handover.ts).
 */
export interface BuildManifest {
  /** Lines of the build summary. */
  summary: string[];
  /** The site's address when built with SITE_URL, and its base path. */
  site: { url: string | undefined; base: string };
  /** Each source, for reading file dates from git. */
  sources: { id: string; label: string; absDir: string }[];
  /**
   * Every agent, in catalogue order: where its bytes are, the line its prompt starts on and the fields
   * `claude --agents` takes (so its JSON file is made while its bytes are copied), and its open-data record.
   */
  agents: { slug: string; absPath: string; relPath: string; sourceId: string; bodyLine: number; cliFields: Record<string, FieldValue>; record: AgentRecord }[];
}

/** A file or folder of the build's own in Astro's cache folder. */
export function cacheFile(cacheDir: string, name: string): string {
  return path.join(cacheDir, 'subagent-catalog', name);
}

/** Writes the manifest (the loader's side). */
export function writeManifest(cacheDir: string, manifest: BuildManifest): void {
  writeSerialized(cacheFile(cacheDir, 'build.v8'), manifest);
}

/** Reads the manifest (the build steps' side). */
export function readManifest(cacheDir: string): BuildManifest {
  return readSerialized(cacheFile(cacheDir, 'build.v8')) as BuildManifest;
}

/**
 * Writes the search records (the build's side, when the loader hands them over). Through a file rather than a
 * message: while the content sync runs, the build's event loop seldom turns, and a message of 20 MB would reach
 * the other process only after the sync.
 */
export function writeSearchRecords(cacheDir: string, records: readonly SearchRecord[]): void {
  writeSerialized(cacheFile(cacheDir, 'search.v8'), records);
}

/** Reads the search records (the search index's side). */
export function readSearchRecords(cacheDir: string): SearchRecord[] {
  return readSerialized(cacheFile(cacheDir, 'search.v8')) as SearchRecord[];
}
