import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import type { MarketplaceAgent } from '../../../src/lib/publish/marketplace.ts';
import { marketplaceSchema, pluginManifestSchema } from '../../../src/lib/publish/plugin-manifests.ts';
import {
  planServedMarketplace,
  pluginArchive,
  pluginNameForSource,
  servedManifest,
  servedMarketplaceUrl,
  servedPluginLines,
} from '../../../src/lib/publish/served-marketplace.ts';
import { compressFile } from '../../../src/lib/publish/zip.ts';
import { gitPluginLineTable, NO_PLUGIN_LINES, servedPluginLineTable } from '../../../src/lib/views/plugin-lines.ts';

function agent(name: string, categoryId: string, more: Partial<MarketplaceAgent> = {}): MarketplaceAgent {
  return {
    name,
    categoryId,
    sourceId: 'team',
    verdict: 'clean',
    otherFields: [],
    findings: [],
    file: { relPath: `${categoryId}/${name}.md`, absPath: `/agents/${categoryId}/${name}.md`, sha256: `sha-of-${name}` },
    ...more,
  };
}

const sources = [
  { id: 'team', label: 'Team agents' },
  { id: 'other', label: 'Other agents' },
];
const plan = (agents: MarketplaceAgent[], extra: Parameters<typeof planServedMarketplace>[0]['skipped'] = []) =>
  planServedMarketplace({ agents, skipped: extra, categories: new Map(), sources }, { name: 'acme-agents', owner: 'Acme' });
const held = (result: ReturnType<typeof plan>) => result.plugins.map((p) => `${p.name}: ${p.agents.map((a) => a.name).join(' ')}`);
const bytesOf = (absPath: string) => new TextEncoder().encode(`---\nname: x\ndescription: bytes of ${absPath}\n---\nBody.\n`);

describe('servedMarketplaceUrl', () => {
  test.each([
    [undefined, '/', undefined],
    ['https://agents.example', '/', 'https://agents.example/marketplace.json'],
    ['https://agents.example', '/catalog/', 'https://agents.example/catalog/marketplace.json'],
    ['https://agents.example/ignored/', '/catalog/', 'https://agents.example/catalog/marketplace.json'],
    ['http://agents.example', '/', undefined],
    ['https://localhost:4321', '/', undefined],
    ['https://127.0.0.1', '/', undefined],
    ['https://[::1]', '/', undefined],
    ['https://169.254.169.254', '/', undefined],
    ['https://docs.localhost', '/', undefined],
    ['https://[fe80::1]', '/', undefined],
  ])('SITE_URL %s with base %s serves the marketplace at %s', (url, base, expected) => {
    const served = servedMarketplaceUrl({ url, base });
    if (expected) expect(served).toEqual({ url: expected });
    else expect('reason' in served && served.reason).toMatch(/SITE_URL|https|loopback/);
  });
});

describe('planServedMarketplace', () => {
  test('one plugin per category in category order, then one per source with all of its agents', () => {
    const result = plan([agent('a', 'core'), agent('b', 'docs'), agent('c', 'core'), agent('d', 'docs', { sourceId: 'other' })]);
    expect(held(result)).toEqual(['core: a c', 'docs: b d', 'all-team: a b c', 'all-other: d']);
    expect(result.plugins.map((p) => [p.kind, p.key, p.archivePath])).toEqual([
      ['category', 'core', 'plugins/core.zip'],
      ['category', 'docs', 'plugins/docs.zip'],
      ['source', 'team', 'plugins/all-team.zip'],
      ['source', 'other', 'plugins/all-other.zip'],
    ]);
  });

  test.each([
    ['an agent Claude Code skips', [agent('a', 'core'), agent('b', 'core', { verdict: 'skipped' })], 'core', /Claude Code skips it/],
    [
      'a second agent of a name the plugin holds',
      [agent('a', 'core'), agent('a', 'core', { file: { relPath: 'core/deeper/a.md', absPath: '/x', sha256: 'y' } })],
      'core',
      /already has an agent named "a"/,
    ],
  ])('%s is left out of the plugin and listed, in the plan and in the README', (_, agents, plugin, reason) => {
    const result = plan(agents);
    const found = result.plugins.find((p) => p.name === plugin)!;
    expect(found.agents.map((a) => a.name)).toEqual(['a']);
    expect(found.leftOut).toHaveLength(1);
    expect(found.leftOut[0]!.reason).toMatch(reason);
    expect(found.readme).toContain('## Left out');
    expect(found.readme).toContain(found.leftOut[0]!.relPath);
  });

  test('a file skipped before it had a page is listed under its source’s plugin only', () => {
    const result = plan([agent('a', 'core')], [{ sourceId: 'team', relPath: 'core/broken.md', findings: [] as never }]);
    expect(result.plugins.find((p) => p.name === 'core')!.leftOut).toEqual([]);
    expect(result.plugins.find((p) => p.name === 'all-team')!.leftOut.map((f) => f.relPath)).toEqual(['core/broken.md']);
  });

  test('a source plugin whose name a category took gets a number', () => {
    const result = plan([agent('a', 'all-team')]);
    expect(result.plugins.map((p) => p.name)).toEqual(['all-team', 'all-team-2']);
  });

  test.each([
    ['team', 'all-team'],
    ['Data & AI', 'all-data-ai'],
  ])('the source %s is the plugin %s', (id, name) => expect(pluginNameForSource(id)).toBe(name));

  test('the README has the forty words Claude Code’s checks ask for, each agent, and the install lines when the address is known', () => {
    const result = planServedMarketplace(
      { agents: [agent('a', 'core')], categories: new Map(), sources },
      { name: 'acme-agents', owner: 'Acme', marketplaceUrl: 'https://agents.example/marketplace.json' },
    );
    const readme = result.plugins[0]!.readme;
    expect(readme.split(/\s+/).length).toBeGreaterThanOrEqual(40);
    expect(readme).toContain('- `a` (`agents/a.md`)');
    expect(readme).toContain('/plugin marketplace add https://agents.example/marketplace.json\n/plugin install core@acme-agents');
  });

  test('a name Claude Code reserves is an error', () => {
    const result = planServedMarketplace(
      { agents: [agent('a', 'core')], categories: new Map(), sources },
      { name: 'claude-plugins-official', owner: 'Acme' },
    );
    expect(result.errors.join(' ')).toMatch(/reserved/);
  });
});

