import { describe, expect, test } from 'vitest';
import {
  facetOptions,
  isEmptySearch,
  parseSearchParams,
  searchDelay,
  toPagefindFilters,
  toSearchParams,
  withExcludedTool,
  withValue,
} from '../../../src/lib/search/state.ts';
import { facetsOf, groupByFacet, skillFacetValues, toolFacetValues } from '../../../src/lib/search/facets.ts';
import { describeTool } from '../../../src/lib/fields/tool-names.ts';
import { INHERITS_ALL_TOOLS } from '../../../src/lib/fields/tools.ts';
import { normaliseTools } from '../../../src/lib/fields/tools.ts';
import { normaliseModel } from '../../../src/lib/fields/models.ts';
import {
  contentQuery,
  groupByName,
  isNamedLike,
  joinedName,
  matchCountText,
  partialMatches,
  promote,
  queryWords,
  resultsToTopUp,
} from '../../../src/lib/search/rank.ts';

describe('search state in the URL', () => {
  test.each([
    ['q=postgres&tool=Bash&model=Haiku', { query: 'postgres', selected: { tool: ['Bash'], model: ['Haiku'] }, without: [] }],
    ['tool=Bash&tool=Read&tool=Bash', { query: '', selected: { tool: ['Bash', 'Read'] }, without: [] }],
    ['without=Write&without=Edit', { query: '', selected: {}, without: ['Write', 'Edit'] }],
    ['q=%20spaced%20&unknown=1&tool=', { query: 'spaced', selected: {}, without: [] }],
  ])('parseSearchParams(%j)', (query, state) => expect(parseSearchParams(new URLSearchParams(query))).toEqual(state));

  test.each([['q=postgres&tool=Bash&model=Haiku'], ['category=Data+%26+AI&skill=sql&without=Write'], ['']])('round-trips %j', (query) =>
    expect(toSearchParams(parseSearchParams(new URLSearchParams(query))).toString()).toBe(query),
  );

  test('writes facets in a stable order whatever order the URL had', () => {
    expect(toSearchParams(parseSearchParams(new URLSearchParams('model=Opus&tool=Bash&q=x'))).toString()).toBe('q=x&tool=Bash&model=Opus');
  });

  test.each([
    ['tool=Bash&tool=Read', { tool: { any: ['Bash', 'Read'] } }],
    ['category=A&category=B', { category: { any: ['A', 'B'] } }],
    ['model=Haiku&without=Write', { model: { any: ['Haiku'] }, not: { tool: { any: ['Write'] } } }],
    ['q=x', {}],
  ])('toPagefindFilters(%j)', (query, filters) =>
    expect(toPagefindFilters(parseSearchParams(new URLSearchParams(query)))).toEqual(filters),
  );

  test.each([
    ['', true],
    ['q=a', false],
    ['tool=Bash', false],
    ['without=Bash', false],
  ])('isEmptySearch(%j) is %s', (query, empty) => expect(isEmptySearch(parseSearchParams(new URLSearchParams(query)))).toBe(empty));
});

