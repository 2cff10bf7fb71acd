import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { bundleSummary } from '../../../src/lib/publish/bundle.ts';
import { mergedAgentsJson } from '../../../src/lib/fields/claude-agents.ts';
import { cliAgent } from '../../../src/lib/fields/claude-agents.ts';
import { sourceFromDir } from '../../../src/build/config-file.ts';
import { atomFeed, llmsTxt, robotsTxt } from '../../../src/lib/publish/feeds.ts';
import { agentFile, agentRecord, agentsFileSchema, OPEN_DATA_VERSION, type AgentRecord } from '../../../src/lib/publish/open-data.ts';
import { scanSources } from '../../../src/build/scan.ts';
import { type ScanResult } from '../../../src/lib/catalog/assemble.ts';
import { nameWords, searchIndexKey, searchRecord } from '../../../src/lib/search/records.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const corpora = readdirSync(path.join(root, 'tests/corpora'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => `tests/corpora/${e.name}`);

function records(scan: ScanResult): AgentRecord[] {
  return scan.agents.map((agent) =>
    agentRecord(agent, {
      categoryLabel: scan.categories.get(agent.categoryId)?.label ?? agent.categoryId,
      sourceLabel: agent.sourceId,
      publish: (p) => p,
      pagePath: `/agents/${agent.slug}/`,
      rawPath: `/agents/${agent.slug}.md`,
    }),
  );
}

describe('agents.json', () => {
  test.each([
    ['the default catalogue', ['content/agents']],
    ['the seven corpora', corpora],
  ])('validates against its own schema for %s', (_label, dirs) => {
    const scan = scanSources(dirs.map((d) => sourceFromDir(d, root)));
    const file = { version: OPEN_DATA_VERSION, site: null, count: scan.agents.length, agents: records(scan) };
    expect(agentsFileSchema.safeParse(file).success).toBe(true);
  });
});

describe('claude --agents', () => {
  const base = { description: 'Use when testing.', tools: ['Bash(npm test)'] };
  test.each([
    ['tools become an array of entries as written', {}, { tools: ['Bash(npm test)'] }],
    [
      'fields pass through as written',
      { model: 'opus', maxTurns: 5, permissionMode: 'plan' },
      { model: 'opus', maxTurns: 5, permissionMode: 'plan' },
    ],
    [
      'disallowedTools and skills become arrays',
      { disallowedTools: 'Write, Edit', skills: 'a' },
      { disallowedTools: ['Write', 'Edit'], skills: ['a'] },
    ],
  ])('%s', (_label, fields, expected) =>
    expect(cliAgent(base, 'Prompt.', fields)).toMatchObject({ description: 'Use when testing.', prompt: 'Prompt.', ...expected }),
  );

  test('an agent without a tools field keeps inheriting every tool', () => {
    expect(cliAgent({ ...base, tools: null }, 'P', {})).not.toHaveProperty('tools');
  });

  test('an agent file holds the record and the claude --agents form keyed by name', () => {
    const scan = scanSources([sourceFromDir('content/agents', root)]);
    const agent = scan.agents[0]!;
    const file = agentFile(records(scan)[0]!, agent.body, agent.cliFields);
    expect(Object.keys(file.claudeAgents)).toEqual([agent.name]);
  });
});

