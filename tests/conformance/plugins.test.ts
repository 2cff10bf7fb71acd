import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { installClaudeCode, validatePlugin } from '../../scripts/claude-code.ts';
import { CLAUDE_CODE_VERSION } from '../../src/lib/read/claude-code.ts';
import { sourceFromDir } from '../../src/build/config-file.ts';
import { scanSources } from '../../src/build/scan.ts';
import { planServedMarketplace, pluginArchive, servedManifest } from '../../src/lib/publish/served-marketplace.ts';
import { compressFile } from '../../src/lib/publish/zip.ts';

const root = path.resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'plugins-conformance-'));
let binary = '';
beforeAll(() => {
  binary = installClaudeCode(CLAUDE_CODE_VERSION);
}, 600_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.each(['content/agents', 'tests/fixtures/agents'])(
  `Claude Code ${CLAUDE_CODE_VERSION} validates the marketplace served for %s`,
  (folder) => {
    const scan = scanSources([sourceFromDir(folder, root)]);
    const url = 'https://agents.example/catalog/marketplace.json';
    const plan = planServedMarketplace(
      { agents: scan.agents, skipped: scan.skipped, categories: scan.categories, sources: scan.summaries.map((s) => s.source) },
      { name: 'subagent-catalog', owner: 'Subagent Catalog', marketplaceUrl: url },
    );
    const dir = path.join(tmp, folder.replaceAll('/', '-'));

    test('with no error and no warning, and /marketplace.json too', () => {
      mkdirSync(dir, { recursive: true });
      const manifest = servedManifest(plan, url, () => 'a'.repeat(64));
      writeFileSync(path.join(dir, 'marketplace.json'), JSON.stringify(manifest, null, 2));
      const result = validatePlugin(binary, path.join(dir, 'marketplace.json'));
      expect(result, result.output).toMatchObject({ success: true, errors: [], warnings: [] });
    });

    test.each(plan.plugins.map((p) => [p.name, p] as const))('each archive unpacked: %s provides exactly its agents', (name, plugin) => {
      const files = unzipSync(pluginArchive(plugin, (agent) => compressFile(readFileSync(agent.absPath))));
      const pluginDir = path.join(dir, name);
      for (const [file, bytes] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(pluginDir, file)), { recursive: true });
        writeFileSync(path.join(pluginDir, file), bytes);
      }
      const result = validatePlugin(binary, pluginDir);
      expect(result, result.output).toMatchObject({ success: true, errors: [], warnings: [] });
      expect(result.agents.sort()).toEqual(plugin.agents.map((a) => `${name}:${a.name}`).sort());
    });
  },
);

test(`Claude Code ${CLAUDE_CODE_VERSION} validates the git-hosted export of the default catalogue`, () => {
  const out = path.join(tmp, 'export');
  const run = spawnSync(process.execPath, [path.join(root, 'scripts/export-marketplace.ts'), out], { cwd: root, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const result = validatePlugin(binary, out);
  expect(result, result.output).toMatchObject({ success: true, errors: [], warnings: [] });
});
