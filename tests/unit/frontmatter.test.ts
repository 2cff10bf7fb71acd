import { describe, expect, test } from 'vitest';
import { locateFrontmatter, parseFrontmatter, parseYamlTolerant, lineOfKey } from '../../src/lib/frontmatter.ts';

describe('locateFrontmatter', () => {
  test.each([
    ['---\nname: a\n---\nbody', { yaml: 'name: a', openLine: 1, bodyLine: 4, body: 'body' }],
    ['---\r\nname: a\r\n---\r\nbody\r\n', { yaml: 'name: a', openLine: 1, bodyLine: 4, body: 'body\n' }],
    ['\uFEFF---\nname: a\n---\n', { yaml: 'name: a', openLine: 1 }],
    ['\n    ---\n    name: a\n    ---\n', { yaml: 'name: a', openLine: 2, displacement: 'indented' }],
    ['\n---\nname: a\n---\n', { yaml: 'name: a', openLine: 2, displacement: 'leading-blank-lines' }],
  ])('finds the block in %j', (text, expected) => expect(locateFrontmatter(text)).toMatchObject(expected));

  test.each([['# Title\n'], ['---\nname: a\nno closing delimiter\n'], ['']])('finds no block in %j', (text) =>
    expect(locateFrontmatter(text)).toBeUndefined(),
  );
});

describe('parseFrontmatter', () => {
  test('reads valid YAML strictly', () => {
    expect(parseFrontmatter('---\nname: a\ntools: [Read, Grep]\n---\n')).toMatchObject({ mode: 'strict', data: { name: 'a', tools: ['Read', 'Grep'] } });
  });

  test.each([
    ['unquoted colon', '---\nname: a\ndescription: Use when: things break\n---\n', { name: 'a', description: 'Use when: things break' }, 3],
    ['value starting with *', '---\nname: b\ndescription: *bold* claims\n---\n', { name: 'b', description: '*bold* claims' }, 3],
  ])('recovers %s leniently and reports the line', (_, text, data, line) => {
    const parsed = parseFrontmatter(text);
    expect(parsed.mode).toBe('recovered');
    expect(parsed.data).toMatchObject(data);
    expect(parsed.yamlError?.line).toBe(line);
  });

  test('marks indented frontmatter as recovered, since Claude Code does not see it', () => {
    expect(parseFrontmatter('  ---\n  name: a\n  ---\n')).toMatchObject({ mode: 'recovered', data: { name: 'a' } });
  });

  test('reports a file without frontmatter', () => expect(parseFrontmatter('# hi\n').mode).toBe('none'));
});

describe('parseYamlTolerant', () => {
  test.each([
    ['name: a\ndescription: x: y', { name: 'a', description: 'x: y' }],
    ['tools:\n  - Read\n  - "Grep"', { tools: ['Read', 'Grep'] }],
    ['tools: [Read, Grep]', { tools: ['Read', 'Grep'] }],
    ['description: |\n  line one\n  line two', { description: 'line one\nline two' }],
    ['description: first\n  continued', { description: 'first continued' }],
    ["name: 'quoted'", { name: 'quoted' }],
    ['name: a\nname: b', { name: 'a' }],
  ])('parses %j', (yaml, expected) => expect(parseYamlTolerant(yaml)).toEqual(expected));
});

test.each([
  ['name', 2],
  ['tools', 4],
  ['missing', 1],
])('lineOfKey(%s)', (key, line) => {
  const block = locateFrontmatter('---\nname: a\ndescription: b\ntools: Read\n---\n');
  expect(lineOfKey(block, key)).toBe(line);
});
