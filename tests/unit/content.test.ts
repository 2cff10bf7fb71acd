import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { scanSources, allDiagnostics, readCategoryFile, listFiles } from '../../src/lib/scan.ts';
import { sourceFromDir } from '../../src/lib/sources.ts';

const root = path.resolve(import.meta.dirname, '../..');
const contentDir = path.join(root, 'content/agents');
const scan = scanSources([sourceFromDir('content/agents', root)]);
const categories = readCategoryFile(path.join(contentDir, 'categories.yaml')).table;

/** Every run of `size` consecutive words (lowercase letters and digits) in a text. */
function wordRuns(text: string, size: number): string[] {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const runs: string[] = [];
  for (let i = 0; i + size <= words.length; i++) runs.push(words.slice(i, i + size).join(' '));
  return runs;
}

describe('the default catalogue', () => {
  test('has at least 60 agents in at least 10 categories, with unique names', () => {
    expect(scan.agents.length).toBeGreaterThanOrEqual(60);
    expect(new Set(scan.agents.map((a) => a.categoryId)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(scan.agents.map((a) => a.name)).size).toBe(scan.agents.length);
    expect(scan.skipped).toEqual([]);
  });

  test('passes every check with no findings at all', () => {
    expect(allDiagnostics(scan)).toEqual([]);
  });

  test('every category folder has a label, an order and a one-paragraph description', () => {
    for (const id of new Set(scan.agents.map((a) => a.categoryId))) {
      const meta = categories.get(id);
      expect(meta, id).toBeDefined();
      expect(meta!.label.length).toBeGreaterThan(2);
      expect(meta!.order).toEqual(expect.any(Number));
      expect(meta!.description?.length ?? 0).toBeGreaterThan(60);
    }
    expect(new Set([...categories.values()].map((m) => m.order)).size).toBe(categories.size);
  });

  test('puts the backend developer agent in Core Development', () => {
    expect(scan.agents.find((a) => a.name === 'backend-developer')?.categoryId).toBe('core-development');
  });

  test.each(scan.agents.map((a) => [a.name, a] as const))('%s follows the house rules', (_, agent) => {
    expect(agent.strictParse).toBe(true);
    expect(agent.name).toBe(path.basename(agent.file.relPath, '.md'));
    expect(agent.description.length).toBeLessThanOrEqual(300);
    expect(agent.description).toMatch(/^Use (when|during|after|before|for|to|this)\b/);
    expect(agent.tools.inheritsAll, 'tools must be chosen, not inherited').toBe(false);
    expect(agent.tools.tools.length).toBeGreaterThan(0);
    expect(['haiku', 'sonnet', 'opus', 'inherit']).toContain(agent.model.raw);
    expect(agent.skills, 'technologies belong in tags, not skills').toEqual([]);
    expect(agent.tags.length).toBeGreaterThanOrEqual(3);
    for (const tag of agent.tags) expect(tag).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    for (const section of ['## First, look at', '## Method', '## Before you finish', '## Output']) expect(agent.body).toContain(section);
    expect(agent.body, 'no invented percentages').not.toMatch(/\d+(\.\d+)?\s?%/);
    expect(agent.file.lineEndings).toBe('lf');
    expect(agent.file.finalNewline).toBe(true);
  });

  test('reviewers and auditors read and never write', () => {
    const readers = scan.agents.filter((a) => /(reviewer|auditor|explorer|checker)$/.test(a.name));
    expect(readers.length).toBeGreaterThanOrEqual(4);
    for (const agent of readers) {
      expect(agent.tools.tools.map((t) => t.name), agent.name).not.toContain('Write');
      expect(agent.tools.tools.map((t) => t.name), agent.name).not.toContain('Edit');
    }
  });

  test('uses opus sparingly and inherit by default', () => {
    const byModel = (m: string) => scan.agents.filter((a) => a.model.raw === m).length;
    expect(byModel('inherit')).toBeGreaterThan(scan.agents.length / 2);
    expect(byModel('opus')).toBeLessThanOrEqual(scan.agents.length / 5);
    expect(byModel('haiku')).toBeGreaterThan(0);
  });

  test('shares no run of 12 or more consecutive words with any file in the public corpora', () => {
    const corporaDir = path.resolve(root, '../shared/corpora');
    const corpusRuns = new Set<string>();
    for (const corpus of readdirSync(corporaDir)) {
      const dir = path.join(corporaDir, corpus);
      const { candidates, ignored } = listFiles(dir);
      for (const rel of [...candidates, ...ignored]) for (const run of wordRuns(readFileSync(path.join(dir, rel), 'utf8'), 12)) corpusRuns.add(run);
    }
    expect(corpusRuns.size).toBeGreaterThan(100_000);
    const copied = scan.agents.flatMap((agent) => wordRuns(agent.raw, 12).filter((run) => corpusRuns.has(run)).map((run) => `${agent.name}: ${run}`));
    expect(copied).toEqual([]);
  });
});
