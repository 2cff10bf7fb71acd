import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, test } from 'vitest';
import { githubAnnotations, sarifLog, type PlacedFinding } from '../../../src/lib/check/ci-formats.ts';
import { finding } from '../../../src/lib/check/findings.ts';
import { RULES } from '../../../src/lib/check/rules.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const place = { source: 'team', file: 'review/a.md' };
const placed = (f: ReturnType<typeof finding>, at = 'agents/review/a.md'): PlacedFinding => ({ ...f, path: at });

describe('githubAnnotations', () => {
  test.each([
    [
      'error',
      finding('description-missing', place, 1, 'No description.'),
      '::error file=agents/review/a.md,line=1,col=1,title=description-missing::',
    ],
    [
      'warning',
      finding('tools-legacy', place, 4, 'MultiEdit is gone.', 8),
      '::warning file=agents/review/a.md,line=4,col=8,title=tools-legacy::',
    ],
    [
      'info',
      finding('field-ignored-by-plugins', place, 7, 'color is ignored.'),
      '::notice file=agents/review/a.md,line=7,col=1,title=field-ignored-by-plugins::',
    ],
  ] as const)('a finding of severity %s is one %s annotation at its line, with the message and the hint', (_, f, start) => {
    const [line] = githubAnnotations([placed(f)]);
    expect(line!.startsWith(start)).toBe(true);
    expect(line).toContain(f.message);
    expect(line).toContain(RULES[f.rule].hint.slice(0, 20));
  });

  test('a message cannot end the command or start another, and a path cannot add a property', () => {
    const hostile = finding('name-format', place, 2, 'name "x\n::error file=evil::owned" 100% wrong\r');
    const [line] = githubAnnotations([placed(hostile, 'agents/a,b:c.md')]);
    expect(line!.split('\n')).toHaveLength(1);
    expect(line).toContain('file=agents/a%2Cb%3Ac.md,line=2');
    expect(line).toContain('x%0A::error file=evil::owned" 100%25 wrong%0D');
  });
});

describe('sarifLog', () => {
  const schema = JSON.parse(readFileSync(path.join(root, 'tests/support/sarif-schema-2.1.0.json'), 'utf8')) as object;
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
  const findings = [
    placed(finding('description-missing', place, 1, 'No description.')),
    placed(finding('tools-legacy', place, 4, 'MultiEdit <b>is</b> gone.', 8), 'agents/with space/a.md'),
    placed(finding('field-ignored-by-plugins', place, 7, 'color is ignored.')),
  ];
  const log = sarifLog(findings, { name: 'subagent-catalog check:agents', version: '0.1.0' });

  test('validates against the SARIF 2.1.0 schema', () => {
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
  });

  test('an empty run validates too', () => {
    expect(validate(sarifLog([], { name: 'x', version: '1' }))).toBe(true);
  });

  test('each result names its rule by id and index, its level, and its line and column under the source root', () => {
    const run = log.runs[0]!;
    expect(run.tool.driver.rules).toHaveLength(Object.keys(RULES).length);
    expect(run.results.map((r) => [r.ruleId, run.tool.driver.rules[r.ruleIndex]!.id, r.level])).toEqual([
      ['description-missing', 'description-missing', 'error'],
      ['tools-legacy', 'tools-legacy', 'warning'],
      ['field-ignored-by-plugins', 'field-ignored-by-plugins', 'note'],
    ]);
    expect(run.results[1]!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'agents/with%20space/a.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 4, startColumn: 8 },
    });
  });
});