describe('facets', () => {
  test.each([
    ['Read, Bash(git *), Bash(npm *)', ['Read', 'Bash']],
    ['mcp__github__get_issue', ['mcp__github__get_issue']],
    [[], []],
  ])('toolFacetValues(%j)', (tools, values) => expect(toolFacetValues(normaliseTools(tools))).toEqual(values));

  test('an agent that inherits every tool counts under each built-in tool, and under "Inherits all tools"', () => {
    const values = toolFacetValues(normaliseTools(undefined));
    expect(values[0]).toBe(INHERITS_ALL_TOOLS);
    expect(values).toEqual(expect.arrayContaining(['Bash', 'Edit', 'Write', 'WebFetch', 'Read']));
  });

  test('what disallowedTools takes away is not among its tools', () => {
    const values = toolFacetValues(normaliseTools(undefined), normaliseTools('Bash, Write').tools);
    expect(values).not.toContain('Bash');
    expect(values).not.toContain('Write');
    expect(values).toContain('Edit');
  });

  test.each([
    [['pdf'], ['PostgreSQL', 'pdf'], ['pdf', 'postgresql']],
    [[], [' SQL ', 'sql'], ['sql']],
  ])('skillFacetValues(%j, %j)', (skills, tags, values) => expect(skillFacetValues(skills, tags)).toEqual(values));

  test('facetsOf gives every facet the values chips and browse pages use', () => {
    const facets = facetsOf({
      categoryLabel: 'Data & AI',
      tools: normaliseTools('Read, mcp__github__get_issue, mcp__github__list_prs'),
      disallowedTools: [],
      model: normaliseModel('claude-3-5-haiku-20241022'),
      skills: [],
      tags: ['sql'],
      sourceLabel: 'Catalog',
      verdict: 'clean',
      profile: ['reaches-network'],
    });
    expect(facets).toEqual({
      category: 'Data & AI',
      tool: ['Read', 'mcp__github__get_issue', 'mcp__github__list_prs'],
      mcp: ['github'],
      model: 'Haiku',
      skill: ['sql'],
      source: 'Catalog',
      verdict: 'Loads cleanly',
      permission: ['Reaches the network'],
    });
  });

  test('groupByFacet sorts by count, then value, and gives case-twins distinct slugs', () => {
    const groups = groupByFacet([{ t: ['Read', 'Bash'] }, { t: ['Read'] }, { t: ['read'] }], (x) => x.t);
    expect(groups.map((g) => [g.value, g.items.length])).toEqual([
      ['Read', 2],
      ['Bash', 1],
      ['read', 1],
    ]);
    expect(new Set(groups.map((g) => g.slug)).size).toBe(3);
  });

  test.each([
    ['Read', 'builtin', undefined, /^Built-in: Reads files/],
    ['Task', 'legacy', undefined, /now calls it Agent/],
    ['mcp__github__x', 'mcp', 'github', /github MCP server/],
    ['pytest', 'unknown', undefined, /Unknown to Claude Code/],
    [INHERITS_ALL_TOOLS, 'inherits-all', undefined, /every tool/],
  ] as const)('describeTool(%j)', (name, kind, server, pattern) => expect(describeTool(name, kind, server)).toMatch(pattern));
});

test.each([
  ['', 0],
  ['g', 250],
  ['go', 250],
  ['sec', 0],
  ['postgres', 0],
])('searchDelay(%j) is %i ms', (query, delay) => expect(searchDelay(query)).toBe(delay));

describe('search state changes', () => {
  const base = parseSearchParams(new URLSearchParams('q=x&tool=Bash'));
  test.each([
    [withValue(base, 'tool', 'Read', true), 'q=x&tool=Bash&tool=Read'],
    [withValue(base, 'tool', 'Bash', false), 'q=x'],
    [withValue(base, 'model', 'Opus', true), 'q=x&tool=Bash&model=Opus'],
    [withValue(base, 'tool', 'Bash', true), 'q=x&tool=Bash'],
    [withExcludedTool(base, 'Write', true), 'q=x&tool=Bash&without=Write'],
    [withExcludedTool(withExcludedTool(base, 'Write', true), 'Write', false), 'q=x&tool=Bash'],
    [withExcludedTool(withExcludedTool(base, 'Write', true), 'Write', true), 'q=x&tool=Bash&without=Write'],
  ])('gives %j', (state, query) => expect(toSearchParams(state).toString()).toBe(query));

  test('facetOptions keeps chosen values first, then sorts by count and name, and drops empty values', () => {
    expect(facetOptions(['Read', 'Bash', 'Edit', 'Write', 'Glob'], { Read: 3, Bash: 5, Glob: 3, Write: 0 }, ['Edit'])).toEqual([
      { value: 'Edit', count: 0, checked: true },
      { value: 'Bash', count: 5, checked: false },
      { value: 'Glob', count: 3, checked: false },
      { value: 'Read', count: 3, checked: false },
    ]);
  });
});

