import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { scanSources } from '../../../src/build/scan.ts';
import { allFindings } from '../../../src/lib/catalog/assemble.ts';
import { sourceFromDir } from '../../../src/build/config-file.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const corporaDir = path.join(root, 'tests/corpora');
const corpora = readdirSync(corporaDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const scan = scanSources(corpora.map((dir) => sourceFromDir(path.join(corporaDir, dir), root)));

/** An oracle independent of the parser: does the file's first `---` block have non-empty name and description lines? */
function hasNameAndDescription(text: string): boolean {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() !== '');
  if (lines[start]?.trim() !== '---') return false;
  const end = lines.findIndex((l, i) => i > start && l.trim() === '---');
  const block = lines.slice(start + 1, end).map((l) => l.trim());
  return block.some((l) => /^name:\s*\S/.test(l)) && block.some((l) => /^description:\s*\S/.test(l));
}

function agentFilesOf(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) return agentFilesOf(dir, r);
    return e.name.endsWith('.md') && e.name !== 'SOURCE.md' && e.name !== 'README.md' ? [r] : [];
  });
}

describe('the 7 shared corpora built together', () => {
  test('has the expected 1,237 agent files', () => {
    expect(scan.summaries.reduce((n, s) => n + s.agentFiles, 0)).toBe(1237);
  });

  test.each(corpora)('%s: every file is a page or a diagnostic, and pages are exactly the files with a name and description', (corpus) => {
    const summary = scan.summaries.find((s) => s.source.id === corpus)!;
    const files = agentFilesOf(path.join(corporaDir, corpus));
    const readable = files.filter((f) => hasNameAndDescription(readFileSync(path.join(corporaDir, corpus, f), 'utf8')));
    const pages = scan.agents.filter((a) => a.sourceId === corpus).map((a) => a.file.relPath);
    const skipped = scan.skipped.filter((s) => s.sourceId === corpus);
    expect(summary.agentFiles).toBe(files.length);
    expect(pages.sort()).toEqual(readable.sort());
    expect(skipped.map((s) => s.relPath).sort()).toEqual(files.filter((f) => !readable.includes(f)).sort());
    for (const file of skipped) {
      expect(file.findings.some((f) => f.severity === 'error' && ['name-missing', 'description-missing'].includes(f.rule))).toBe(true);
    }
  });

  test('every collided name gets distinct slugs that link to each other', () => {
    const byName = new Map<string, string[]>();
    for (const agent of scan.agents) byName.set(agent.name, [...(byName.get(agent.name) ?? []), agent.slug]);
    const collided = [...byName].filter(([, slugs]) => slugs.length > 1);
    expect(collided.length).toBeGreaterThan(100);
    expect(new Set(scan.agents.map((a) => a.slug)).size).toBe(scan.agents.length);
    for (const [name, slugs] of collided) {
      for (const agent of scan.agents.filter((a) => a.name === name)) {
        expect(agent.twins.count).toBe(slugs.length - 1);
        expect(agent.twins.preview.length).toBe(Math.min(5, slugs.length - 1));
        for (const twin of agent.twins.preview) expect(slugs).toContain(twin);
      }
    }
  });

  test('every diagnostic names a file, a line, a rule, a severity and a message', () => {
    for (const d of allFindings(scan)) {
      expect(d.file).toMatch(/\.md$/);
      expect(d.file.startsWith('tests/') || d.file.startsWith('/')).toBe(false);
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.rule).toMatch(/^[a-z-]+$/);
      expect(['error', 'warning', 'info']).toContain(d.severity);
      expect(d.message.length).toBeGreaterThan(5);
    }
  });

  // What Claude Code itself loads is checked against the real binary in tests/conformance; here, that a verdict
  // is a fact about the file alone.
  test.each(corpora)('%s: every verdict and finding is the same built alone as beside the other corpora', (corpus) => {
    const alone = scanSources([sourceFromDir(path.join(corporaDir, corpus), root)]);
    const judged = (agents: typeof scan.agents) =>
      agents
        .filter((a) => a.sourceId === corpus)
        .map((a) => ({ file: a.file.relPath, verdict: a.verdict, findings: a.findings.map((f) => `${f.line} ${f.rule} ${f.message}`) }))
        .sort((x, y) => (x.file < y.file ? -1 : 1));
    expect(judged(scan.agents)).toEqual(judged(alone.agents));
    expect(scan.agents.filter((a) => a.sourceId === corpus && a.twins.count > 0).length).toBeGreaterThan(0);
  });
});
