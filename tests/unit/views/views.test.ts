import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { sourceFromDir } from '../../../src/build/config-file.ts';
import { queryList } from '../../../src/lib/search/list-query.ts';
import { scanSources } from '../../../src/build/scan.ts';
import { createUrls } from '../../../src/lib/views/urls.ts';
import { agentRow, authorOf, ROW_NAME_CHARS, type ViewContext } from '../../../src/lib/views/agent.ts';
import { ruleGroups, rulePages } from '../../../src/lib/views/diagnostics.ts';
import { categoriesBySource, homeCategories, startingPoints } from '../../../src/lib/views/home.ts';
import { listPaths, pageNumbers, paginate, pageParam, PAGE_SIZE, type AgentList } from '../../../src/lib/views/lists.ts';
import { relatedAgents, RELATED_COUNT } from '../../../src/lib/views/related.ts';
import { rowsTable } from '../../../src/lib/views/rows-table.ts';
import { installPowerShellScript, installShellScript } from '../../../src/lib/views/sets.ts';
import { hiddenCharacters } from '../../../src/lib/text/unicode.ts';
import { powerShellProblems } from '../../support/powershell.ts';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { NO_PLUGIN_LINES } from '../../../src/lib/views/plugin-lines.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const scan = scanSources([sourceFromDir('content/agents', root)]);
const urls = createUrls('/base/');
const context: ViewContext = {
  urls,
  categories: scan.categories,
  sources: new Map([['agents', { id: 'agents', label: 'Agents', repository: undefined }]]),
  hasManySources: false,
  origin: 'https://x.test',
  plugins: NO_PLUGIN_LINES,
  facetSlugs: { tool: new Map(), skill: new Map(), model: new Map() },
};
const rows = scan.agents.map((a) => agentRow(a, context));

test.each([
  ['short-name', 'short-name'],
  ['x'.repeat(ROW_NAME_CHARS), 'x'.repeat(ROW_NAME_CHARS)],
  ['x'.repeat(ROW_NAME_CHARS + 1), `${'x'.repeat(ROW_NAME_CHARS - 1)}…`],
  ['y'.repeat(256), `${'y'.repeat(ROW_NAME_CHARS - 1)}…`],
])('a row shows a name of %#: cut only past %i characters', (name, shown) => {
  const row = agentRow({ ...scan.agents[0]!, name }, context);
  expect(row.name).toBe(shown);
  expect(row.name.length).toBeLessThanOrEqual(ROW_NAME_CHARS);
});

test.each([
  ['text', 'Ada Lovelace', undefined, 'Ada Lovelace'],
  ['text beats the source', '  Ada   Lovelace ', 'Team', 'Ada Lovelace'],
  ['an object with a name, as plugin.json writes it', '{"name":"Ada","email":"ada@x.test"}', 'Team', 'Ada'],
  ['an object without a name', '{"email":"ada@x.test"}', 'Team', 'Team'],
  ['a list', '["Ada","Grace"]', 'Team', 'Team'],
  ['a number', '42', 'Team', 'Team'],
  ['blank', '   ', 'Team', 'Team'],
  ['cut short on the page', '{"name":"Ada", "bio":"…', 'Team', 'Team'],
  ['no field', undefined, 'Team', 'Team'],
  ['neither', undefined, undefined, undefined],
])('the author of an agent: %s', (_case, value, sourceAuthor, expected) => {
  const fields = value === undefined ? [{ key: 'color', value: 'red' }] : [{ key: 'author', value }];
  expect(authorOf(fields, sourceAuthor)).toBe(expected);
});