describe('llms.txt, the feed and robots.txt', () => {
  const scan = scanSources([sourceFromDir('content/agents', root)]);
  const all = records(scan);
  test('llms.txt has a title, a summary and one link per agent', () => {
    const text = llmsTxt(all, { full: false });
    expect(text.startsWith('# Subagent Catalog\n\n> ')).toBe(true);
    expect(text.match(/^- \[/gm)).toHaveLength(all.length);
  });
  test('the feed lists the newest agents first and is the same for the same input', () => {
    const dated = all.slice(0, 3).map((record, i) => ({ record, updated: `2026-0${i + 1}-01T00:00:00Z` }));
    const feed = atomFeed(dated, { siteUrl: 'https://x.test/', feedUrl: 'https://x.test/feed.xml', undatedSources: [] });
    expect(feed).toBe(
      atomFeed([...dated].reverse(), { siteUrl: 'https://x.test/', feedUrl: 'https://x.test/feed.xml', undatedSources: [] }),
    );
    expect(feed.indexOf(dated[2]!.record.name)).toBeLessThan(feed.indexOf(dated[0]!.record.name));
    expect(feed).toContain('<updated>2026-03-01T00:00:00Z</updated>');
  });
  test('a source not in git is named in the feed, not given invented dates', () => {
    expect(atomFeed([], { siteUrl: '/', feedUrl: '/feed.xml', undatedSources: ['Team agents'] })).toContain(
      'No dates for Team agents: not in git',
    );
  });
  test.each([
    [undefined, 'User-agent: *\nAllow: /\n'],
    ['https://x.test/sitemap-index.xml', 'User-agent: *\nAllow: /\n\nSitemap: https://x.test/sitemap-index.xml\n'],
  ])('robotsTxt(%j)', (sitemap, text) => expect(robotsTxt(sitemap)).toBe(text));
});

describe('search records', () => {
  test.each([
    ['prompt-engineer', 'prompt-engineer prompt engineer promptengineer'],
    ['debugger', 'debugger'],
    ['CSharpExpert', 'CSharpExpert'],
  ])('nameWords(%j)', (name, words) => expect(nameWords(name)).toBe(words));

  test('every value is escaped', () => {
    const scan = scanSources([sourceFromDir('tests/fixtures/agents', root)]);
    const agent = scan.agents.find((a) => a.file.relPath === 'hostile/name-injector.md')!;
    const { html } = searchRecord({ agent, url: '/x/', categoryLabel: '<b>', sourceLabel: 's' });
    expect(html).not.toMatch(/<img|<b>/);
  });

  // The index of the previous build is kept only when its key is the same.
  const records = [
    { url: '/a/', html: '<p>a</p>' },
    { url: '/b/', html: '<p>b</p>' },
  ];
  test.each([
    ['the same records and engine', records, 'pagefind 1', true],
    ['a record changed', [records[0]!, { url: '/b/', html: '<p>B</p>' }], 'pagefind 1', false],
    ['the order changed', [records[1]!, records[0]!], 'pagefind 1', false],
    ['a record was added', [...records, { url: '/c/', html: '' }], 'pagefind 1', false],
    ['text moved between url and html', [{ url: '/a/<p>', html: 'a</p>' }, records[1]!], 'pagefind 1', false],
    ['the engine changed', records, 'pagefind 2', false],
  ])('searchIndexKey: %s, same key %s', (_, changed, engine, same) => {
    expect(searchIndexKey(changed, engine) === searchIndexKey(records, 'pagefind 1')).toBe(same);
  });
});

describe('the bundle summary', () => {
  const agent = (name: string, over: Partial<AgentRecord> = {}) =>
    ({ ...records(scanSources([sourceFromDir('content/agents', root)]))[0]!, name, fileName: `${name}.md`, ...over }) as never;
  test('adds up costs and permissions, lists MCP servers, skipped agents and file names that clash', () => {
    const summary = bundleSummary([
      agent('a', { descriptionCost: { characters: 100, tokens: 25 }, permissions: ['Read-only'], mcpServers: ['github'] }),
      agent('b', { descriptionCost: { characters: 40, tokens: 10 }, permissions: ['Runs shell'], verdict: 'skipped' }),
      agent('a', { descriptionCost: { characters: 1, tokens: 1 }, permissions: ['Edits files'] }),
    ]);
    expect(summary).toEqual({
      characters: 141,
      tokens: 36,
      permissions: ['Edits files', 'Runs shell'],
      mcpServers: ['github'],
      skipped: ['b'],
      runsCommands: [],
      clashes: ['a.md'],
    });
  });

  test.each([
    [['Read-only'], ['No tools'], ['Read-only']],
    [['No tools'], ['No tools'], ['No tools']],
    [['No tools'], ['Runs shell'], ['Runs shell']],
    [['Read-only'], ['Edits files'], ['Edits files']],
  ])('an agent that can do %j and one that can do %j: the bundle can do %j', (first, second, expected) => {
    expect(bundleSummary([agent('a', { permissions: first }), agent('b', { permissions: second })]).permissions).toEqual(expected);
  });

  test('file names that differ only in case clash: macOS and Windows hold them as one file', () => {
    expect(bundleSummary([agent('Code-Reviewer'), agent('CODE-reviewer'), agent('code-reviewer'), agent('other')]).clashes).toEqual([
      'Code-Reviewer.md / CODE-reviewer.md / code-reviewer.md',
    ]);
  });

  test('the claude --agents JSON of a bundle keeps an agent named __proto__', () => {
    const json = mergedAgentsJson([
      { __proto__: { description: 'a', prompt: 'p' } },
      JSON.parse('{"__proto__": {"description": "b", "prompt": "q"}}'),
      { constructor: { description: 'c', prompt: 'r' } },
    ]);
    const merged = JSON.parse(json) as Record<string, unknown>;
    expect(Object.keys(merged)).toEqual(['__proto__', 'constructor']);
    expect(merged['__proto__']).toEqual({ description: 'b', prompt: 'q' });
  });
});
