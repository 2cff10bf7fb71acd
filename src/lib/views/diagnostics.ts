import type { AgentFacts as Agent, SkippedFile } from '../catalog/agent.ts';
import { SEVERITY_RANK, RULES, type Rule, type RuleId, type Severity } from '../check/rules.ts';
import type { Finding } from '../check/findings.ts';
import type { Urls } from './urls.ts';
import type { SourceRef } from './agent.ts';

/** Findings listed per page of a rule's page. */
export const FINDINGS_PER_PAGE = 200;

/** One file's findings of one rule, as the diagnostics pages list them: where, what, and the agent page when there is one. */
export interface FindingRow {
  sourceId: string;
  sourceLabel: string;
  file: string;
  /** The lines of its findings, in order, once each. */
  lines: number[];
  severity: Severity;
  /** Its findings' messages, once each. */
  messages: string[];
  /** The agent's page, at its findings, when the file became a page. */
  href: string | undefined;
}

/** A rule with how often it fired, per source, and its findings. */
export interface RuleGroup {
  rule: RuleId;
  title: string;
  severity: Severity;
  hint: string;
  /** How older Claude Code releases differ, when they do. */
  olderReleases: string | undefined;
  href: string;
  /** Findings of the rule, and the files they are in. */
  count: number;
  files: number;
  bySource: { sourceId: string; count: number }[];
  rows: FindingRow[];
}

/** Groups every finding by rule, one row per file, most severe and most frequent first. Linear in the number of findings. */
export function ruleGroups(
  agents: readonly Agent[],
  skipped: readonly SkippedFile[],
  categoryProblems: readonly Finding[],
  sources: readonly SourceRef[],
  urls: Urls,
): RuleGroup[] {
  const label = new Map(sources.map((s) => [s.id, s.label]));
  const groups = new Map<RuleId, RuleGroup>();
  const rowsByFile = new Map<string, FindingRow>();
  const countsBySource = new Map<RuleId, Map<string, number>>();
  const add = (f: Finding, href: string | undefined) => {
    let group = groups.get(f.rule);
    if (!group) {
      const rule = RULES[f.rule];
      group = {
        rule: f.rule,
        title: rule.title,
        severity: rule.severity,
        hint: rule.hint,
        olderReleases: (rule as Rule).olderReleases?.note,
        href: urls.rule(f.rule),
        count: 0,
        files: 0,
        bySource: [],
        rows: [],
      };
      groups.set(f.rule, group);
    }
    group.count++;
    const perSource = countsBySource.get(f.rule) ?? new Map<string, number>();
    perSource.set(f.source, (perSource.get(f.source) ?? 0) + 1);
    countsBySource.set(f.rule, perSource);
    const key = `${f.rule}\0${f.source}\0${f.file}`;
    const row = rowsByFile.get(key);
    if (row) {
      if (!row.lines.includes(f.line)) row.lines.push(f.line);
      if (!row.messages.includes(f.message)) row.messages.push(f.message);
      return;
    }
    const fresh: FindingRow = {
      sourceId: f.source,
      sourceLabel: label.get(f.source) ?? f.source,
      file: f.file,
      lines: [f.line],
      severity: f.severity,
      messages: [f.message],
      href,
    };
    rowsByFile.set(key, fresh);
    group.files++;
    group.rows.push(fresh);
  };
  for (const f of categoryProblems) add(f, undefined);
  for (const s of skipped) for (const f of s.findings) add(f, undefined);
  for (const a of agents) for (const f of a.findings) add(f, `${urls.agent(a.slug)}#findings`);
  for (const group of groups.values()) {
    const counts = countsBySource.get(group.rule)!;
    group.bySource = sources.filter((s) => counts.has(s.id)).map((s) => ({ sourceId: s.id, count: counts.get(s.id)! }));
  }
  return [...groups.values()].sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.count - a.count || (a.rule < b.rule ? -1 : 1),
  );
}

/**
 * Splits a rule's findings into pages of at most `size` findings (a file's row counts one per message), so a
 * page stays small however many findings one file has: a row is never split, and a row with more findings than
 * `size` has a page of its own.
 */
export function rulePages(
  group: RuleGroup,
  size = FINDINGS_PER_PAGE,
): { group: Omit<RuleGroup, 'rows'>; number: number; pageCount: number; rows: FindingRow[] }[] {
  const { rows, ...header } = group;
  const pages: FindingRow[][] = [[]];
  let weight = 0;
  for (const row of rows) {
    const rowWeight = Math.max(1, row.messages.length);
    if (weight + rowWeight > size && pages.at(-1)!.length > 0) {
      pages.push([]);
      weight = 0;
    }
    pages.at(-1)!.push(row);
    weight += rowWeight;
  }
  return pages.map((pageRows, i) => ({ group: header, number: i + 1, pageCount: pages.length, rows: pageRows }));
}