describe('paged lists', () => {
  test.each([
    [1, 1, [1]],
    [1, 5, [1, 2, 3, undefined, 5]],
    [5, 10, [1, undefined, 3, 4, 5, 6, 7, undefined, 10]],
    [10, 10, [1, undefined, 8, 9, 10]],
  ])('pageNumbers(%i, %i)', (current, count, expected) => expect(pageNumbers(current, count)).toEqual(expected));

  const list = (n: number): AgentList => ({
    scope: { kind: 'all', key: '' },
    title: 'All',
    code: false,
    description: undefined,
    parent: { label: 'Home', href: '/' },
    firstPage: '/agents/',
    rows: rows.slice(0, n),
    install: undefined,
  });

  test.each([
    [0, 1, [0]],
    [100, 1, [100]],
    [101, 2, [100, 1]],
    [153, 2, [100, 53]],
  ])('%i rows make %i pages of %j, 100 to a page', (n, pages, sizes) => {
    const paged = paginate(list(n), 100);
    expect(paged).toHaveLength(pages);
    expect(paged.map((p) => p.rows.length)).toEqual(sizes);
    expect(paged.flatMap((p) => p.rows)).toEqual(rows.slice(0, n));
  });

  test('pages link to their neighbours under page/<n>/', () => {
    const [first, second] = paginate(list(153), 100);
    expect(first).toMatchObject({ previous: undefined, next: '/agents/page/2/', first: 1 });
    expect(second).toMatchObject({ previous: '/agents/', next: undefined, first: 101 });
    expect([pageParam(1), pageParam(2)]).toEqual([undefined, 'page/2']);
  });

  // A page keeps its key, and the incremental build keeps it, unless something it shows changed.
  const keys = (members: AgentList['rows'], layoutKey = '/|') =>
    listPaths([{ params: {}, list: { ...list(0), rows: members } }], layoutKey).map((path) => path.cacheKey);
  const changedAt = (index: number) => rows.map((row, i) => (i === index ? { ...row, summary: `${row.summary} Changed.` } : row));
  test.each([
    ['nothing changed', rows, '/|', [false, false, false, false]],
    ['a row on the third page changed', changedAt(2 * PAGE_SIZE + 1), '/|', [false, false, true, false]],
    ['the first row changed', changedAt(0), '/|', [true, false, false, false]],
    ['an agent was added, so every page says how many there are', [...rows, rows[0]!], '/|', [true, true, true, true]],
    ['the base path changed', rows, '/docs/|', [true, true, true, true]],
  ])('list page keys when %s', (_, members, layoutKey, changed) => {
    const before = keys(rows);
    const after = keys(members, layoutKey);
    expect(after.slice(0, 4).map((key, i) => key !== before[i])).toEqual(changed);
  });
});

describe('more like this', () => {
  const related = relatedAgents(scan.agents);
  test('gives every agent up to five others, never itself or a twin', () => {
    scan.agents.forEach((agent, i) => {
      expect(related[i]!.length).toBeLessThanOrEqual(RELATED_COUNT);
      expect(related[i]).not.toContain(agent.slug);
    });
  });
  test('prefers agents that share tags', () => {
    const i = scan.agents.findIndex((a) => a.name === 'postgres-query-tuner');
    const tags = new Set(scan.agents[i]!.tags);
    const first = scan.agents.find((a) => a.slug === related[i]![0])!;
    expect(first.tags.some((t) => tags.has(t))).toBe(true);
  });
});

describe('home', () => {
  const groups = categoriesBySource(
    scan.agents,
    [...context.sources.values()],
    scan.categories,
    (a) => scan.categories.get(a.categoryId)!.label,
    urls,
  );
  test('counts every agent once, in categories ordered by the categories file', () => {
    expect(groups[0]!.agentCount).toBe(scan.agents.length);
    const orders = groups[0]!.categories.map((c) => c.order!);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
  });
  test('shows the largest categories when there are more than the limit, in display order', () => {
    const shown = homeCategories(groups[0]!, 3);
    expect(shown).toHaveLength(3);
    const smallestShown = Math.min(...shown.map((c) => c.count));
    expect(groups[0]!.categories.filter((c) => !shown.includes(c)).every((c) => c.count <= smallestShown)).toBe(true);
  });
  test('starting points are clean agents from different categories', () => {
    const picked = startingPoints(scan.agents, (slug) => rows.find((r) => r.slug === slug)!);
    expect(new Set(picked.map((r) => r.categoryLabel)).size).toBe(picked.length);
    expect(picked.every((r) => r.verdict === 'clean')).toBe(true);
  });
});

