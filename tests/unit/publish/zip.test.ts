import { unzipSync, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { compressFile, crc32, zipArchive, ZIP_ENTRY_LIMIT } from '../../../src/lib/publish/zip.ts';

const text = (value: string) => new TextEncoder().encode(value);
const MTIME = new Date(1980, 0, 1);

describe('zipArchive', () => {
  test.each<[string, Record<string, Uint8Array>]>([
    ['one small file', { 'README.md': text('# Plugin\n') }],
    [
      'a manifest, a README and agents in a folder',
      {
        '.claude-plugin/plugin.json': text('{\n  "name": "all-catalog"\n}\n'),
        'README.md': text('Agents of the catalogue.\n'),
        'agents/code-reviewer.md': text('---\nname: code-reviewer\ndescription: Reviews.\n---\nReview the diff.\n'.repeat(40)),
      },
    ],
    ['an empty file', { 'agents/empty.md': new Uint8Array() }],
    ['a name that is not ASCII', { 'agents/revisión-ß.md': text('---\nname: revisión\n---\n') }],
    ['bytes that are not text', { 'agents/binary.md': Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256) }],
  ])('%s: the same bytes as fflate zipSync at level 6', (_, files) => {
    const ours = zipArchive(
      Object.entries(files).map(([name, bytes]) => [name, compressFile(bytes)] as const),
      MTIME,
    );
    expect(Buffer.from(ours).equals(Buffer.from(zipSync(files, { level: 6, mtime: MTIME })))).toBe(true);
    expect(unzipSync(ours)).toEqual(files);
  });

  test('one compressed file serves two archives', () => {
    const shared = compressFile(text('---\nname: a\n---\nBody.\n'));
    const first = unzipSync(zipArchive([['agents/a.md', shared]], MTIME));
    const second = unzipSync(
      zipArchive(
        [
          ['x.md', compressFile(text('x'))],
          ['agents/a.md', shared],
        ],
        MTIME,
      ),
    );
    expect(first['agents/a.md']).toEqual(second['agents/a.md']);
  });

  test('refuses more files than a zip archive without ZIP64 can count, rather than wrap the count', () => {
    const file = compressFile(text('x'));
    const names = (count: number) => Array.from({ length: count }, (_, i) => [`agents/${i}.md`, file] as const);
    expect(Object.keys(unzipSync(zipArchive(names(ZIP_ENTRY_LIMIT), MTIME)))).toHaveLength(ZIP_ENTRY_LIMIT);
    expect(() => zipArchive(names(ZIP_ENTRY_LIMIT + 1), MTIME)).toThrow(/65536 files are more than a zip archive/);
  });

  test('refuses a date a zip entry cannot hold', () => {
    expect(() => zipArchive([], new Date(1979, 11, 31))).toThrow(RangeError);
  });
});

describe('crc32', () => {
  test.each<[string, number]>([
    ['', 0],
    ['a', 0xe8b7be43],
    ['123456789', 0xcbf43926],
    ['The quick brown fox jumps over the lazy dog', 0x414fa339],
  ])('crc32(%j)', (input, expected) => {
    expect(crc32(text(input))).toBe(expected);
  });
});
