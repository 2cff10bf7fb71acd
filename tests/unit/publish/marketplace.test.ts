import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CategoryTable } from '../../../src/lib/catalog/categories.ts';
import { loadCatalogConfig } from '../../../src/build/config-file.ts';
import {
  marketplaceSchema,
  planMarketplace,
  pluginManifestSchema,
  pluginNameForCategory,
  type MarketplaceAgent,
  type MarketplaceOptions,
} from '../../../src/lib/publish/marketplace.ts';
import { marketplaceNameProblems } from '../../../src/lib/publish/plugin-manifests.ts';
import { scanSources } from '../../../src/build/scan.ts';

const root = path.resolve(import.meta.dirname, '../../..');

function agent(name: string, categoryId: string, more: Partial<MarketplaceAgent> = {}): MarketplaceAgent {
  return {
    name,
    categoryId,
    sourceId: 'src',
    verdict: 'clean',
    otherFields: [],
    findings: [],
    file: { relPath: `${categoryId}/${name}.md`, absPath: `/agents/${categoryId}/${name}.md`, sha256: `sha-of-${name}` },
    ...more,
  };
}

function plan(agents: MarketplaceAgent[], options: Partial<MarketplaceOptions> = {}, categories: CategoryTable = new Map()) {
  return planMarketplace({ agents, categories }, { name: 'acme-agents', owner: 'Acme', ...options });
}

/** `plugin:agent` for every agent the plan puts in a plugin. */
const included = (result: ReturnType<typeof plan>) => result.plugins.flatMap((p) => p.agents.map((a) => `${p.name}:${a.name}`));

