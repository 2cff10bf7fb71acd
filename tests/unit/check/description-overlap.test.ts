import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { sourceFromDir } from '../../../src/build/config-file.ts';
import { scanSources } from '../../../src/build/scan.ts';
import { RULES } from '../../../src/lib/check/rules.ts';
import {
  findDescriptionOverlaps,
  stemOf,
  wordsOf,
  OVERLAP_THRESHOLD,
  type OverlapCandidate,
} from '../../../src/lib/check/description-overlap.ts';

/** Agents of unrelated work, so that words two agents under test share are rare in the source, as in a real one. */
const BACKGROUND: readonly [string, string][] = [
  ['terraform-module-author', 'Use when writing Terraform modules: variables, outputs, state moves and provider pins.'],
  ['ios-developer', 'Use for Swift and SwiftUI apps on iPhone: navigation, Core Data, App Store submission.'],
  ['sql-analyst', 'Use when a business question needs a warehouse query: joins, window functions, cohort tables.'],
  ['accessibility-auditor', 'Use to audit web pages for WCAG failures: focus order, contrast, screen reader names.'],
  ['incident-commander', 'Use during a production outage: timeline, roles, status updates and the postmortem.'],
  ['regex-writer', 'Use when a regular expression must be written or explained, with test strings that prove it.'],
  ['pricing-reviewer', 'Use to review a pricing page: plan names, limits, the comparison table and upgrade paths.'],
  ['shell-script-specialist', 'Use for POSIX shell scripts: quoting, set -eu, traps, portable flags and shellcheck.'],
  ['gpu-training-engineer', 'Use for model training on GPUs: data loaders, mixed precision, checkpoints, throughput.'],
  ['email-copywriter', 'Use when a launch email needs writing: subject lines, the offer, one call to action.'],
];

const CHANGELOG =
  'Use before a release to write the changelog entry from merged pull requests: breaking changes first, migration steps, version bump and tag.';

function catalogue(pair: [OverlapCandidate, OverlapCandidate], sourceId = 'main'): OverlapCandidate[] {
  return [
    ...BACKGROUND.map(([name, description]) => ({ name, description, prompt: `You are ${name}. ${description}`, sourceId })),
    ...pair,
  ];
}

function agent(name: string, description: string, extra: Partial<OverlapCandidate> = {}): OverlapCandidate {
  return { name, description, prompt: `Work as ${name}. ${description}`, sourceId: 'main', ...extra };
}

/** The names of the reported pairs. */
function pairsOf(agents: OverlapCandidate[]): string[][] {
  return findDescriptionOverlaps(agents).map((o) => [agents[o.first]!.name, agents[o.second]!.name]);
}

