import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { lineFacts } from '../../../src/lib/catalog/analyse.ts';
import { listSource } from '../../../src/build/files.ts';
import { placeFile } from '../../../src/lib/catalog/place.ts';
import { scanSources } from '../../../src/build/scan.ts';
import { loadCatalogConfig, sourceFromDir } from '../../../src/build/config-file.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const fixtures = scanSources([sourceFromDir('tests/fixtures/agents', root)]);
const byPath = (rel: string) => fixtures.agents.find((a) => a.file.relPath === rel);

test.each([
  ['core/a.md', undefined, { categoryId: 'core', subPath: [] }],
  ['01-core-development/a.md', undefined, { categoryId: 'core-development', subPath: [] }],
  ['marketing/social-media/a.md', undefined, { categoryId: 'marketing', subPath: ['social-media'] }],
  ['a.md', undefined, { categoryId: 'general', subPath: [] }],
  ['a.md', 'Data Science', { categoryId: 'data-science', subPath: [] }],
  ['agents-ai/a.md', 'ai', { categoryId: 'ai', subPath: [] }],
  ['agents-ai/a.md', undefined, { categoryId: 'agents-ai', subPath: [] }],
  ['a.md', 'constructor', { categoryId: 'constructor', subPath: [] }],
])('placeFile(%j, category: %j)', (rel, field, expected) => expect(placeFile(rel, field)).toMatchObject(expected));

test.each([
  ['a\nb\n', { lineEndings: 'lf', finalNewline: true }],
  ['a\r\nb\r\n', { lineEndings: 'crlf', finalNewline: true }],
  ['a\r\nb\n', { lineEndings: 'mixed', finalNewline: true }],
  ['a', { lineEndings: 'none', finalNewline: false }],
  ['a\nb', { lineEndings: 'lf', finalNewline: false }],
])('lineFacts(%j)', (text, expected) => expect(lineFacts(text)).toEqual(expected));

test('listSource separates agent candidates from entries that are not agents, saying why', () => {
  const { candidates, ignored, problems } = listSource(path.join(root, 'tests/fixtures/agents'));
  expect(ignored).toEqual([
    { relPath: 'README.md', reason: 'documentation' },
    { relPath: 'categories.yaml', reason: 'not Markdown' },
    { relPath: 'messy/notes.txt', reason: 'not Markdown' },
  ]);
  expect(candidates.map((c) => c.relPath)).toContain('messy/nested/deeper/inherits-all.md');
  expect(candidates).toHaveLength(12);
  expect(problems).toEqual([]);
});

describe('scanning the fixture folder', () => {
  test.each([
    ['hostile/script-injector.md', 'clean', ['description-overlap']],
    ['messy/crlf-agent.md', 'clean', []],
    ['messy/no-final-newline.md', 'clean', []],
    [
      'messy/unquoted-colon.md',
      'warnings',
      [
        'yaml-invalid',
        'tools-legacy',
        'tools-legacy',
        'tools-unknown',
        'tools-duplicate',
        'tools-agent-in-subagent',
        'model-invalid',
        'field-invalid-value',
        'field-ignored-by-plugins',
        'field-nonstandard',
      ],
    ],
    ['messy/flat-hooks.md', 'skipped', ['hooks-invalid', 'field-ignored-by-plugins']],
    ['messy/empty-tools.md', 'warnings', ['tools-empty']],
    ['messy/bypass.md', 'warnings', ['permission-bypass', 'field-ignored-by-plugins']],
    ['messy/nested/deeper/inherits-all.md', 'clean', []],
  ])('%s loads with verdict %s and findings %j', (rel, verdict, rules) => {
    const agent = byPath(rel)!;
    expect(agent.verdict).toBe(verdict);
    expect(agent.findings.map((f) => f.rule).sort()).toEqual([...rules].sort());
  });

  test.each([
    ['messy/no-frontmatter.md', ['frontmatter-missing', 'name-missing', 'description-missing']],
    ['messy/no-description.md', ['description-missing']],
  ])('%s is skipped with %j', (rel, rules) => {
    const skipped = fixtures.skipped.find((s) => s.relPath === rel)!;
    expect(skipped.findings.map((f) => f.rule)).toEqual(rules);
    expect(skipped.findings.every((f) => f.severity === 'error' && f.line >= 1 && f.file === rel && f.source === 'agents')).toBe(true);
  });

  test('every candidate file is either an agent or skipped', () => {
    expect(fixtures.agents.length + fixtures.skipped.length).toBe(12);
  });

  test('the yaml error points at the offending line', () => {
    expect(byPath('messy/unquoted-colon.md')!.findings.find((f) => f.rule === 'yaml-invalid')!.line).toBe(3);
  });

  test('a nested folder is a sub-path of its category', () => {
    expect(byPath('messy/nested/deeper/inherits-all.md')).toMatchObject({ categoryId: 'messy', subPath: ['nested', 'deeper'] });
  });

  test('agents with the same name get distinct slugs and know each other', () => {
    const twins = fixtures.agents.filter((a) => a.name === 'inherits-all');
    expect(twins.map((t) => t.slug)).toEqual(['inherits-all', 'inherits-all--agents-messy-nested-deeper-inherits-all']);
    expect(twins[0]!.twins).toEqual({ count: 1, preview: [twins[1]!.slug], groupSlug: 'inherits-all' });
    expect(twins[1]!.twins).toEqual({ count: 1, preview: [twins[0]!.slug], groupSlug: 'inherits-all' });
  });

  test('categories come from the categories file, with labels derived for folders it lacks', () => {
    expect(fixtures.categories.get('hostile')).toMatchObject({ label: 'Hostile Input', order: 1 });
    expect(fixtures.summaries[0]).toMatchObject({ agentFiles: 12, pages: 10, skipped: 2 });
  });
});

