import { describe, expect, test } from 'vitest';
import { claudeToolList, splitToolEntry } from '../../../src/lib/read/claude-code.ts';
import { classifyTool, normaliseTools, isMalformedMcpName, withImpliedMemoryTools } from '../../../src/lib/fields/tools.ts';
import type { FieldValue } from '../../../src/lib/read/yaml.ts';

describe('normaliseTools', () => {
  test.each([
    ['Read, Write, Bash', ['Read', 'Write', 'Bash']],
    [
      ['Glob', 'mcp__github__get_issue'],
      ['Glob', 'mcp__github__get_issue'],
    ],
    ['Read, Read, Grep', ['Read', 'Grep']],
    ['Agent(worker, researcher), Bash(npm run *)', ['Agent(worker, researcher)', 'Bash(npm run *)']],
    [
      ['Read, Grep', 'Bash'],
      ['Read', 'Grep', 'Bash'],
    ],
    ['Read Grep', ['Read', 'Grep']],
    ['', []],
    [[], []],
    [null, []],
  ] satisfies [FieldValue, string[]][])('normaliseTools(%j) lists %j', (input, expected) =>
    expect(normaliseTools(input).tools.map((t) => t.raw)).toEqual(expected),
  );

  test.each([[undefined], ['*'], [['Read', '*']]])('%j inherits all tools', (input) => {
    expect(normaliseTools(input)).toMatchObject({ inheritsAll: true, tools: [] });
  });

  test.each([[[]], [null], ['']])('%j gives no tools, which is not the same as an absent field', (input) =>
    expect(normaliseTools(input)).toMatchObject({ inheritsAll: false, tools: [] }),
  );
  test('duplicates are remembered', () => expect(normaliseTools('Read, Read').duplicates).toEqual(['Read']));
  test('entries that are not text are kept as invalid', () =>
    expect(normaliseTools(['Read', 3, { a: 1 }]).invalid).toEqual(['3', '{"a":1}']));
});

describe('classifyTool', () => {
  test.each([
    ['Read', { name: 'Read', kind: 'builtin' }],
    ['Bash(npm run *)', { name: 'Bash', kind: 'builtin', rule: 'npm run *' }],
    ['WebFetch(domain:example.com)', { name: 'WebFetch', kind: 'builtin', rule: 'domain:example.com' }],
    ['Task', { kind: 'legacy', replacement: 'Agent' }],
    ['MultiEdit', { kind: 'legacy', replacement: 'Edit' }],
    ['mcp__github__get_issue', { kind: 'mcp', mcpServer: 'github', mcpTool: 'get_issue' }],
    ['mcp__github__*', { kind: 'mcp', mcpServer: 'github', mcpTool: '*' }],
    ['mcp__github', { kind: 'mcp', mcpServer: 'github' }],
    ['mcp__plugin_acme_db__query', { kind: 'mcp', mcpServer: 'plugin_acme_db', mcpTool: 'query' }],
    ['mcp__context7__resolve-library-id', { kind: 'mcp', mcpServer: 'context7' }],
    ['edit/editFiles', { kind: 'unknown' }],
    ['pytest', { kind: 'unknown' }],
    ['read', { kind: 'unknown' }],
  ])('classifyTool(%j)', (raw, expected) => expect(classifyTool(raw)).toMatchObject(expected));

  test.each([
    ['mcp_github_get_issue', true],
    ['mcp__', true],
    ['mcp__github__get_issue', false],
    ['Read', false],
  ])('isMalformedMcpName(%j) is %s', (raw, expected) => expect(isMalformedMcpName(classifyTool(raw))).toBe(expected));
});

test.each([
  ['a, b', ['a', 'b']],
  ['Agent(a, b), c', ['Agent(a, b)', 'c']],
  [' , a ,', ['a']],
  ['Read Grep', ['Read', 'Grep']],
  ['Bash(git diff *) Read', ['Bash(git diff *)', 'Read']],
  ['Read\tGrep', ['Read\tGrep']],
  ['', []],
])('splitToolEntry(%j), as Claude Code splits tools', (input, expected) => expect(splitToolEntry(input)).toEqual(expected));

test.each([
  [undefined, undefined],
  [null, []],
  ['', []],
  [false, []],
  [5, []],
  [{ Read: true }, []],
  ['Read, Grep', ['Read', 'Grep']],
  [
    ['Read', 5, 'Grep Glob'],
    ['Read', 'Grep', 'Glob'],
  ],
  ['Read, *', undefined],
] satisfies [FieldValue | undefined, string[] | undefined][])('claudeToolList(%j) is %j', (input, expected) =>
  expect(claudeToolList(input)).toEqual(expected),
);

test.each([
  ['Grep', 'project', ['Grep', 'Write', 'Edit', 'Read']],
  ['Read, Grep', 'user', ['Read', 'Grep', 'Write', 'Edit']],
  ['Grep', 'nowhere', ['Grep']],
  ['Grep', undefined, ['Grep']],
] satisfies [string, string | undefined, string[]][])('with tools %j and memory %j the agent gets %j', (tools, memory, expected) => {
  const set = withImpliedMemoryTools(normaliseTools(tools), memory);
  expect(set.tools.map((t) => t.name)).toEqual(expected);
  expect(set.tools.filter((t) => t.impliedBy === 'memory').map((t) => t.name)).toEqual(expected.slice(tools.split(',').length));
});
