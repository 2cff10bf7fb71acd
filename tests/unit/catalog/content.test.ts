import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { scanSources, readCategoryFile } from '../../../src/build/scan.ts';
import { allFindings } from '../../../src/lib/catalog/assemble.ts';
import { listSource } from '../../../src/build/files.ts';
import { sourceFromDir } from '../../../src/build/config-file.ts';
import { firstFence, followsShape, section, templateLabels } from '../../support/agent-shape.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const contentDir = path.join(root, 'content/agents');
const scan = scanSources([sourceFromDir('content/agents', root)]);
const categories = readCategoryFile(path.join(contentDir, 'categories.yaml'), 'agents', 'categories.yaml').table;

/** Every run of `size` consecutive words (lowercase letters and digits) in a text. */
function wordRuns(text: string, size: number): string[] {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const runs: string[] = [];
  for (let i = 0; i + size <= words.length; i++) runs.push(words.slice(i, i + size).join(' '));
  return runs;
}

describe('the default catalogue', () => {
  test('has at least 150 agents in at least 12 categories, with unique names', () => {
    expect(scan.agents.length).toBeGreaterThanOrEqual(150);
    expect(new Set(scan.agents.map((a) => a.categoryId)).size).toBeGreaterThanOrEqual(12);
    expect(new Set(scan.agents.map((a) => a.name)).size).toBe(scan.agents.length);
    expect(scan.skipped).toEqual([]);
  });

  // Notes that a field (`color`, a guard hook) does nothing once the agent ships in a plugin are facts about
  // plugins, not defects of the file; every other finding is.
  test('passes every check: no errors, no warnings, and no notes but those about fields plugins ignore', () => {
    expect(allFindings(scan).filter((f) => f.rule !== 'field-ignored-by-plugins')).toEqual([]);
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
    for (const heading of ['## First, look at', '## Method', '## Before you finish', '## Output', '## Worked example'])
      expect(agent.body).toContain(heading);
    expect(agent.body, 'no invented percentages').not.toMatch(/\d+(\.\d+)?\s?%/);
    expect(agent.file.lineEndings).toBe('lf');
    expect(agent.file.finalNewline).toBe(true);
  });

  test.each(scan.agents.map((a) => [a.name, a] as const))(
    '%s ends with a short worked example in the shape its Output section declares',
    (_, agent) => {
      const template = firstFence(section(agent.body, 'Output') ?? '');
      expect(template, 'the Output section holds a fenced template').toBeDefined();
      const labels = templateLabels(template!);
      expect(labels.length, 'the template names its parts').toBeGreaterThanOrEqual(2);
      const example = section(agent.body, 'Worked example');
      expect(example, 'a ## Worked example section').toBeDefined();
      expect(agent.body.trimEnd().endsWith(example!.trimEnd()), 'the worked example is the last section').toBe(true);
      expect(example!.length, 'the worked example stays short: the body is loaded on every run').toBeLessThanOrEqual(2000);
      expect(example).toMatch(/^Request: "[^"\n]{20,}"$/m);
      const answer = firstFence(example!);
      expect(answer, 'the answer is a fenced block').toBeDefined();
      expect({ labels, answer: answer!.join('\n') }, 'the answer has every part of the template, in order').toSatisfy(() =>
        followsShape(labels, answer!),
      );
    },
  );

  test('every agent a prompt names exists in the catalogue', () => {
    const names = new Set(scan.agents.map((a) => a.name));
    const named = scan.agents.flatMap((agent) => {
      const mentions = [
        ...agent.body.matchAll(/`([a-z0-9]+(?:-[a-z0-9]+)+)`\s+(?:sub)?agents?\b/g),
        ...agent.body.matchAll(/claude --agent ([a-z0-9-]+)/g),
        ...agent.description.matchAll(/claude --agent ([a-z0-9-]+)/g),
      ].map((m) => m[1]!);
      const allowed = agent.tools.tools.filter((t) => t.name === 'Agent' && t.rule).flatMap((t) => t.rule!.split(',').map((s) => s.trim()));
      return [...mentions, ...allowed].map((name) => ({ agent: agent.name, name }));
    });
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter(({ name }) => !names.has(name))).toEqual([]);
  });

  test('no two descriptions share a run of 8 words, so Claude can tell them apart', () => {
    const seen = new Map<string, string>();
    const shared: string[] = [];
    for (const agent of scan.agents) {
      for (const run of new Set(wordRuns(agent.description, 8))) {
        const other = seen.get(run);
        if (other && other !== agent.name) shared.push(`${other} / ${agent.name}: ${run}`);
        else seen.set(run, agent.name);
      }
    }
    expect(shared).toEqual([]);
  });

  test('reviewers and auditors read and never write', () => {
    const readers = scan.agents.filter((a) => /(reviewer|auditor|explorer|checker)$/.test(a.name));
    expect(readers.length).toBeGreaterThanOrEqual(4);
    for (const agent of readers) {
      expect(
        agent.tools.tools.map((t) => t.name),
        agent.name,
      ).not.toContain('Write');
      expect(
        agent.tools.tools.map((t) => t.name),
        agent.name,
      ).not.toContain('Edit');
    }
  });

  test('uses opus sparingly and inherit by default', () => {
    const byModel = (m: string) => scan.agents.filter((a) => a.model.raw === m).length;
    expect(byModel('inherit')).toBeGreaterThan(scan.agents.length / 2);
    expect(byModel('opus')).toBeLessThanOrEqual(scan.agents.length / 5);
    expect(byModel('haiku')).toBeGreaterThan(0);
  });

  test('shares no run of 12 or more consecutive words with any file in the public corpora', () => {
    const corporaDir = path.join(root, 'tests/corpora');
    const corpusRuns = new Set<string>();
    for (const corpus of readdirSync(corporaDir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
      const dir = path.join(corporaDir, corpus.name);
      const { candidates, ignored } = listSource(dir);
      const files = [...candidates.map((c) => c.relPath), ...ignored.map((i) => i.relPath)];
      for (const rel of files) for (const run of wordRuns(readFileSync(path.join(dir, rel), 'utf8'), 12)) corpusRuns.add(run);
    }
    expect(corpusRuns.size).toBeGreaterThan(100_000);
    const copied = scan.agents.flatMap((agent) =>
      wordRuns(readFileSync(agent.file.absPath, 'utf8'), 12)
        .filter((run) => corpusRuns.has(run))
        .map((run) => `${agent.name}: ${run}`),
    );
    expect(copied).toEqual([]);
  });
});
