/**
 * Zip archives from files compressed beforehand. Every agent file goes into two plugin archives, its category's and
 * its source's, and deflate is most of what writing them costs (about 6 s of 10,000 agents' publishing when each
 * archive compressed its files itself). Compressing each file once and writing the same bytes into both halves that.
 * The layout is fflate's `zipSync` with `level: 6`, byte for byte, so archives and their SHA-256 are as before.
 */
import { deflateSync } from 'fflate';

/** A file's bytes as an archive holds them. */
export interface CompressedFile {
  /** Length before compression. */
  size: number;
  crc: number;
  deflated: Uint8Array;
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** The CRC-32 a zip entry records (ISO 3309, as gzip and PNG use). */
export function crc32(bytes: Uint8Array): number {
  let crc = -1;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 255]! ^ (crc >>> 8);
  return ~crc >>> 0;
}

export function compressFile(bytes: Uint8Array): CompressedFile {
  return { size: bytes.length, crc: crc32(bytes), deflated: deflateSync(bytes, { level: 6 }) };
}

/** The DOS date and time a zip entry holds, in local time as fflate writes it. */
function dosTime(date: Date): number {
  const year = date.getFullYear() - 1980;
  if (year < 0 || year > 119) throw new RangeError(`A zip entry cannot hold the year ${date.getFullYear()}`);
  return (
    ((year << 25) |
      ((date.getMonth() + 1) << 21) |
      (date.getDate() << 16) |
      (date.getHours() << 11) |
      (date.getMinutes() << 5) |
      (date.getSeconds() >> 1)) >>>
    0
  );
}

const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_RECORD = 22;

/** The most entries, and bytes, a zip archive holds without the ZIP64 extension, which this writer (as fflate's) lacks. */
export const ZIP_ENTRY_LIMIT = 0xffff;
export const ZIP_SIZE_LIMIT = 0xffffffff;

/**
 * A zip archive of `files` (path in the archive, compressed bytes), in the order given, every entry dated `mtime`.
 * Throws a RangeError rather than write an archive whose counts or offsets would wrap past the plain format's limits.
 */
export function zipArchive(files: readonly (readonly [string, CompressedFile])[], mtime: Date): Uint8Array {
  if (files.length > ZIP_ENTRY_LIMIT) {
    throw new RangeError(`${files.length} files are more than a zip archive without ZIP64 holds (${ZIP_ENTRY_LIMIT})`);
  }
  const encoder = new TextEncoder();
  const names = files.map(([name]) => encoder.encode(name));
  const time = dosTime(mtime);
  let localBytes = 0;
  let centralBytes = 0;
  files.forEach(([, file], index) => {
    localBytes += LOCAL_HEADER + names[index]!.length + file.deflated.length;
    centralBytes += CENTRAL_HEADER + names[index]!.length;
  });
  if (localBytes + centralBytes > ZIP_SIZE_LIMIT) {
    throw new RangeError(`${localBytes + centralBytes} bytes are more than a zip archive without ZIP64 holds (4 GiB)`);
  }
  const out = new Uint8Array(localBytes + centralBytes + END_RECORD);
  const view = new DataView(out.buffer);
  let local = 0;
  let central = localBytes;
  files.forEach(([name, file], index) => {
    const encoded = names[index]!;
    // Bit 11 of the flags: the name is UTF-8. fflate sets it only for a name that is not ASCII.
    const utf8 = encoded.length !== name.length ? 8 : 0;
    // A local header and a central directory header hold the same fields; the central one has "version made by"
    // before them, so they sit two bytes further on. Returns where the name goes.
    const header = (at: number, inDirectory: boolean) => {
      view.setUint32(at, inDirectory ? 0x02014b50 : 0x04034b50, true);
      const shift = inDirectory ? 2 : 0;
      if (inDirectory) view.setUint16(at + 4, 20, true);
      view.setUint16(at + 4 + shift, 20, true);
      out[at + 7 + shift] = utf8;
      view.setUint16(at + 8 + shift, 8, true);
      view.setUint32(at + 10 + shift, time, true);
      view.setUint32(at + 14 + shift, file.crc, true);
      view.setUint32(at + 18 + shift, file.deflated.length, true);
      view.setUint32(at + 22 + shift, file.size, true);
      view.setUint16(at + 26 + shift, encoded.length, true);
      return at + 30 + shift;
    };
    const localOffset = local;
    out.set(encoded, header(local, false));
    out.set(file.deflated, local + LOCAL_HEADER + encoded.length);
    local += LOCAL_HEADER + encoded.length + file.deflated.length;
    const after = header(central, true);
    view.setUint32(after + 10, localOffset, true);
    out.set(encoded, after + 14);
    central = after + 14 + encoded.length;
  });
  view.setUint32(central, 0x06054b50, true);
  view.setUint16(central + 8, files.length, true);
  view.setUint16(central + 10, files.length, true);
  view.setUint32(central + 12, centralBytes, true);
  view.setUint32(central + 16, localBytes, true);
  return out;
}
