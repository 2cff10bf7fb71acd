/**
 * The file work of keeping unchanged agent pages (the decision is src/lib/views/kept-pages.ts). The record of
 * the last successful build lives in the build cache and goes through three names, so that a build that fails
 * halfway, after it rendered some pages again, leaves no record a later build could trust:
 *
 *   pages.json ──(build starts)──▶ pages.previous.json ──(agent route plans)──▶ pages.next.json ──(build done)──▶ pages.json
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { agentPageFile } from '../lib/publish/stale-files.ts';
import { parseAgentPagesRecord, planAgentPages } from '../lib/views/kept-pages.ts';
import { filesBelow, readText } from './publish-files.ts';
import { cacheFile } from './snapshot-file.ts';

/** Where a build keeps its record of agent pages, and what the agent route needs to plan them. */
export interface KeptPagesSettings {
  previousFile: string;
  nextFile: string;
  /** The site's output folder, where a kept page must still be. */
  outDir: string;
  codeDigest: string;
}

function recordFiles(cacheDir: string): { current: string; previous: string; next: string } {
  return {
    current: cacheFile(cacheDir, 'pages.json'),
    previous: cacheFile(cacheDir, 'pages.previous.json'),
    next: cacheFile(cacheDir, 'pages.next.json'),
  };
}

/**
 * A digest of what renders the pages besides their data: the site's code, Astro's config, the lock file (so
 * every package's version) and the catalogue's config. Astro's incremental build compares the same.
 */
export function codeDigest(root: string, catalogConfig: unknown): string {
  const hash = createHash('sha256').update(JSON.stringify(catalogConfig));
  const code = filesBelow(path.join(root, 'src'))
    .map((file) => `src/${file}`)
    .sort();
  for (const file of [...code, 'astro.config.mjs', 'package-lock.json']) {
    const absolute = path.join(root, file);
    hash.update(file).update('\0');
    if (existsSync(absolute)) hash.update(readFileSync(absolute));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** The settings for a build with cache folder `cacheDir` into `outDir`. */
export function keptPagesSettings(cacheDir: string, outDir: string, digest: string): KeptPagesSettings {
  const files = recordFiles(cacheDir);
  return { previousFile: files.previous, nextFile: files.next, outDir, codeDigest: digest };
}

/** As a build starts: the last record becomes the previous one, and what a failed build left is dropped. */
export function startKeptPages(cacheDir: string): void {
  const files = recordFiles(cacheDir);
  rmSync(files.previous, { force: true });
  rmSync(files.next, { force: true });
  if (existsSync(files.current)) renameSync(files.current, files.previous);
}

/** Which of `pages` (slug and key) the agent route renders; writes the record this build will keep if it succeeds. */
export function agentPagesToRender(settings: KeptPagesSettings, pages: readonly { slug: string; key: string }[]): Set<string> {
  const previous = parseAgentPagesRecord(readText(settings.previousFile));
  const { render, record } = planAgentPages(pages, previous, settings.codeDigest, (slug) =>
    existsSync(path.join(settings.outDir, agentPageFile(slug))),
  );
  mkdirSync(path.dirname(settings.nextFile), { recursive: true });
  writeFileSync(settings.nextFile, JSON.stringify(record));
  return render;
}

/** The slugs of the agent pages this build kept without rendering them (none before the agent route planned). */
export function keptAgentSlugs(cacheDir: string): string[] {
  return parseAgentPagesRecord(readText(recordFiles(cacheDir).next))?.kept ?? [];
}

/** When the build is done: its record is the one the next build compares with. */
export function commitKeptPages(cacheDir: string): void {
  const files = recordFiles(cacheDir);
  if (existsSync(files.next)) renameSync(files.next, files.current);
  rmSync(files.previous, { force: true });
}