describe('planMarketplace', () => {
  test.each([
    ['clean', true],
    ['warnings', true],
    ['skipped', false],
  ] as const)('an agent whose verdict is %s is included: %s', (verdict, expected) => {
    const result = plan([agent('a', 'core'), agent('b', 'core', { verdict })]);
    expect(included(result).includes('core:b')).toBe(expected);
    expect(result.leftOut.some((f) => f.name === 'b')).toBe(!expected);
  });

  test('a plugin’s version changes exactly when one of its files does, so installed copies update', () => {
    const version = (agents: Parameters<typeof plan>[0], id: string) => plan(agents).plugins.find((p) => p.name === id)!.manifest.version;
    const before = [agent('a', 'core'), agent('b', 'docs')];
    const after = [agent('a', 'core', { file: { relPath: 'core/a.md', absPath: '/a', sha256: 'changed' } }), agent('b', 'docs')];
    expect(version(after, 'core')).not.toBe(version(before, 'core'));
    expect(version(after, 'docs')).toBe(version(before, 'docs'));
  });

  test('a skipped file of the scan is reported with its first error', () => {
    const findings = [
      {
        source: 'src',
        file: 'core/x.md',
        line: 1,
        column: 1,
        rule: 'description-missing' as const,
        severity: 'error' as const,
        message: 'No `description` field.',
        hint: '',
      },
    ];
    const result = planMarketplace(
      { agents: [agent('a', 'core')], skipped: [{ sourceId: 'src', relPath: 'core/x.md', findings }], categories: new Map() },
      { name: 'acme-agents', owner: 'Acme' },
    );
    expect(result.leftOut).toEqual([
      { sourceId: 'src', relPath: 'core/x.md', reason: 'Claude Code skips it (description-missing: No `description` field.)' },
    ]);
  });

  test.each([
    [
      'same name, same category: the first in source order stays',
      [agent('dup', 'core', { sourceId: 'a' }), agent('dup', 'core', { sourceId: 'b' })],
      ['core:dup'],
      ['b'],
    ],
    ['same name, other categories: both stay', [agent('dup', 'core'), agent('dup', 'data')], ['core:dup', 'data:dup'], []],
    ['different names: both stay', [agent('one', 'core'), agent('two', 'core')], ['core:one', 'core:two'], []],
  ])('collisions: %s', (_, agents, kept, leftOutSources) => {
    const result = plan(agents);
    expect(included(result)).toEqual(kept);
    expect(result.leftOut.map((f) => f.sourceId)).toEqual(leftOutSources);
    for (const file of result.leftOut) expect(file.reason).toBe('plugin "core" already has an agent named "dup" (a: core/dup.md)');
  });

  test.each([
    [['permissionMode'], ['permissionMode']],
    [
      ['hooks', 'color', 'mcpServers'],
      ['hooks', 'mcpServers'],
    ],
    [['color', 'memory'], undefined],
  ])('fields %j: plugins ignore %j, and the agent is still included', (keys, ignored) => {
    const otherFields = keys.map((key) => ({ key, value: 'x', standard: true }));
    const result = plan([agent('a', 'core', { otherFields })]);
    expect(included(result)).toEqual(['core:a']);
    expect(result.ignoredFields).toEqual(
      ignored ? [{ plugin: 'core', name: 'a', sourceId: 'src', relPath: 'core/a.md', fields: ignored }] : [],
    );
  });

  test('two files of one name in a category keep their names apart, and paths sit under the plugin', () => {
    const a = agent('reviewer', 'core', { file: { relPath: 'core/x/reviewer.md', absPath: '/a', sha256: 'a' } });
    const b = agent('strict-reviewer', 'core', { file: { relPath: 'core/y/Reviewer.MD', absPath: '/b', sha256: 'b' } });
    expect(plan([a, b]).plugins[0]!.agents.map((f) => f.path)).toEqual([
      'plugins/core/agents/reviewer.md',
      'plugins/core/agents/strict-reviewer.md',
    ]);
  });

  test('plugins follow the category order, then labels', () => {
    const categories: CategoryTable = new Map([
      ['zeta', { label: 'Zeta', order: 1 }],
      ['alpha', { label: 'Alpha' }],
    ]);
    const result = plan([agent('a', 'alpha'), agent('b', 'beta'), agent('c', 'zeta')], {}, categories);
    expect(result.plugins.map((p) => p.name)).toEqual(['zeta', 'alpha', 'beta']);
  });

  test('the plan passes its own schemas, and its entries point at its plugin folders', () => {
    const result = plan(
      [agent('a', 'core'), agent('b', 'claude-tools'), agent('c', 'agents-claude-tools')],
      {},
      new Map([['core', { label: 'Core', description: 'Core agents.' }]]),
    );
    expect(result.errors).toEqual([]);
    expect(marketplaceSchema.parse(result.manifest)).toEqual(result.manifest);
    for (const p of result.plugins) expect(pluginManifestSchema.parse(p.manifest)).toEqual(p.manifest);
    // Categories sort by label ("Agents Claude Tools" first), and the first to ask for a name gets it.
    expect(result.manifest.plugins.map((e) => [e.name, e.source, e.category])).toEqual([
      ['agents-tools', './plugins/agents-tools', 'agents-claude-tools'],
      ['agents-tools-2', './plugins/agents-tools-2', 'claude-tools'],
      ['core', './plugins/core', 'core'],
    ]);
    expect(result.plugins.find((p) => p.name === 'core')!.manifest).toEqual({
      name: 'core',
      description: 'Core agents.',
      version: expect.stringMatching(/^1\.0\.0-[0-9a-z]+$/),
      author: { name: 'Acme' },
    });
    expect(result.notes).toEqual([
      `category "agents-claude-tools" is published as plugin "agents-tools": "agents-claude-tools" has the word "claude", which reads as one of Anthropic's own plugins`,
      `category "claude-tools" is published as plugin "agents-tools-2": plugin names starting with "claude-" are reserved for Anthropic's own plugins`,
    ]);
  });

  test.each([
    [[], 'acme-agents', 'Acme', /nothing to export/],
    [[agent('a', 'core')], 'acme-agents', '  ', /owner must not be empty/],
    [[agent('a', 'core', { verdict: 'skipped' })], 'acme-agents', 'Acme', /nothing to export/],
    [[agent('a', 'core')], 'claude-plugins-official', 'Acme', /is reserved/],
  ])('a plan with nothing to publish or a bad name or owner has errors (%#)', (agents, name, owner, error) => {
    expect(plan(agents, { name, owner }).errors).toEqual([expect.stringMatching(error)]);
  });
});

test('agent files and plugin folders of the export are names Windows can hold: no device names, no reserved characters', () => {
  const files = (rel: string, name: string) =>
    agent(name, 'con', { file: { relPath: rel, absPath: `/agents/${rel}`, sha256: `sha-${rel}` } });
  const result = plan([
    files('con/CON.md', 'CON'),
    files('con/aux.txt.md', 'aux-text'),
    files('con/odd"name*x|y:.md', 'odd-chars'),
    files('con/fine.md', 'fine'),
  ]);
  const paths = result.plugins.flatMap((p) => [p.dir, ...p.agents.map((a) => a.path)]);
  expect(paths).toEqual([
    'plugins/con-uncategorised',
    'plugins/con-uncategorised/agents/con-agent.md',
    'plugins/con-uncategorised/agents/aux-text.md',
    'plugins/con-uncategorised/agents/odd-chars.md',
    'plugins/con-uncategorised/agents/fine.md',
  ]);
});