describe('diagnostics', () => {
  const fixtures = scanSources([sourceFromDir('tests/fixtures/agents', root)]);
  const groups = ruleGroups(fixtures.agents, fixtures.skipped, [], [{ id: 'agents', label: 'Fixtures', repository: undefined }], urls);
  test('groups every finding by rule, errors first, with counts per source', () => {
    const total = [...fixtures.agents, ...fixtures.skipped].reduce((n, e) => n + e.findings.length, 0);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(total);
    expect(groups[0]!.severity).toBe('error');
    for (const g of groups) expect(g.bySource).toEqual([{ sourceId: 'agents', count: g.count }]);
  });
  test('paths stay inside the source, and rule pages hold at most the page size', () => {
    for (const g of groups) for (const row of g.rows) expect(row.file.startsWith('tests/')).toBe(false);
    expect(rulePages(groups[0]!, 1)).toHaveLength(groups[0]!.rows.length);
  });

  const row = (file: string, messages: number) => ({
    sourceId: 's',
    sourceLabel: 'S',
    file,
    lines: [1],
    severity: 'warning' as const,
    messages: Array.from({ length: messages }, (_, i) => `m${i}`),
    href: undefined,
  });
  test.each([
    ['rows of one finding fill pages of the size', [1, 1, 1, 1, 1], 2, [['a', 'b'], ['c', 'd'], ['e']]],
    ['a file with many findings counts each of them', [3, 1, 2], 4, [['a', 'b'], ['c']]],
    ['a file with more findings than a page holds has a page of its own', [1, 9, 1], 4, [['a'], ['b'], ['c']]],
    ['no rows still make one page', [], 4, [[]]],
  ])('rulePages: %s', (_label, weights, size, expected) => {
    const group = { ...groups[0]!, rows: weights.map((w, i) => row(String.fromCharCode(97 + i), w)) };
    expect(rulePages(group, size).map((p) => p.rows.map((r) => r.file))).toEqual(expected);
  });
});

describe('sorting and filtering lists in the browser', () => {
  const table = rowsTable(scan.agents, rows, {
    tools: (a) => a.tools.tools.map((t) => t.name),
    skills: (a) => a.tags,
    family: (a) => a.model.family,
  });
  test('a scope selects the same agents as the build’s lists', () => {
    const inCategory = queryList(table, { kind: 'category', key: 'languages' }, '', 'name').map((r) => r[0]);
    expect(inCategory).toEqual(scan.agents.filter((a) => a.categoryId === 'languages').map((a) => a.slug));
    const withBash = queryList(table, { kind: 'tool', key: 'Bash' }, '', 'name');
    expect(withBash).toHaveLength(scan.agents.filter((a) => a.tools.tools.some((t) => t.name === 'Bash')).length);
  });
  test('the filter needs every word; sorts are stable', () => {
    const hits = queryList(table, { kind: 'all', key: '' }, 'postgres query', 'name').map((r) => r[1]);
    expect(hits).toContain('postgres-query-tuner');
    for (const name of hits) expect(name).toBeTruthy();
    const byVerdict = queryList(table, { kind: 'all', key: '' }, '', 'verdict');
    expect(byVerdict).toHaveLength(scan.agents.length);
  });
});

