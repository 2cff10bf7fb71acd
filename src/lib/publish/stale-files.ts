/**
 * Which files of a previous build to delete once a build is done. The output folder is not emptied
 * before a build, so that pages a rebuild keeps (see src/lib/views/kept-pages.ts) stay where they are;
 * everything else this build did not write is stale.
 */

/** A file in the output folder: its path relative to the folder (with `/`), and when it was last written. */
export interface OutputFile {
  path: string;
  mtimeMs: number;
}

/** An agent's page file, relative to the output folder; a rebuild may keep it from the previous build unchanged. */
export function agentPageFile(slug: string): string {
  return `agents/${slug}/index.html`;
}

/** The page file of each agent. */
export function agentPageFiles(slugs: Iterable<string>): Set<string> {
  return new Set([...slugs].map(agentPageFile));
}

/** The file Astro writes for a page it lists as `pathname` (`agents/x/` → `agents/x/index.html`). */
export function pageFile(pathname: string): string {
  const clean = pathname.replace(/^\/+/, '');
  return clean === '' || clean.endsWith('/') ? `${clean}index.html` : /\.[a-z0-9]+$/i.test(clean) ? clean : `${clean}/index.html`;
}

/**
 * The files of the previous build that this one is not known to have written: `current` holds the
 * files it wrote or kept, and everything below a folder of `replaced` was written whole. Only these
 * need their dates checked, which spares a stat of every file of a large site.
 */
export function staleCandidates(previous: readonly string[], current: ReadonlySet<string>, replaced: readonly string[]): string[] {
  return previous.filter((file) => !current.has(file) && !replaced.some((folder) => file.startsWith(`${folder}/`)));
}

/**
 * The files to delete: neither written since `buildStartedMs` nor kept on purpose. `buildStartedMs` is a
 * date from the output folder's own file system, so a coarse one (seconds, or two on FAT) rounds it as it
 * rounds the files' dates, and a file written after the start is never dated before it.
 */
export function staleFiles(files: readonly OutputFile[], buildStartedMs: number, keep: ReadonlySet<string>): string[] {
  return files.filter((file) => file.mtimeMs < buildStartedMs && !keep.has(file.path)).map((file) => file.path);
}
