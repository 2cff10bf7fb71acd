/**
 * Which files of a previous build to delete once a build is done. The output folder is not emptied
 * before a build, so that agent pages Astro's incremental build leaves untouched stay where they are;
 * everything else this build did not write is stale.
 */

/** A file in the output folder: its path relative to the folder (with `/`), and when it was last written. */
export interface OutputFile {
  path: string;
  mtimeMs: number;
}

/**
 * File systems that keep modification times to the second (or two, on FAT) can date a file written just
 * after the build started before its start; files this close to the start count as written by the build.
 */
export const MTIME_SLACK_MS = 2_000;

/** The page file of each agent, which an incremental build may keep from the previous build unchanged. */
export function agentPageFiles(slugs: Iterable<string>): Set<string> {
  return new Set([...slugs].map((slug) => `agents/${slug}/index.html`));
}

/** The files to delete: neither written since `buildStartedMs` (less the slack) nor kept on purpose. */
export function staleFiles(files: readonly OutputFile[], buildStartedMs: number, keep: ReadonlySet<string>): string[] {
  const since = buildStartedMs - MTIME_SLACK_MS;
  return files.filter((file) => file.mtimeMs < since && !keep.has(file.path)).map((file) => file.path);
}
