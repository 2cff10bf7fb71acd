import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SearchRecord } from './search-records.ts';

/**
 * What the content loader hands to the steps at the end of `astro build`, through one file in the
 * cache folder: the loader reads every source once, and nothing after it reads them again.
 */
export interface BuildManifest {
  /** Lines of the build summary. */
  summary: string[];
  /** Raw files to publish byte for byte: `agents/<slug>.md` from `absPath`. */
  raw: { slug: string; absPath: string }[];
  /** One search record per agent. */
  search: SearchRecord[];
}

/** Where the manifest of a build lives, inside Astro's cache folder. */
export function manifestPath(cacheDir: string): string {
  return path.join(cacheDir, 'subagent-catalog-build.json');
}

/** Writes the manifest (the loader's side). */
export function writeManifest(cacheDir: string, manifest: BuildManifest): void {
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(manifestPath(cacheDir), JSON.stringify(manifest));
}

/** Reads the manifest (the build steps' side). */
export function readManifest(cacheDir: string): BuildManifest {
  return JSON.parse(readFileSync(manifestPath(cacheDir), 'utf8')) as BuildManifest;
}