test.each(['sh', 'bash'])(
  'in %s, a set’s install script writes each file under its safe name, keeps a file already there, counts what it wrote, and removes only what the site published',
  (shell) => {
    const site = mkdtempSync(path.join(os.tmpdir(), 'site-'));
    const home = mkdtempSync(path.join(os.tmpdir(), 'home-'));
    try {
      mkdirSync(path.join(site, 'agents'));
      const published = { a: 'agent a\n', 'b--x': 'agent b\n', c: 'agent c\n' };
      for (const [slug, text] of Object.entries(published)) writeFileSync(path.join(site, 'agents', `${slug}.md`), text);
      const sha = (text: string) => createHash('sha256').update(text).digest('hex');
      const items = [
        { slug: 'a', name: 'a', sha256: sha(published.a) },
        { slug: 'b--x', name: '<img>', sha256: sha(published['b--x']) },
        { slug: 'c', name: 'c', sha256: sha(published.c) },
      ];
      const script = path.join(site, 'install.sh');
      writeFileSync(script, installShellScript('Core; rm -rf ~', items, undefined));
      const folder = path.join(home, '.claude/agents');
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, 'c.md'), 'my own c\n');
      const run = (...args: string[]) =>
        execFileSync(shell, [script, ...args], { cwd: home, env: { ...process.env, HOME: home }, encoding: 'utf8' });
      const installed = run('--user', '--base', `${pathToFileURL(site).href}/`);
      expect(installed).toContain('Kept');
      expect(installed.trim().split('\n').at(-1)).toBe(`Installed 2 of 3 agents into ${folder}; kept 1 file already there`);
      expect(readdirSync(folder).sort()).toEqual(['a.md', 'b--x.md', 'c.md']);
      expect(readFileSync(path.join(folder, 'c.md'), 'utf8')).toBe('my own c\n');
      const removed = run('--user', '--remove');
      expect(removed.trim().split('\n').at(-1)).toBe(`Removed 2 agents from ${folder}; left 1 file this site did not publish`);
      expect(readdirSync(folder)).toEqual(['c.md']);
      expect(readFileSync(script, 'utf8')).not.toContain('<img>');

      // With --tool, each agent's file for that tool, under the tool's own name for it, into the tool's folder.
      for (const slug of Object.keys(published)) writeFileSync(path.join(site, 'agents', `${slug}.copilot.md`), `copilot ${slug}\n`);
      const forCopilot = run('--project', '--tool', 'copilot', '--base', `${pathToFileURL(site).href}/`);
      expect(forCopilot.trim().split('\n').at(-1)).toBe('Installed 3 of 3 agents into .github/agents; kept 0 files already there');
      expect(readdirSync(path.join(home, '.github/agents')).sort()).toEqual(['a.agent.md', 'b-x.agent.md', 'c.agent.md']);
      expect(readFileSync(path.join(home, '.github/agents/b-x.agent.md'), 'utf8')).toBe('copilot b--x\n');
      expect(() => run('--project', '--tool', 'copilot', '--remove')).toThrow(/--remove takes back Claude Code files only/);
      expect(() => run('--tool', 'vim')).toThrow(/unknown tool: vim \(copilot, opencode, codex, gemini or cursor\)/);
    } finally {
      rmSync(site, { recursive: true, force: true });
      rmSync(home, { recursive: true, force: true });
    }
  },
);

test('a set’s PowerShell script parses: quotes closed, brackets balanced, no variable read as a drive', () => {
  const items = [
    { slug: "it's", name: 'a', sha256: 'a'.repeat(64) },
    { slug: 'b', name: 'b', sha256: 'b'.repeat(64) },
  ];
  expect(powerShellProblems(installPowerShellScript('Core', items, "https://x.test/it's/"))).toEqual([]);
  expect(powerShellProblems(installPowerShellScript('Core', items.slice(0, 1), undefined))).toEqual([]);
  // The check itself catches the mistakes it is for.
  expect(powerShellProblems('"Kept $p: there"')).toHaveLength(1);
  expect(powerShellProblems("foreach ($f in @('a') { 'x' }")).not.toEqual([]);
});

test.each([['\u0000'], ['\u2028'], ['\u2029'], ['\u0085'], ['\r\n'], ['\u001B[2J']])(
  'a set’s install scripts keep a title with %j on their comment line',
  (char) => {
    for (const script of [
      installShellScript(`Data${char}echo pwned`, [{ slug: 'a', name: 'a', sha256: 'a'.repeat(64) }], 'https://x.test/'),
      installPowerShellScript(`Data${char}echo pwned`, [{ slug: 'a', name: 'a', sha256: 'a'.repeat(64) }], 'https://x.test/'),
    ]) {
      const comment = script.split('\n').find((line) => line.startsWith('# Installs'))!;
      expect(comment).toContain('echo pwned');
      expect(script.split('\n').filter((line) => line.includes('echo pwned'))).toEqual([comment]);
      expect(hiddenCharacters(comment)).toEqual([]);
    }
  },
);
