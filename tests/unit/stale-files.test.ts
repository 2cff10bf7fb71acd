import { expect, test } from 'vitest';
import { agentPageFiles, MTIME_SLACK_MS, staleFiles } from '../../src/lib/stale-files.ts';

const start = 1_000_000;
const keep = new Set([...agentPageFiles(['kept']), 'favicon.svg']);

test.each([
  ['written by this build', 'tools/bash/index.html', start + 5, false],
  ['dated just before the start on a coarse file system', 'index.html', start - MTIME_SLACK_MS, false],
  ['left by the previous build', 'tools/gone/index.html', start - MTIME_SLACK_MS - 1, true],
  ['an agent page the incremental build kept', 'agents/kept/index.html', 0, false],
  ["a removed agent's page", 'agents/removed/index.html', 0, true],
  ["a removed agent's raw file", 'agents/kept.md', 0, true],
  ['a public file', 'favicon.svg', 0, false],
])('a file %s (%s) is stale: %j', (_label, path, mtimeMs, stale) => {
  expect(staleFiles([{ path, mtimeMs }], start, keep)).toEqual(stale ? [path] : []);
});
