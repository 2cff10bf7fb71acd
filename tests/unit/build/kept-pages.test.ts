import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { codeDigest } from '../../../src/build/kept-pages.ts';

test('the code digest changes with the code, the lock file and the catalogue config, not with content', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'catalog-digest-'));
  try {
    mkdirSync(path.join(root, 'src/pages'), { recursive: true });
    mkdirSync(path.join(root, 'content'));
    writeFileSync(path.join(root, 'src/pages/a.astro'), 'one');
    writeFileSync(path.join(root, 'package-lock.json'), '{}');
    const first = codeDigest(root, { strict: false });
    writeFileSync(path.join(root, 'content/agent.md'), 'content is data, keyed per page');
    expect(codeDigest(root, { strict: false })).toBe(first);
    writeFileSync(path.join(root, 'src/pages/a.astro'), 'two');
    const afterCode = codeDigest(root, { strict: false });
    expect(afterCode).not.toBe(first);
    writeFileSync(path.join(root, 'package-lock.json'), '{"lockfileVersion":3}');
    const afterLock = codeDigest(root, { strict: false });
    expect(afterLock).not.toBe(afterCode);
    expect(codeDigest(root, { strict: true })).not.toBe(afterLock);
    writeFileSync(path.join(root, 'src/pages/b.astro'), '');
    expect(codeDigest(root, { strict: false })).not.toBe(afterLock);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
