import * as nodeFs from 'node:fs';
import path from 'node:path';
import { LIMITS } from '../lib/read/limits.ts';
import type { RuleId } from '../lib/check/rules.ts';
import type { IgnoredEntry } from '../lib/catalog/assemble.ts';

export type { IgnoredEntry };

/** File names in an agents folder that are never agents. */
export const NON_AGENT_FILES = new Set(['readme.md', 'source.md', 'license.md', 'changelog.md', 'contributing.md', 'code_of_conduct.md']);

/** The file system calls the read stage makes, so tests can inject failures such as EACCES. */
export type FileSystem = Pick<
  typeof nodeFs,
  'lstatSync' | 'statSync' | 'readdirSync' | 'realpathSync' | 'openSync' | 'readSync' | 'fstatSync' | 'closeSync'
>;

/** A Markdown file that may be an agent. */
export interface Candidate {
  /** Path inside the source, `/`-separated, as the folder shows it (a link keeps its own name). */
  relPath: string;
  /** Path to read, with links resolved. */
  absPath: string;
}

/** An entry that could not be read as it should be: it becomes a finding. */
export interface EntryProblem {
  relPath: string;
  rule: RuleId;
  message: string;
}

/** What a source folder holds. Every entry lands in exactly one of the three lists. */
export interface SourceListing {
  candidates: Candidate[];
  ignored: IgnoredEntry[];
  problems: EntryProblem[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? 'unknown error';
}

function isInside(parent: string, child: string): boolean {
  return child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);
}

/**
 * Lists a source folder, sorted for determinism. Symbolic links are followed only inside the folder
 * (unless `followExternalLinks`), each real folder once, so loops end; hidden entries and
 * `node_modules` are ignored on purpose and listed as such; anything unreadable or unusual becomes a
 * problem rather than an exception.
 */
export function listSource(root: string, options: { followExternalLinks?: boolean; fs?: FileSystem } = {}): SourceListing {
  const fs = options.fs ?? nodeFs;
  const listing: SourceListing = { candidates: [], ignored: [], problems: [] };
  const rootReal = fs.realpathSync(root);
  const visited = new Set<string>([rootReal]);
  let entries = 0;
  const walk = (dir: string, rel: string, depth: number): void => {
    let names: Buffer[];
    try {
      names = (fs.readdirSync(dir, { encoding: 'buffer' }) as Buffer[]).sort((a, b) => Buffer.compare(a, b));
    } catch (error) {
      listing.problems.push({ relPath: rel || '.', rule: 'file-unreadable', message: `The folder cannot be read (${errorCode(error)}).` });
      return;
    }
    for (const rawName of names) {
      if (++entries > LIMITS.filesPerSource) {
        if (entries === LIMITS.filesPerSource + 1) {
          listing.problems.push({
            relPath: rel || '.',
            rule: 'limit-file-count',
            message: `More than ${LIMITS.filesPerSource} entries; the rest were not read.`,
          });
        }
        return;
      }
      let name: string;
      try {
        name = utf8.decode(rawName);
      } catch {
        const shown = new TextDecoder().decode(rawName);
        listing.problems.push({
          relPath: rel ? `${rel}/${shown}` : shown,
          rule: 'file-name-invalid',
          message: 'The file name is not valid UTF-8.',
        });
        continue;
      }
      const relPath = rel ? `${rel}/${name}` : name;
      if (name.startsWith('.')) {
        listing.ignored.push({ relPath, reason: 'hidden' });
        continue;
      }
      visitEntry(path.join(dir, name), relPath, name, depth);
    }
  };
  const visitEntry = (full: string, relPath: string, name: string, depth: number): void => {
    let target: nodeFs.Stats;
    let real = full;
    try {
      const own = fs.lstatSync(full);
      if (own.isSymbolicLink()) {
        try {
          real = fs.realpathSync(full);
        } catch (error) {
          const code = errorCode(error);
          const rule: RuleId = code === 'ELOOP' ? 'symlink-loop' : code === 'ENOENT' ? 'symlink-broken' : 'file-unreadable';
          listing.problems.push({ relPath, rule, message: `The link cannot be followed (${code}).` });
          return;
        }
        if (!options.followExternalLinks && !isInside(rootReal, real)) {
          listing.problems.push({
            relPath,
            rule: 'symlink-outside',
            message: 'The link points outside the source folder, so it was not followed.',
          });
          return;
        }
        target = fs.statSync(real);
      } else {
        target = own;
      }
    } catch (error) {
      listing.problems.push({ relPath, rule: 'file-unreadable', message: `The entry cannot be read (${errorCode(error)}).` });
      return;
    }
    if (target.isDirectory()) {
      if (name === 'node_modules') {
        listing.ignored.push({ relPath, reason: 'node_modules' });
      } else if (visited.has(real)) {
        listing.problems.push({
          relPath,
          rule: 'symlink-loop',
          message: 'This folder was already read through another path; a link leads back into it.',
        });
      } else if (depth >= LIMITS.folderDepth) {
        listing.problems.push({
          relPath,
          rule: 'limit-folder-depth',
          message: `Folders deeper than ${LIMITS.folderDepth} levels are not read.`,
        });
      } else {
        visited.add(real);
        walk(full, relPath, depth + 1);
      }
    } else if (target.isFile()) {
      const lower = name.toLowerCase();
      if (!lower.endsWith('.md')) listing.ignored.push({ relPath, reason: 'not Markdown' });
      else if (NON_AGENT_FILES.has(lower)) listing.ignored.push({ relPath, reason: 'documentation' });
      else listing.candidates.push({ relPath, absPath: real });
    } else {
      listing.problems.push({
        relPath,
        rule: 'file-special',
        message: 'This is not a regular file or folder (a pipe, socket or device), so it was not read.',
      });
    }
  };
  walk(rootReal, '', 0);
  return listing;
}

/** A file's bytes, or `undefined` when it is larger than `maxBytes` (whatever its size claims to be). */
export function readFileCapped(absPath: string, maxBytes: number, fs: FileSystem = nodeFs): Buffer | undefined {
  // O_NONBLOCK: opening a pipe that replaced a file since the listing must not block the build.
  const fd = fs.openSync(absPath, nodeFs.constants.O_RDONLY | nodeFs.constants.O_NONBLOCK);
  try {
    const stats = fs.fstatSync(fd);
    if (!stats.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTFILE' });
    const chunks: Buffer[] = [];
    let total = 0;
    // Sized from fstat, with one byte more to notice a file that grew; files such as those in /proc claim 0
    // and are read in growing steps (small ones first, so the usual end-of-file check costs no big buffer).
    let next = Math.min(Math.max(stats.size + 1, 4096), maxBytes + 1);
    let step = 4096;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(next, maxBytes + 1 - total));
      next = step;
      step = Math.min(step * 4, 1024 * 1024);
      const read = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) return undefined;
    }
    return Buffer.concat(chunks, total);
  } finally {
    fs.closeSync(fd);
  }
}
