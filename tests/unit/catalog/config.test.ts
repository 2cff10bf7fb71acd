import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { loadCatalogConfig } from '../../../src/build/config-file.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function configIn(json: unknown): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'config-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'catalog.config.json'), JSON.stringify(json));
  return dir;
}

test.each([
  [{ sources: [{ dir: 3 }] }, 'sources[0].dir: must be the path of a folder'],
  [{ sources: [] }, 'sources: must list at least one folder'],
  [{ sources: [{ dir: 'a', colour: 'red' }] }, 'sources[0]: remove "colour"'],
  [{ sources: [{ dir: 'a', repository: 'not a url' }] }, 'sources[0].repository: must be an http(s) URL'],
  [{ sources: [{ dir: 'a', author: '  ' }] }, 'sources[0].author:'],
  [{ strict: 'yes' }, 'strict:'],
  [{ marketplace: { name: 'Not Kebab', repository: 'o/r' } }, 'marketplace.name: must be kebab-case'],
])('a bad config (%j) names the file, the key and the fix', (json, message) => {
  const dir = configIn(json);
  expect(() => loadCatalogConfig(dir, {})).toThrow(/catalog\.config\.json is not a valid catalogue config/);
  expect(() => loadCatalogConfig(dir, {})).toThrow(message);
});

test('a good config is read with its defaults', () => {
  const dir = configIn({
    sources: [{ dir: 'agents', repository: 'https://github.com/o/r/blob/main/agents/', author: ' Acme ' }],
    marketplace: { name: 'team-agents', repository: 'o/r' },
  });
  const config = loadCatalogConfig(dir, {});
  expect(config.sources[0]).toMatchObject({
    id: 'agents',
    label: 'agents',
    followExternalLinks: false,
    repository: 'https://github.com/o/r/blob/main/agents',
    author: 'Acme',
  });
  expect(config.marketplace).toEqual({ name: 'team-agents', repository: 'o/r' });
  expect(config.strict).toBe(false);
});
