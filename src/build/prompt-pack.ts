import { closeSync, fstatSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';

/**
 * The rendered prompts of a build, in one file of the build cache: a 4-byte length, an index of every prompt's key
 * with where its HTML starts and how long it is, then the HTML one prompt after another. One file rather than one
 * per prompt: a build of 10,000 agents creates, and a clean one deletes, 10,000 fewer files, and on the file system
 * of our build machines files created just after a deletion are what the kernel spends most on (see "Creating
 * files just after a deletion" in the README).
 * The file is replaced whole (written beside it, then renamed), so a reader holding the old one keeps reading it.
 */

/** Where each prompt's HTML is in a pack: its offset after the index and its length, in bytes. */
type PackIndex = Map<string, readonly [offset: number, length: number]>;

/** An open pack and what identifies the file it was opened from. */
interface OpenPack {
  file: string;
  fd: number;
  ino: number;
  mtimeMs: number;
  dataStart: number;
  index: PackIndex;
}

function readExactly(fd: number, length: number, position: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const read = readSync(fd, buffer, done, length - done, position + done);
    if (read === 0) throw new Error(`The prompt pack ends before byte ${position + length}`);
    done += read;
  }
  return buffer;
}

/** Opens a pack and reads its index; throws when the file is missing or not a pack. */
function openPack(file: string): OpenPack {
  const fd = openSync(file, 'r');
  try {
    const { ino, mtimeMs, size } = fstatSync(fd);
    const indexLength = readExactly(fd, 4, 0).readUInt32LE(0);
    const entries = JSON.parse(readExactly(fd, indexLength, 4).toString('utf8')) as Record<string, [number, number]>;
    const dataStart = 4 + indexLength;
    const index: PackIndex = new Map(Object.entries(entries));
    for (const [key, [offset, length]] of index)
      if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0 || dataStart + offset + length > size)
        throw new Error(`The prompt pack's entry ${key} lies outside the file`);
    return { file, fd, ino, mtimeMs, dataStart, index };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** The prompts of a pack left by an earlier build, by key, or none when there is no readable one. */
export function previousPack(file: string): { read: (key: string) => Buffer | undefined; close: () => void } {
  let pack: OpenPack;
  try {
    pack = openPack(file);
  } catch {
    return { read: () => undefined, close: () => undefined };
  }
  return {
    read: (key) => {
      const at = pack.index.get(key);
      return at && readExactly(pack.fd, at[1], pack.dataStart + at[0]);
    },
    close: () => closeSync(pack.fd),
  };
}

/** Writes a pack of `entries` (key and HTML) in their order, replacing `file` whole. */
export function writePack(file: string, entries: Iterable<readonly [key: string, html: Buffer]>): void {
  const chunks: Buffer[] = [];
  const index: Record<string, [number, number]> = {};
  let offset = 0;
  for (const [key, html] of entries) {
    // Own keys only: `in` would also find what every object inherits, such as a key named `constructor`.
    if (Object.hasOwn(index, key)) continue;
    index[key] = [offset, html.length];
    chunks.push(html);
    offset += html.length;
  }
  const indexBytes = Buffer.from(JSON.stringify(index), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(indexBytes.length, 0);
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  let complete = false;
  try {
    for (const chunk of [length, indexBytes, ...chunks]) {
      let done = 0;
      while (done < chunk.length) done += writeSync(fd, chunk, done, chunk.length - done);
    }
    complete = true;
  } finally {
    closeSync(fd);
    if (!complete) rmSync(temporary, { force: true });
  }
  renameSync(temporary, file);
}

let current: OpenPack | undefined;

/**
 * One prompt's HTML from the pack `file`. The open pack is kept for the next call and opened again when the file
 * has been replaced since (in `astro dev`, the loader writes a new one on every change to a source).
 */
export function packedPrompt(file: string, key: string): string {
  const { ino, mtimeMs } = statSync(file);
  if (!current || current.file !== file || current.ino !== ino || current.mtimeMs !== mtimeMs) {
    if (current) closeSync(current.fd);
    current = undefined;
    current = openPack(file);
  }
  const at = current.index.get(key);
  if (!at) throw new Error(`The prompt pack ${file} holds no prompt ${key}: build again`);
  return readExactly(current.fd, at[1], current.dataStart + at[0]).toString('utf8');
}
