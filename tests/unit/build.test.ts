import { spawnSync } from 'node:child_process';
import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function buildFixtures(env: Record<string, string>) {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'catalog-build-'));
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, AGENTS_DIR: 'tests/fixtures/agents', OUT_DIR: outDir, ...env },
  });
  const built = existsSync(path.join(outDir, 'index.html'));
  rmSync(outDir, { recursive: true, force: true });
  return { code: result.status, output: result.stdout + result.stderr, built };
}

test('bad files do not take the build down, and the build ends with a summary', { timeout: 120_000 }, () => {
  const { code, output, built } = buildFixtures({});
  expect(code).toBe(0);
  expect(built).toBe(true);
  expect(output).toMatch(/agents \(tests\/fixtures\/agents\): 9 agent pages, 2 skipped, 5 errors, 12 warnings, 2 notes/);
  expect(output).toContain('skipped tests/fixtures/agents/messy/no-frontmatter.md:1 [frontmatter-missing]');
});

test('strict mode fails the build on the first error or warning, naming the file and line', { timeout: 120_000 }, () => {
  const { code, output } = buildFixtures({ STRICT: '1' });
  expect(code).not.toBe(0);
  expect(output).toMatch(/Strict mode: \d+ finding\(s\) fail the build\. First: tests\/fixtures\/agents\/\S+\.md:\d+/);
});