describe('loadCatalogConfig', () => {
  test('defaults to the configured content folder', () => {
    const config = loadCatalogConfig(root, {});
    expect(config.sources.map((s) => s.dir)).toEqual(['content/agents']);
    expect(config.strict).toBe(false);
  });
  test.each([
    ['tests/fixtures/agents', ['tests/fixtures/agents']],
    [`a${path.delimiter}b`, ['a', 'b']],
  ])('AGENTS_DIR=%j replaces the sources', (value, dirs) => {
    expect(loadCatalogConfig(root, { AGENTS_DIR: value }).sources.map((s) => s.dir)).toEqual(dirs);
  });
  test('two folders with the same name get distinct source ids', () => {
    const ids = loadCatalogConfig(root, { AGENTS_DIR: `x/agents${path.delimiter}y/agents` }).sources.map((s) => s.id);
    expect(new Set(ids).size).toBe(2);
  });
  test('a .claude/agents folder is named after its project', () => {
    expect(sourceFromDir('/home/me/project/.claude/agents', root)).toMatchObject({ id: 'project', label: 'project' });
  });
  test.each([
    ['1', true],
    ['0', false],
    ['', false],
  ])('STRICT=%j sets strict to %s', (value, strict) => expect(loadCatalogConfig(root, { STRICT: value }).strict).toBe(strict));
});

describe('categories files', () => {
  test.each([
    ['good:\n  label: Good\n  order: 2\n', [], { label: 'Good', order: 2 }],
    ['good:\n  order: 2\n', ['category "good": needs a label'], undefined],
    ['good: [unclosed\n', ['Not valid YAML'], undefined],
    ['good:\n  label: Good\n  order: .inf\n', ['finite number'], undefined],
    ['good:\n  label: Good\n  order: .nan\n', ['finite number'], undefined],
    ['constructor:\n  label: Builder\n', [], undefined],
  ])('reads %j, reporting problems instead of failing', (yaml, problems, meta) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'categories-'));
    mkdirSync(path.join(dir, 'good'));
    writeFileSync(path.join(dir, 'categories.yaml'), yaml);
    writeFileSync(path.join(dir, 'good', 'a.md'), '---\nname: a\ndescription: b\ntools: Read\n---\n');
    const scan = scanSources([sourceFromDir(dir, root)]);
    const reported = scan.summaries[0]!.categoryProblems;
    expect(reported).toHaveLength(problems.length);
    problems.forEach((p, i) =>
      expect(reported[i]).toMatchObject({ rule: 'categories-invalid', file: 'categories.yaml', message: expect.stringContaining(p) }),
    );
    expect(scan.agents).toHaveLength(1);
    expect(scan.categories.get('good')).toEqual(meta ?? { label: 'Good', order: undefined });
    expect(scan.categories.get('constructor')?.label ?? 'Builder').toBe('Builder');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('unusual folders', () => {
  test.each([
    ['a folder that does not exist', 'tests/fixtures/nope', /Agents folder not found/],
    ['a file instead of a folder', 'README.md', /Not a folder: README\.md/],
  ])('%s gives a clear error', (_, dir, message) => {
    expect(() => scanSources([sourceFromDir(dir, root)])).toThrow(message);
  });
});