describe('pluginArchive and servedManifest', () => {
  const result = plan([agent('a', 'core'), agent('b', 'core')]);
  const core = result.plugins[0]!;

  test('the archive holds plugin.json, the README and each agent file byte for byte', () => {
    const files = unzipSync(pluginArchive(core, (file) => compressFile(bytesOf(file.absPath))));
    expect(Object.keys(files).sort()).toEqual(['.claude-plugin/plugin.json', 'README.md', 'agents/a.md', 'agents/b.md']);
    expect(files['agents/a.md']).toEqual(bytesOf('/agents/core/a.md'));
    const manifest: unknown = JSON.parse(new TextDecoder().decode(files['.claude-plugin/plugin.json']));
    expect(pluginManifestSchema.parse(manifest)).toMatchObject({ name: 'core', author: { name: 'Acme' } });
  });

  test('the same files give the same archive, so the same SHA-256, build after build', () => {
    const digest = () =>
      createHash('sha256')
        .update(pluginArchive(core, (file) => compressFile(bytesOf(file.absPath))))
        .digest('hex');
    expect(digest()).toBe(digest());
  });

  test('the manifest lists every archive at its https address with its SHA-256, and passes the schema', () => {
    const manifest = servedManifest(result, 'https://agents.example/catalog/marketplace.json', (p) => `${p.name.length}`.padStart(64, '0'));
    expect(marketplaceSchema.parse(manifest).plugins.map((p) => p.source)).toEqual([
      { source: 'archive', url: 'https://agents.example/catalog/plugins/core.zip', sha256: '0'.repeat(63) + '4' },
      { source: 'archive', url: 'https://agents.example/catalog/plugins/all-team.zip', sha256: '0'.repeat(63) + '8' },
    ]);
  });

  test.each([
    ['http://agents.example/a.zip', false],
    ['https://localhost/a.zip', false],
    ['https://127.0.0.1/a.zip', false],
    ['https://docs.localhost/a.zip', false],
    ['https://0.0.0.0/a.zip', false],
    ['https://[fe80::1]/a.zip', false],
    ['https://metadata.google.internal/a.zip', false],
    ['https://agents.example/a.zip', true],
    ['https://localhost.agents.example/a.zip', true],
  ])('an archive source at %s passes the schema: %s', (url, expected) => {
    const entry = { name: 'core', source: { source: 'archive', url, sha256: 'a'.repeat(64) } };
    expect(marketplaceSchema.safeParse({ name: 'acme-agents', owner: { name: 'Acme' }, plugins: [entry] }).success).toBe(expected);
  });
});

describe('plugin line tables', () => {
  const result = plan([agent('a', 'core'), agent('a', 'core', { file: { relPath: 'core/b/a.md', absPath: '/x', sha256: 'y' } })]);
  const url = 'https://agents.example/marketplace.json';
  const table = servedPluginLineTable(result, url);

  test('a category and a source show their own plugin’s lines', () => {
    expect(table.category('core')).toMatchObject({ ...servedPluginLines(url, 'acme-agents', 'core'), scope: 'category' });
    expect(table.source('team')).toMatchObject({ install: '/plugin install all-team@acme-agents', scope: 'source' });
    expect(table.category('core')!.leftOut).toEqual([
      { file: 'team: core/b/a.md', reason: expect.stringMatching(/already has/) as string },
    ]);
  });

  test.each([
    ['the agent a plugin holds', { sourceId: 'team', categoryId: 'core', verdict: 'clean', file: { relPath: 'core/a.md' } }, true],
    ['an agent it leaves out', { sourceId: 'team', categoryId: 'core', verdict: 'clean', file: { relPath: 'core/b/a.md' } }, false],
  ])('%s shows the lines: %s', (_, shown, expected) => expect(table.agent(shown) !== undefined).toBe(expected));

  test('a git-hosted marketplace: category lines with its repository, and none for sources', () => {
    const git = gitPluginLineTable({ name: 'acme-agents', repository: 'acme/agents' });
    expect(git.category('core')).toMatchObject({ add: '/plugin marketplace add acme/agents', install: '/plugin install core@acme-agents' });
    expect(git.source('team')).toBeUndefined();
    expect(git.agent({ sourceId: 'team', categoryId: 'core', verdict: 'skipped', file: { relPath: 'x.md' } })).toBeUndefined();
  });

  test('no marketplace: no lines', () => {
    expect([NO_PLUGIN_LINES.category('core'), NO_PLUGIN_LINES.source('team'), NO_PLUGIN_LINES.about]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});
