import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

function checkAgents(...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/check-agents.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

test.each([
  [['--strict'], 0],
  [['--strict', 'content/agents'], 0],
  [['tests/fixtures/agents'], 1],
  [['--format', 'yaml', 'content/agents'], 2],
  [['no/such/folder'], 2],
  [['--bogus'], 2],
  [[''], 2],
  [['content/agents', ' '], 2],
])('check:agents %j exits %i', (args, code) => expect(checkAgents(...args).code).toBe(code));

test('text output has one file:line:col severity rule message line per finding, then a summary', () => {
  const { out } = checkAgents('tests/fixtures/agents');
  const lines = out.trim().split('\n');
  expect(lines.at(-1)).toBe('12 files: 10 agent pages (Claude Code skips 1), 2 files without a page; 5 errors, 11 warnings, 7 notes');
  for (const line of lines.slice(0, -1)) expect(line).toMatch(/^tests\/fixtures\/agents\/\S+\.md:\d+:\d+ (error|warning|info) [a-z-]+ .+/);
  expect(out).toContain('tests/fixtures/agents/messy/unquoted-colon.md:3:1 warning yaml-invalid');
  expect(out).toContain('tests/fixtures/agents/messy/flat-hooks.md:5:1 error hooks-invalid');
});

test('JSON output carries the summary, the sources and every diagnostic with its hint', () => {
  const { out } = checkAgents('--format', 'json', 'tests/fixtures/agents');
  const report = JSON.parse(out) as {
    summary: { agents: number; skipped: number; errors: number; ok: boolean };
    sources: { id: string; pages: number }[];
    findings: { source: string; file: string; line: number; rule: string; severity: string; hint: string }[];
  };
  expect(report.summary).toMatchObject({ agents: 10, skipped: 2, errors: 5, warnings: 11, ok: false });
  expect(report.sources).toEqual([expect.objectContaining({ id: 'agents', pages: 10 })]);
  expect(report.findings).toHaveLength(23);
  expect(report.findings.every((f) => f.hint.length > 0 && f.source === 'agents' && !f.file.startsWith('tests/'))).toBe(true);
});

test('--format github prints one workflow annotation per finding at its file and line, then the summary', () => {
  const { out, code } = checkAgents('--format', 'github', 'tests/fixtures/agents');
  const lines = out.trim().split('\n');
  expect(code).toBe(1);
  expect(lines).toHaveLength(24);
  for (const line of lines.slice(0, -1))
    expect(line).toMatch(/^::(error|warning|notice) file=tests\/fixtures\/agents\/\S+\.md,line=\d+,col=\d+,title=[a-z-]+::.+/);
  expect(out).toContain('::error file=tests/fixtures/agents/messy/flat-hooks.md,line=5,col=1,title=hooks-invalid::');
  expect(lines.at(-1)).toMatch(/^12 files: /);
});

test('--format sarif prints a SARIF 2.1.0 log with every finding, and exits as the text format does', () => {
  const { out, code } = checkAgents('--format', 'sarif', 'tests/fixtures/agents');
  const log = JSON.parse(out) as {
    version: string;
    runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
  };
  expect(code).toBe(1);
  expect(log.version).toBe('2.1.0');
  expect(log.runs[0]!.results).toHaveLength(23);
  expect(log.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri)).toContain(
    'tests/fixtures/agents/messy/flat-hooks.md',
  );
  expect(checkAgents('--format', 'sarif', '--strict', 'content/agents').code).toBe(0);
});

test('--strict turns warnings into failures: the same folder passes without it and fails with it', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'strict-'));
  writeFileSync(path.join(dir, 'a.md'), '---\nname: a\ndescription: Use when testing.\ntools: Read, MultiEdit\n---\nBody.\n');
  try {
    const plain = checkAgents(dir);
    const strict = checkAgents('--strict', dir);
    expect(plain.out).toContain('warning tools-legacy');
    expect(plain.code).toBe(0);
    expect(strict.out).toContain('warning tools-legacy');
    expect(strict.code).toBe(1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('npm run export', () => {
  const exportTo = (...args: string[]) => {
    const result = spawnSync(process.execPath, ['scripts/export.ts', ...args], { cwd: root, encoding: 'utf8' });
    return { code: result.status, out: result.stdout, err: result.stderr };
  };

  test.each([[['--target', 'vim', 'x']], [['--target', 'codex']], [['x']]])('%j is a usage error', (args) =>
    expect(exportTo(...args).code).toBe(2),
  );

  test('writes one file per agent into the tool’s folder, lists what it leaves out, and never replaces a file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'export-'));
    try {
      const first = exportTo('--target', 'copilot', dir, 'tests/fixtures/agents');
      expect(first.code).toBe(0);
      expect(first.out).toMatch(/^Wrote 8 GitHub Copilot agent files into /);
      expect(first.out).toContain('Left out tests/fixtures/agents/messy/flat-hooks.md: Claude Code skips it');
      const files = readdirSync(path.join(dir, '.github/agents'));
      expect(files).toHaveLength(8);
      expect(files.every((f) => /^[a-z0-9-]+\.agent\.md$/.test(f))).toBe(true);
      writeFileSync(path.join(dir, '.github/agents', files[0]!), 'mine');
      const again = exportTo('--target', 'copilot', dir, 'tests/fixtures/agents');
      expect(again.out).toContain(`Kept .github/agents/${files[0]!}: a file of that name is already there`);
      expect(readFileSync(path.join(dir, '.github/agents', files[0]!), 'utf8')).toBe('mine');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
