import path from 'node:path';
import type { SourceConfig } from './config.ts';
import type { Finding } from '../check/findings.ts';
import { allFindings, type ScanResult } from './assemble.ts';

/** A finding's file as a terminal shows it: the configured folder joined with the path inside it, so editors can open it. */
export function terminalPath(source: SourceConfig | undefined, relPath: string): string {
  return source ? path.join(source.dir, relPath).split(path.sep).join('/') : relPath;
}

/** One finding as a line: `file:line:col severity rule message`. */
export function formatFinding(f: Finding, sources: ReadonlyMap<string, SourceConfig>): string {
  return `${terminalPath(sources.get(f.source), f.file)}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`;
}

/** `1 error`, `2 errors`: a count with its noun. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/**
 * Counts in the words pages and summaries use: agent pages (and how many of them Claude Code skips), files
 * without a page (no name or description to show), and findings by severity.
 */
export function countsLine(counts: {
  pages: number;
  skippedByClaudeCode: number;
  withoutPage: number;
  errors: number;
  warnings: number;
  infos: number;
}): string {
  const skips = counts.skippedByClaudeCode > 0 ? ` (Claude Code skips ${counts.skippedByClaudeCode})` : '';
  return `${plural(counts.pages, 'agent page')}${skips}, ${plural(counts.withoutPage, 'file')} without a page; ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${plural(counts.infos, 'note')}`;
}

/** Lines of the end-of-build summary: per source, pages, files without a page and finding counts, then each file without a page. */
export function formatSummary(scan: ScanResult): string[] {
  const sources = new Map(scan.summaries.map((s) => [s.source.id, s.source]));
  const lines = scan.summaries.map((s) => {
    const skippedByClaudeCode = scan.agents.filter((a) => a.sourceId === s.source.id && a.verdict === 'skipped').length;
    return `${s.source.label} (${s.source.dir}): ${countsLine({ ...s, skippedByClaudeCode, withoutPage: s.skipped })}; ${plural(s.ignored.length, 'other entry', 'other entries')} ignored`;
  });
  for (const problem of scan.summaries.flatMap((s) => s.categoryProblems))
    lines.push(`categories file: ${formatFinding(problem, sources)}`);
  for (const skipped of scan.skipped) {
    const first = skipped.findings.find((f) => f.severity === 'error') ?? skipped.findings[0]!;
    lines.push(`no page for ${terminalPath(sources.get(first.source), first.file)}:${first.line} [${first.rule}] ${first.message}`);
  }
  return lines;
}

/** Findings that fail a strict build or check: errors, and warnings too when `strict` is on. */
export function strictFailures(scan: ScanResult, strict: boolean): Finding[] {
  if (!strict) return [];
  return allFindings(scan).filter((f) => f.severity === 'error' || f.severity === 'warning');
}