describe('names', () => {
  test.each([
    ['subagent-catalog', undefined, 0],
    ['acme-agents-2', undefined, 0],
    ['claude-plugins-official', /"claude-plugins-official" is reserved/, 0],
    ['claude-code-marketplace', /is reserved/, 0],
    ['anthropic-marketplace', /is reserved/, 0],
    ['agent-skills', /is reserved/, 0],
    ['github', /is reserved/, 0],
    ['official-claude-plugins', /impersonates/, 0],
    ['claude-plugins-v2', /impersonates/, 0],
    ['claudeai-team', /claudeai-/, 0],
    ['Acme Agents', /must be kebab-case/, 0],
    ['acme--agents', /must be kebab-case/, 0],
    ['acme_agents', /must be kebab-case/, 0],
    ['acme-official-agents', undefined, 1],
    ['anthropic-fans', undefined, 1],
  ])('marketplace name %j: error %s, %i warnings', (name, error, warnings) => {
    const problems = marketplaceNameProblems(name);
    expect(problems.errors).toEqual(error ? [expect.stringMatching(error)] : []);
    expect(problems.warnings).toHaveLength(warnings);
    expect(marketplaceSchema.shape.name.safeParse(name).success).toBe(!error);
  });

  test.each([
    ['core-development', 'core-development'],
    ['Data_AI', 'data-ai'],
    ['01 Weird  Category!', '01-weird-category'],
    ['Café Tools', 'cafe-tools'],
    ['', 'uncategorised'],
    ['---', 'uncategorised'],
    ['constructor', 'constructor'],
    ['claude-code', 'agents-code'],
    ['Claude', 'agents-uncategorised'],
    ['official-anthropic', 'agents-uncategorised'],
    ['tools-for-claude', 'agents-tools-for'],
    ['agents-claude-tools', 'agents-tools'],
    ['anthropics-sdk', 'agents-sdk'],
    ['cc-plugin-helpers', 'agents-cc-plugin-helpers'],
  ])('category %j becomes plugin %j', (categoryId, expected) => {
    const name = pluginNameForCategory(categoryId);
    expect(name).toBe(expected);
    expect(pluginManifestSchema.shape.name.safeParse(name).success).toBe(true);
  });

  test('a very long category id becomes a plugin name cut to 80 characters plus a hash', () => {
    const name = pluginNameForCategory('x'.repeat(200));
    expect(name).toMatch(/^x{80}-[a-z0-9]+$/);
    expect(pluginManifestSchema.shape.name.safeParse(name).success).toBe(true);
  });
});

function runExport(args: string[], env: Record<string, string | undefined> = {}) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'AGENTS_DIR' && key !== 'CATALOG_CONFIG'));
  const result = spawnSync(process.execPath, ['scripts/export-marketplace.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...base, ...env },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const claudeOnPath = (process.env['PATH'] ?? '').split(path.delimiter).some((dir) => dir !== '' && existsSync(path.join(dir, 'claude')));
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true }).flatMap((e) =>
    e.isFile() ? [path.relative(dir, path.join(e.parentPath, e.name))] : [],
  );

describe('export:marketplace on the default catalogue', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'marketplace-'));
  const out = path.join(tmp, 'out');
  // Counted from the sources, so adding an agent to content/ needs no edit here.
  const scan = scanSources(loadCatalogConfig(root, {}).sources);
  const categoryCount = new Set(scan.agents.map((a) => a.categoryId)).size;
  let run: ReturnType<typeof runExport>;
  beforeAll(() => {
    run = runExport([out]);
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  test('writes every agent in one plugin per category and says so', () => {
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(scan.agents.length).toBeGreaterThan(100);
    expect(run.out).toMatch(
      new RegExp(`^Wrote marketplace "subagent-catalog" to .+: ${categoryCount} plugins, ${scan.agents.length} agents\\.$`, 'm'),
    );
    expect(run.out).not.toContain('Left out');
    expect(run.out.includes('claude plugin validate')).toBe(claudeOnPath);
  });

  test('marketplace.json and every plugin.json pass the schemas, and every source is a plugin folder', () => {
    const manifest = marketplaceSchema.parse(readJson(path.join(out, '.claude-plugin/marketplace.json')));
    expect(manifest.plugins).toHaveLength(categoryCount);
    for (const entry of manifest.plugins) {
      expect(typeof entry.source).toBe('string');
      const pluginDir = path.join(out, entry.source as string);
      expect(existsSync(pluginDir)).toBe(true);
      const plugin = pluginManifestSchema.parse(readJson(path.join(pluginDir, '.claude-plugin/plugin.json')));
      expect(plugin).toMatchObject({
        name: entry.name,
        version: expect.stringMatching(/^1\.0\.0-[0-9a-z]+$/),
        description: entry.description,
      });
    }
    expect(readFileSync(path.join(out, '.claude-plugin/marketplace.json'), 'utf8')).toMatch(/^\{\n {2}"name"[\s\S]*\}\n$/);
  });

  test('every agent file is a byte-for-byte copy of its source, and nothing else is written', () => {
    const expected = scan.agents.map((a) => `plugins/${pluginNameForCategory(a.categoryId)}/agents/${path.basename(a.file.relPath)}`);
    for (const [index, a] of scan.agents.entries())
      expect(readFileSync(path.join(out, expected[index]!)).equals(readFileSync(a.file.absPath))).toBe(true);
    const manifests = [
      '.claude-plugin/marketplace.json',
      ...new Set(scan.agents.map((a) => `plugins/${pluginNameForCategory(a.categoryId)}/.claude-plugin/plugin.json`)),
    ];
    expect(
      filesUnder(out)
        .map((f) => f.split(path.sep).join('/'))
        .sort(),
    ).toEqual([...expected, ...manifests].sort());
  });

  test('a second export replaces plugins/ and the manifest but keeps the other files', () => {
    writeFileSync(path.join(out, 'README.md'), 'Our agents.\n');
    mkdirSync(path.join(out, 'plugins/stale/agents'), { recursive: true });
    writeFileSync(path.join(out, 'plugins/stale/agents/old.md'), 'old');
    const again = runExport([out, '--name', 'acme-agents', '--owner', 'Acme']);
    expect(again.code).toBe(0);
    expect(readFileSync(path.join(out, 'README.md'), 'utf8')).toBe('Our agents.\n');
    expect(existsSync(path.join(out, 'plugins/stale'))).toBe(false);
    expect(readJson(path.join(out, '.claude-plugin/marketplace.json'))).toMatchObject({ name: 'acme-agents', owner: { name: 'Acme' } });
  });
});

