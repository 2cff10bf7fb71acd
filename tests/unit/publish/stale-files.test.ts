import { expect, test } from 'vitest';
import { agentPageFiles, pageFile, staleCandidates, staleFiles } from '../../../src/lib/publish/stale-files.ts';

const start = 1_000_000;
const keep = new Set([...agentPageFiles(['kept']), 'favicon.svg']);

test.each([
  ['written by this build', 'tools/bash/index.html', start + 5, false],
  ['dated like the start on a coarse file system', 'index.html', start, false],
  ['left by the previous build a moment before', 'tools/gone/index.html', start - 1, true],
  ['an agent page the incremental build kept', 'agents/kept/index.html', 0, false],
  ["a removed agent's page", 'agents/removed/index.html', 0, true],
  ["a removed agent's raw file", 'agents/kept.md', 0, true],
  ['a public file', 'favicon.svg', 0, false],
])('a file %s (%s) is stale: %j', (_label, path, mtimeMs, stale) => {
  expect(staleFiles([{ path, mtimeMs }], start, keep)).toEqual(stale ? [path] : []);
});

test.each([
  ['', 'index.html'],
  ['agents/x/', 'agents/x/index.html'],
  ['/tools/bash/', 'tools/bash/index.html'],
  ['about', 'about/index.html'],
  ['404.html', '404.html'],
])('Astro writes the page %j to %j', (pathname, file) => {
  expect(pageFile(pathname)).toBe(file);
});

test('only files this build is not known to have written are checked', () => {
  const previous = [
    'index.html',
    'agents/a/index.html',
    'agents/gone/index.html',
    'pagefind/fragment/x.pf_fragment',
    '_astro/old.css',
    'agents/a.md',
  ];
  const current = new Set(['index.html', 'agents/a/index.html', 'agents/a.md']);
  expect(staleCandidates(previous, current, ['pagefind'])).toEqual(['agents/gone/index.html', '_astro/old.css']);
});
