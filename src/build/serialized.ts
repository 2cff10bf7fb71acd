import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';

/*
 * Files one build writes for its own processes to read back, in V8's serialisation rather than JSON: at
 * 10,000 agents the search records and the build manifest hold 40 MB, which `JSON.stringify` took 1.4 s
 * of the build's main thread to write and `serialize` 0.4 s. Only the same Node reads them, so the
 * format's ties to it do not matter.
 */

/** Writes `value` to `file`, making its folder. */
export function writeSerialized(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, serialize(value));
}

/** Reads a value `writeSerialized` wrote. */
export function readSerialized(file: string): unknown {
  return deserialize(readFileSync(file));
}