describe('findDescriptionOverlaps', () => {
  test.each<[string, [OverlapCandidate, OverlapCandidate], string[][]]>([
    [
      'two agents claiming the same work with nothing to tell them apart',
      [agent('changelog-keeper', CHANGELOG), agent('release-notes-writer', `${CHANGELOG} Keeps the changelog tidy.`)],
      [['changelog-keeper', 'release-notes-writer']],
    ],
    [
      'the same, where one description names the other',
      [agent('changelog-keeper', CHANGELOG), agent('release-notes-writer', `${CHANGELOG} Developer notes go to changelog-keeper.`)],
      [],
    ],
    [
      'the same, where one names the other with spaces for hyphens',
      [agent('changelog-keeper', CHANGELOG), agent('release-notes-writer', `${CHANGELOG} Ask the changelog keeper for developer notes.`)],
      [],
    ],
    [
      'the same, where a clause sends the other agent’s work elsewhere',
      [agent('changelog-keeper', CHANGELOG), agent('release-notes-writer', `${CHANGELOG} Not for changelog upkeep: customer notes only.`)],
      [],
    ],
    [
      'siblings, each about a technology of its own name the other never mentions',
      [
        agent('vue-developer', 'Use for Vue 3 apps: components, props, reactivity, routing, forms and state stores, with component tests.'),
        agent(
          'svelte-developer',
          'Use for Svelte 5 apps: components, props, reactivity, routing, forms and state stores, with component tests.',
        ),
      ],
      [],
    ],
    [
      'a generalist and a specialist whose name the generalist covers',
      [
        agent(
          'frontend-developer',
          'Use for frontend work: Vue components, props, reactivity, routing, forms and state stores, with component tests.',
        ),
        agent('vue-developer', 'Use for Vue 3 apps: components, props, reactivity, routing, forms and state stores, with component tests.'),
      ],
      [['frontend-developer', 'vue-developer']],
    ],
    ['two agents of one name (twins, linked elsewhere)', [agent('changelog-keeper', CHANGELOG), agent('changelog-keeper', CHANGELOG)], []],
    [
      'agents whose work differs',
      [
        agent('changelog-keeper', CHANGELOG),
        agent('kafka-engineer', 'Use when building Kafka producers and consumers: partitions, offsets, consumer lag, rebalances.'),
      ],
      [],
    ],
  ])('%s', (_, pair, expected) => {
    expect(pairsOf(catalogue(pair))).toEqual(expected);
  });

  test('pairs only agents of one source: a user installs one collection', () => {
    const agents = [...catalogue([agent('changelog-keeper', CHANGELOG), agent('release-notes-writer', CHANGELOG)])];
    agents[agents.length - 1] = { ...agents[agents.length - 1]!, sourceId: 'other' };
    expect(pairsOf(agents)).toEqual([]);
  });

  test('reports a pair once, with its score and the words that weigh most', () => {
    const agents = catalogue([agent('changelog-keeper', CHANGELOG), agent('release-notes-writer', CHANGELOG)]);
    const [overlap, ...rest] = findDescriptionOverlaps(agents);
    expect(rest).toEqual([]);
    expect(overlap!.score).toBeGreaterThanOrEqual(OVERLAP_THRESHOLD);
    expect(overlap!.score).toBeLessThanOrEqual(1.000001);
    expect(overlap!.sharedWords).toHaveLength(4);
    expect(overlap!.sharedWords).toContain('changelog');
  });

  test('reads the prompt: descriptions that share few words, prompts that do the same work', () => {
    const prompt = 'Profile the endpoint, read the flame graph, find the hotspot, fix it and measure p95 latency before and after.';
    const agents = catalogue([
      agent('latency-fixer', 'Use when a slow endpoint needs fixing.', { prompt }),
      agent('speed-doctor', 'Use when a page responds slowly.', { prompt }),
    ]);
    expect(pairsOf(agents)).toEqual([['latency-fixer', 'speed-doctor']]);
    const withoutPrompts = agents.map((a) => ({ ...a, prompt: '' }));
    expect(pairsOf(withoutPrompts)).toEqual([]);
  });

  test('only mutual neighbours: an agent close to many is paired with its closest, not with all', () => {
    const many = Array.from({ length: 6 }, (_, i) =>
      agent(`changelog-helper-${'abcdef'[i]}`, `${CHANGELOG} Variant ${'abcdef'[i]!.repeat(3)} for team ${i}.`),
    );
    const agents = [...catalogue([many[0]!, many[1]!]), ...many.slice(2)];
    const overlaps = findDescriptionOverlaps(agents);
    const perAgent = new Map<number, number>();
    for (const o of overlaps) for (const i of [o.first, o.second]) perAgent.set(i, (perAgent.get(i) ?? 0) + 1);
    expect(overlaps.length).toBeGreaterThan(0);
    expect(Math.max(...perAgent.values())).toBeLessThanOrEqual(3);
  });

  test('a catalogue of one agent, or none, has no pairs', () => {
    expect(findDescriptionOverlaps([])).toEqual([]);
    expect(findDescriptionOverlaps([agent('changelog-keeper', CHANGELOG)])).toEqual([]);
  });
});

describe('words', () => {
  test.each([
    ['tests', 'test'],
    ['queries', 'query'],
    ['profiling', 'profil'],
    ['migrated', 'migrat'],
    ['class', 'class'],
    ['status', 'status'],
  ])('stemOf(%s) is %s', (word, stem) => {
    expect(stemOf(word)).toBe(stem);
  });

  test('keeps dotted names whole, splits hyphens, drops stop words', () => {
    expect(wordsOf('Use for Next.js and ASP.NET apps, test-driven.')).toEqual(['next.j', 'asp.net', 'app', 'test', 'driven']);
  });
});