describe('export:marketplace on a small folder', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'marketplace-small-'));
  const agents = path.join(tmp, 'agents');
  const files: Record<string, string> = {
    'core/good.md': '---\nname: good\ndescription: Use when testing.\n---\nBody.\n',
    'core/broken.md': '---\nname: broken\n---\nNo description, so Claude Code skips it.\n',
    'core/more/good-again.md': '---\nname: good\ndescription: Use when testing again.\n---\nBody.\n',
    'ops/deployer.md':
      '---\nname: deployer\ndescription: Use when deploying.\npermissionMode: acceptEdits\nhooks:\n  Stop: []\n---\nBody.\n',
  };
  beforeAll(() => {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(agents, file)), { recursive: true });
      writeFileSync(path.join(agents, file), text);
    }
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  test('the report lists plugins, files left out and why, and agents that depend on ignored fields', () => {
    const { code, out } = runExport([path.join(tmp, 'out')], { AGENTS_DIR: agents });
    expect(code).toBe(0);
    const shown = (file: string) => path.join(agents, file);
    expect(out).toContain('2 plugins, 2 agents.');
    expect(out).toMatch(/^ {2}core +1 agent$/m);
    expect(out).toContain('Left out (2):');
    expect(out).toContain(`${shown('core/broken.md')}: Claude Code skips it (description-missing:`);
    expect(out).toContain(
      `${shown('core/more/good-again.md')} (agent "good"): plugin "core" already has an agent named "good" (agents: core/good.md)`,
    );
    expect(out).toContain(`ops:deployer (${shown('ops/deployer.md')}): permissionMode, hooks`);
    expect(readFileSync(path.join(tmp, 'out/plugins/ops/agents/deployer.md'), 'utf8')).toBe(files['ops/deployer.md']);
  });

  test.each([
    [['<out>', '--name', 'claude-plugins-official'], 1, /reserved by Claude Code[\s\S]*Nothing was written/],
    [['<out>', '--name', 'Acme Agents'], 1, /must be kebab-case/],
    [['<out>', '--owner', ''], 1, /owner must not be empty/],
    [['<out>', '--bogus'], 2, /Unknown option/],
    [['<out>', 'second-folder'], 2, /Expected one folder/],
    [[], 2, /Name the folder/],
  ])('export:marketplace %j exits %i and writes nothing', (args, code, message) => {
    const target = path.join(tmp, 'refused');
    const result = runExport(
      args.map((arg) => (arg === '<out>' ? target : arg)),
      { AGENTS_DIR: agents },
    );
    expect(result.code).toBe(code);
    expect(result.err).toMatch(message);
    expect(existsSync(target)).toBe(false);
  });

  test('a folder that is not empty and holds no marketplace is left alone', () => {
    const target = path.join(tmp, 'busy');
    mkdirSync(target);
    writeFileSync(path.join(target, 'notes.txt'), 'mine');
    const result = runExport([target], { AGENTS_DIR: agents });
    expect(result.code).toBe(2);
    expect(result.err).toContain('refusing to write there');
    expect(readdirSync(target)).toEqual(['notes.txt']);
  });
});
