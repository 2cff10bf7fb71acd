import { describe, expect, test } from 'vitest';
import { keyLines, locateFrontmatter } from '../../../src/lib/read/frontmatter.ts';
import { parseYamlStrict, parseYamlTolerant } from '../../../src/lib/read/yaml.ts';

const fields = (yaml: string) => {
  const result = parseYamlStrict(yaml);
  return 'fields' in result ? Object.fromEntries(result.fields) : result.failure;
};

describe('locateFrontmatter', () => {
  test.each([
    ['---\nname: a\n---\nbody', { yaml: 'name: a', openLine: 1, bodyLine: 4, body: 'body', text: '---\nname: a\n---' }],
    ['---\r\nname: a\r\n---\r\nbody\r\n', { yaml: 'name: a', openLine: 1, bodyLine: 4, body: 'body\n' }],
    ['---\rname: a\r---\rbody', { yaml: 'name: a', body: 'body' }],
    ['\uFEFF---\nname: a\n---\n', { yaml: 'name: a', openLine: 1 }],
    ['---  \nname: a\n---\t\nbody', { yaml: 'name: a', body: 'body' }],
    ['\n    ---\n    name: a\n    ---\n', { yaml: 'name: a', openLine: 2, displacement: 'indented' }],
    ['\n---\nname: a\n---\n', { yaml: 'name: a', openLine: 2, displacement: 'leading-blank-lines' }],
  ])('finds the block in %j', (text, expected) => expect(locateFrontmatter(text)).toMatchObject(expected));

  test.each([['# Title\n'], ['---\nname: a\nno closing delimiter\n'], [''], ['----\nname: a\n----\n'], ['--- x\nname: a\n---\n']])(
    'finds no block in %j',
    (text) => expect(locateFrontmatter(text)).toBeUndefined(),
  );

  test('closes only at a --- in column 0: an indented --- inside a block scalar belongs to the value', () => {
    const text = '---\nname: a\ndescription: |\n  first part\n  ---\n  second part\ntools: Read\n---\nbody\n';
    const block = locateFrontmatter(text)!;
    expect(block.body).toBe('body\n');
    expect(fields(block.yaml)).toEqual({ name: 'a', description: 'first part\n---\nsecond part\n', tools: 'Read' });
  });

  test('a --- line followed by text does not close the block', () => {
    expect(locateFrontmatter('---\nname: a\n---more\ndescription: d\n---\nbody')?.body).toBe('body');
  });

  test('an oversized block is found but not read', () => {
    const block = locateFrontmatter(`---\nname: a\nx: ${'y'.repeat(70_000)}\n---\nbody`)!;
    expect(block).toMatchObject({ oversize: true, yaml: '', body: 'body' });
  });
});

describe('parseYamlStrict', () => {
  test('reads valid YAML into a Map, keeping keys that shadow Object.prototype as ordinary keys', () => {
    const result = parseYamlStrict('name: a\ntools: [Read, Grep]\nconstructor: x\ntoString: y\n');
    expect('fields' in result && [...result.fields]).toEqual([
      ['name', 'a'],
      ['tools', ['Read', 'Grep']],
      ['constructor', 'x'],
      ['toString', 'y'],
    ]);
  });

  test.each([
    ['an unquoted colon', 'name: a\ndescription: Use when: things break\n', 'yaml-invalid', 2],
    ['a value starting with *', 'name: b\ndescription: *bold* claims\n', 'yaml-invalid', 2],
    [
      'exponential alias expansion past what Claude Code reads',
      `a: &a [x,x,x,x,x,x,x,x,x,x]\n${Array.from({ length: 9 }, (_, i) => `${'bcdefghij'[i]}: &${'bcdefghij'[i]} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(',')}]`).join('\n')}\n`,
      'limit-yaml-expansion',
      1,
    ],
  ])('reports %s', (_label, yaml, rule, yamlLine) => expect(fields(yaml)).toMatchObject({ rule, yamlLine }));

  test.each([
    ['a cyclic alias', 'x: &a [*a]\n', { x: [null] }, 'yaml-alias-cycle'],
    ['a cyclic alias inside tools', 'name: a\ntools: &t [Read, *t]\n', { name: 'a', tools: ['Read', null] }, 'yaml-alias-cycle'],
    ['nesting past the limit', `x: ${'['.repeat(3)}${']'.repeat(3)}\nname: a\n`, { x: [[[]]], name: 'a' }, undefined],
  ])('reads %s, leaving out only what repeats or goes too deep', (_label, yaml, expected, rule) => {
    const result = parseYamlStrict(yaml);
    expect('fields' in result && Object.fromEntries(result.fields)).toEqual(expected);
    expect('fields' in result && result.cuts.map((c) => c.rule)).toEqual(rule ? [rule] : []);
  });

  test.each([
    ['a repeated key keeps its last value, as in Claude Code', 'a: 1\na: 2\n', { a: 2 }],
    ['a timestamp stays text', 'a: 2024-01-01 10:00:00\n', { a: '2024-01-01 10:00:00' }],
    ['an unknown tag is dropped', 'a: !custom tag\n', { a: 'tag' }],
    ['!!binary is read as its text', 'a: !!binary aGk=\n', { a: 'aGk=' }],
    ['a merge key', 'b: &b {d: m}\n<<: *b\n', { b: { d: 'm' }, d: 'm' }],
    ['yes is text (YAML 1.2)', 'a: yes\n', { a: 'yes' }],
  ])('reads YAML as Claude Code does: %s', (_label, yaml, expected) => expect(fields(yaml)).toEqual(expected));

  test('numbers that are not finite become text', () => expect(fields('order: .inf\nn: .nan\n')).toEqual({ order: 'Infinity', n: 'NaN' }));
  test('dates become ISO dates', () => expect(fields('when: 2026-01-02\n')).toEqual({ when: '2026-01-02' }));
});

describe('parseYamlTolerant', () => {
  test.each([
    ['name: a\ndescription: x: y', { name: 'a', description: 'x: y' }],
    ['tools:\n  - Read\n  - "Grep"', { tools: ['Read', 'Grep'] }],
    ['tools: [Read, Grep]', { tools: ['Read', 'Grep'] }],
    ['description: |\n  line one\n  line two', { description: 'line one\nline two' }],
    ['description: first\n  continued', { description: 'first continued' }],
    ["name: 'quoted'", { name: 'quoted' }],
    ['tools:', { tools: null }],
  ])('parses %j', (yaml, expected) => {
    const { fields: read } = parseYamlTolerant(yaml);
    expect(Object.fromEntries(read)).toEqual(expected);
  });

  test('keeps keys that shadow Object.prototype as ordinary keys', () => {
    expect([...parseYamlTolerant('__proto__: x\nconstructor: y').fields]).toEqual([
      ['__proto__', 'x'],
      ['constructor', 'y'],
    ]);
  });

  test.each([
    ['name: a\nname: b', 2, '`name` is repeated'],
    ['stray line\nname: a', 1, 'before any `key:` line'],
    ['name: a\nWeird Key: b', 2, 'read as part of `name`'],
  ])('never drops a line without saying so: %j', (yaml, line, reason) => {
    expect(parseYamlTolerant(yaml).dropped).toEqual([{ yamlLine: line, reason: expect.stringContaining(reason) }]);
  });
});

test('keyLines finds each top-level key once, in one pass', () => {
  const block = locateFrontmatter('---\nname: a\ndescription: b\n  nested: c\ntools: Read\n"quoted": d\n---\n')!;
  expect(Object.fromEntries(keyLines(block))).toEqual({ name: 2, description: 3, tools: 5, quoted: 6 });
});