describe('the description-overlap rule in a scan', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'overlap-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, description: string) =>
    `---\nname: ${name}\ndescription: ${JSON.stringify(description)}\n---\nWork as ${name}. ${description}\n`;
  for (const [name, description] of BACKGROUND) writeFileSync(path.join(dir, `${name}.md`), file(name, description));
  writeFileSync(path.join(dir, 'changelog-keeper.md'), file('changelog-keeper', CHANGELOG));
  writeFileSync(path.join(dir, 'release-notes-writer.md'), file('release-notes-writer', CHANGELOG));
  writeFileSync(path.join(dir, 'broken-twin.md'), file('broken-twin', CHANGELOG).replace('name: broken-twin\n', ''));
  const scan = scanSources([sourceFromDir(dir, process.cwd())]);
  const overlapsOf = (name: string) => scan.agents.find((a) => a.name === name)!.findings.filter((f) => f.rule === 'description-overlap');

  test('puts a note on both agents, at the description line, naming the other and its file', () => {
    expect(overlapsOf('changelog-keeper')).toEqual([
      expect.objectContaining({
        file: 'changelog-keeper.md',
        line: 3,
        severity: 'info',
        hint: RULES['description-overlap'].hint,
        message: expect.stringMatching(
          /^Claude may not tell this agent from `release-notes-writer` \(release-notes-writer\.md\): both cover .*changelog/,
        ),
      }),
    ]);
    expect(overlapsOf('release-notes-writer')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('`changelog-keeper` (changelog-keeper.md)') }),
    ]);
  });

  test('leaves the verdict alone, and leaves out files Claude Code skips', () => {
    expect(scan.agents.find((a) => a.name === 'changelog-keeper')!.verdict).toBe('clean');
    expect(scan.skipped.map((s) => s.relPath)).toEqual(['broken-twin.md']);
    expect(scan.agents.flatMap((a) => a.findings).filter((f) => f.rule === 'description-overlap')).toHaveLength(2);
  });
});

describe('the groups a review of the default catalogue found Claude could not tell apart', () => {
  // Each generalist or neighbour against the agents it was confused with. The descriptions now say when to pick
  // which, so none of these pairs may come back at any score: a description that loses its pointer shows up here.
  const GROUPS: [string, string[]][] = [
    [
      'backend-developer',
      [
        'django-specialist',
        'fastapi-developer',
        'java-spring-specialist',
        'laravel-developer',
        'nestjs-developer',
        'node-api-developer',
        'rails-developer',
        'aspnet-core-developer',
      ],
    ],
    [
      'frontend-developer',
      ['vue-developer', 'angular-developer', 'svelte-developer', 'nextjs-developer', 'astro-developer', 'react-specialist'],
    ],
    ['ci-pipeline-engineer', ['flaky-test-hunter', 'build-tooling-doctor']],
    ['flaky-test-hunter', ['build-tooling-doctor', 'debugger']],
    ['performance-profiler', ['postgres-query-tuner', 'mysql-tuner']],
    ['refactoring-guide', ['codemod-writer']],
    ['schema-migration-planner', ['django-specialist', 'rails-developer', 'laravel-developer']],
    ['dependency-upgrader', ['migration-campaign-lead', 'angular-developer', 'nextjs-developer']],
    ['test-writer', ['playwright-e2e-writer', 'cypress-e2e-writer']],
    ['readme-writer', ['tutorial-author', 'onboarding-guide-writer']],
    ['tutorial-author', ['onboarding-guide-writer']],
  ];
  const scan = scanSources([sourceFromDir(path.resolve(import.meta.dirname, '../../../content/agents'), process.cwd())]);
  const agents = scan.agents.map((a) => ({ name: a.name, description: a.descriptionText, prompt: a.body, sourceId: a.sourceId }));
  const reported = new Set(
    findDescriptionOverlaps(agents, { threshold: 0, neighbours: 12 }).map((o) =>
      [agents[o.first]!.name, agents[o.second]!.name].sort().join(' ~ '),
    ),
  );

  const names = new Set(agents.map((a) => a.name));

  test.each(GROUPS)('%s is told apart from its neighbours', (name, neighbours) => {
    expect(names.has(name)).toBe(true);
    for (const other of neighbours) {
      expect(names.has(other), other).toBe(true);
      expect(reported.has([name, other].sort().join(' ~ ')), `${name} ~ ${other}`).toBe(false);
    }
  });

  test('the check still sees pairs at that score, so the groups above are cleared by their descriptions', () => {
    expect(reported.size).toBeGreaterThan(20);
  });
});
