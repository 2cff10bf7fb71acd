import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, vi } from 'vitest';
import { sourceFromDir } from '../../../src/build/config-file.ts';
import { scanSources } from '../../../src/build/scan.ts';

// A bug in one check must not take the scan down: the file it fails on becomes an internal-error finding.
vi.mock('../../../src/lib/check/checks.ts', async (original) => {
  const real = await original<typeof import('../../../src/lib/check/checks.ts')>();
  return {
    ...real,
    checkAgent: (input: Parameters<typeof real.checkAgent>[0]) => {
      if (input.agent.name === 'trips-a-bug') throw new TypeError('Cannot read properties of undefined');
      return real.checkAgent(input);
    },
  };
});

test('an unexpected exception on one file becomes an internal-error finding for that file, and the scan goes on', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'internal-'));
  try {
    writeFileSync(path.join(dir, 'bad.md'), '---\nname: trips-a-bug\ndescription: d\n---\n');
    writeFileSync(path.join(dir, 'good.md'), '---\nname: fine\ndescription: d\n---\n');
    const scan = scanSources([sourceFromDir(dir, process.cwd())]);
    expect(scan.agents.map((a) => a.name)).toEqual(['fine']);
    expect(scan.skipped).toEqual([
      {
        sourceId: expect.any(String),
        relPath: 'bad.md',
        findings: [
          expect.objectContaining({
            rule: 'internal-error',
            severity: 'error',
            file: 'bad.md',
            message: expect.stringContaining('Cannot read properties'),
          }),
        ],
      },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
