import type { AgentData, SkippedFile } from './agent.ts';
import type { AgentDraft, FileOutcome } from './analyse.ts';
import type { CategoryTable } from './categories.ts';
import type { SourceConfig } from './config.ts';
import { countBySeverity, finding, sortFindings, type Finding } from '../check/findings.ts';
import { findDescriptionOverlaps } from '../check/description-overlap.ts';
import { assignUniqueSlugs, slugify } from './slugs.ts';
import { nameSkeleton, visibleName } from '../text/unicode.ts';

/** An entry a source lists and leaves out on purpose, with why. */
export interface IgnoredEntry {
  relPath: string;
  reason: string;
}

/** An agent as the scan hands it on: stored fields, plus its prompt and CLI fields for the renderer and the open data. */
export type ScannedAgent = AgentData & Pick<AgentDraft, 'body' | 'bodyLine' | 'cliFields'>;

/** Per-source counts for the build summary, the checker and the diagnostics page. */
export interface SourceSummary {
  source: SourceConfig;
  /** Entries considered as agents: Markdown files, and entries that could not be read as they should be. */
  agentFiles: number;
  pages: number;
  skipped: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Entries left out on purpose, with why. */
  ignored: IgnoredEntry[];
  /** Problems in the categories file, as findings on that file. Reported, never fatal. */
  categoryProblems: Finding[];
}

/** The whole catalogue as read from its sources, in one pass. */
export interface ScanResult {
  agents: ScannedAgent[];
  skipped: SkippedFile[];
  categories: CategoryTable;
  summaries: SourceSummary[];
}

/**
 * Links agents that share a name, in linear time: each gets the group size and a few of the others. Names are
 * compared as a reader sees them (nameSkeleton), so a look-alike (`cоde-reviewer` with a Cyrillic о, `Code-Reviewer`,
 * which a file system that ignores case takes for the same file) is a twin of the name it imitates.
 */
function findTwins(drafts: readonly AgentDraft[], slugs: readonly string[]): AgentData['twins'][] {
  const groups = new Map<string, number[]>();
  const keys = drafts.map((draft) => nameSkeleton(draft.name));
  keys.forEach((key, index) => {
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  });
  return keys.map((key, index) => {
    const group = groups.get(key)!;
    const preview: string[] = [];
    for (const other of group) {
      if (preview.length === 5) break;
      if (other !== index) preview.push(slugs[other]!);
    }
    return { count: group.length - 1, preview, groupSlug: slugify(key) };
  });
}

/**
 * The `description-overlap` findings of each agent, by index: one on both agents of each pair Claude could not tell
 * apart. Agents Claude Code skips take no part, as Claude is never offered them. Pairs are within one source, so a
 * file's findings depend on its own collection only, never on what else is built beside it.
 */
function overlapFindings(drafts: readonly AgentDraft[]): Map<number, Finding[]> {
  const loaded = drafts.flatMap((draft, index) => (draft.verdict === 'skipped' ? [] : [index]));
  const overlaps = findDescriptionOverlaps(
    loaded.map((index) => {
      const draft = drafts[index]!;
      return { name: draft.name, description: draft.descriptionText, prompt: draft.body, sourceId: draft.sourceId };
    }),
  );
  const byAgent = new Map<number, Finding[]>();
  for (const overlap of overlaps) {
    const first = loaded[overlap.first]!;
    const second = loaded[overlap.second]!;
    for (const [index, otherIndex] of [
      [first, second],
      [second, first],
    ] as const) {
      const draft = drafts[index]!;
      const other = drafts[otherIndex]!;
      const message =
        `Claude may not tell this agent from \`${visibleName(other.name)}\` (${other.file.relPath}): both cover ` +
        `${overlap.sharedWords.join(', ')} (score ${overlap.score.toFixed(2)}) and neither description says when to pick which.`;
      const list = byAgent.get(index) ?? [];
      list.push(finding('description-overlap', { source: draft.sourceId, file: draft.file.relPath }, draft.descriptionLine, message));
      byAgent.set(index, list);
    }
  }
  return byAgent;
}

/**
 * The catalogue from what was read of each file: slugs for the agents, twins, and the counts of each source.
 * `summaries` are the sources' summaries with zero counts, filled in here.
 */
export function assembleCatalog(outcomes: readonly FileOutcome[], categories: CategoryTable, summaries: SourceSummary[]): ScanResult {
  const drafts = outcomes.flatMap((o) => (o.kind === 'agent' ? [o.agent] : []));
  const overlaps = overlapFindings(drafts);
  const skipped = outcomes.flatMap((o) => (o.kind === 'skipped' ? [o.skipped] : []));
  const slugs = assignUniqueSlugs(
    drafts.map((a) => ({ base: a.name, qualifier: [a.sourceId, ...a.file.relPath.replace(/\.md$/i, '').split('/')].join('-') })),
  );
  // Twins are a fact about the catalogue, not about a file: they are linked, never a finding, so a file's
  // verdict is the same whatever else is built beside it.
  const twins = findTwins(drafts, slugs);
  const agents: ScannedAgent[] = drafts.map((draft, index) => {
    const overlap = overlaps.get(index);
    const findings = overlap ? sortFindings([...draft.findings, ...overlap]) : draft.findings;
    return { ...draft, findings, slug: slugs[index]!, twins: twins[index]! };
  });

  const bySource = new Map(summaries.map((s) => [s.source.id, s]));
  for (const entry of [...agents, ...skipped]) {
    const summary = bySource.get(entry.sourceId)!;
    if ('slug' in entry) summary.pages++;
    else summary.skipped++;
    const counts = countBySeverity(entry.findings);
    summary.errors += counts.errors;
    summary.warnings += counts.warnings;
    summary.infos += counts.infos;
  }
  for (const summary of summaries) {
    const counts = countBySeverity(summary.categoryProblems);
    summary.warnings += counts.warnings;
  }
  return { agents, skipped, categories, summaries };
}

/** Every finding of a scan (categories files, skipped files, agents), sorted by source, file and line. */
export function allFindings(scan: ScanResult): Finding[] {
  const all = [
    ...scan.summaries.flatMap((s) => s.categoryProblems),
    ...scan.skipped.flatMap((s) => s.findings),
    ...scan.agents.flatMap((a) => a.findings),
  ];
  return all.sort((a, b) =>
    a.source < b.source ? -1 : a.source > b.source ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line,
  );
}