describe('ranking rules on top of Pagefind', () => {
  test.each([
    ['prompt engineer', ['prompt', 'engineer'], 'promptengineer'],
    ['  Prompt-Engineer ', ['prompt', 'engineer'], 'promptengineer'],
    ['terraform', ['terraform'], undefined],
    ['c++ developer', ['c', 'developer'], 'cdeveloper'],
  ])('queryWords(%j) and joinedName', (query, words, joined) => {
    expect(queryWords(query)).toEqual(words);
    expect(joinedName(query)).toBe(joined);
  });

  test('promote puts exact matches first without repeats; groupByName keeps rank order', () => {
    expect(promote(['c', 'a'], ['a', 'b', 'c', 'd'], (x) => x)).toEqual(['c', 'a', 'b', 'd']);
    expect(groupByName(['x1', 'y1', 'x2'], (s) => s[0]!)).toEqual([['x1', 'x2'], ['y1']]);
  });

  test.each([
    ['five distinct names fill the five rows', { loaded: 5, groups: 5, available: 40 }, 0],
    ['two twins leave a row empty', { loaded: 5, groups: 4, available: 40 }, 1],
    ['twins everywhere: up to the limit', { loaded: 5, groups: 1, available: 40 }, 3],
    ['the limit is reached', { loaded: 8, groups: 3, available: 40 }, 0],
    ['fewer results than rows', { loaded: 3, groups: 2, available: 3 }, 0],
    ['one more result exists', { loaded: 5, groups: 3, available: 6 }, 1],
    ['nothing found', { loaded: 0, groups: 0, available: 0 }, 0],
  ])('resultsToTopUp: %s', (_, figures, expected) => {
    expect(resultsToTopUp({ ...figures, rows: 5, limit: 8 })).toBe(expected);
  });

  test.each([
    ['prompt-engineer', 'prompt engineer', true],
    ['Prompt Engineer', 'prompt-engineer', true],
    ['prompt_engineer', 'PROMPT ENGINEER', true],
    ['prompt-engineer', 'prompt engineering', false],
    ['prompt-engineer-pro', 'prompt engineer', false],
    ['write', 'write unit tests', false],
    ['anything', '   ', false],
  ])('isNamedLike(%j, %j) is %j', (name, query, expected) => {
    expect(isNamedLike(name, query)).toBe(expected);
  });

  test.each([
    ['review my pull request', 'review pull request'],
    ['build an mcp server in python', 'build mcp server python'],
    ['Help me with Terraform', 'terraform'],
    ['the', 'the'],
    ['c++ developer', 'c developer'],
  ])('contentQuery(%j) is %j', (query, expected) => {
    expect(contentQuery(query)).toBe(expected);
  });
});

describe('results that match some words of the query', () => {
  const result = (id: string, score: number) => ({ id, score });
  test.each([
    ['ranked by the sum of their scores for each word', [[result('a', 1), result('b', 5)], [result('a', 6)]], [], ['a', 'b']],
    ['without the ones already shown', [[result('a', 9), result('b', 1)], [result('c', 2)]], ['a'], ['c', 'b']],
    ['none when no word finds anything', [[], []], [], []],
  ] as const)('%s', (_label, perWord, shown, expected) => {
    const ids = partialMatches(
      perWord.map((r) => [...r]),
      shown.map((id) => result(id, 0)),
      (r) => r.id,
      (r) => r.score,
    ).map((r) => r.id);
    expect(ids).toEqual(expected);
  });

  test.each([
    [0, 0, 'x', 'No agents match “x”.'],
    [1, 1, 'x', '1 agent matches “x”.'],
    [3, 3, undefined, '3 agents match.'],
    [40, 4, undefined, '4 agents match every word; 36 more match some of them.'],
    [2, 1, 'a b', '1 agent matches every word “a b”; 1 more matches some of them.'],
    [5, 0, undefined, 'No agent matches every word; 5 match some of them.'],
  ])('matchCountText(%i, %i, %j) is %j', (total, everyWord, query, text) => expect(matchCountText(total, everyWord, query)).toBe(text));
});
