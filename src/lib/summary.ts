import path from 'node:path';
import type { SourceConfig } from './config.ts';
import type { Finding } from './findings.ts';
import { allFindings, type ScanResult } from './scan.ts';

/** A finding's file as a terminal shows it: the configured folder joined with the path inside it, so editors can open it. */
export function terminalPath(source: SourceConfig | undefined, relPath: string): string {
  return source ? path.join(source.dir, relPath).split(path.sep).join('/') : relPath;
}

/** One finding as a line: `file:line:col severity rule message`. */
export function formatFinding(f: Finding, sources: ReadonlyMap<string, SourceConfig>): string {
  return `${terminalPath(sources.get(f.source), f.file)}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`;
}

/** Lines of the end-of-build summary: per source, pages, skipped files and finding counts, then each skipped file. */
export function formatSummary(scan: ScanResult): string[] {
  const sources = new Map(scan.summaries.map((s) => [s.source.id, s.source]));
  const lines = scan.summaries.map(
    (s) =>
      `${s.source.label} (${s.source.dir}): ${s.pages} agent pages, ${s.skipped} skipped, ${s.errors} errors, ${s.warnings} warnings, ${s.infos} notes; ${s.ignored.length} other entries ignored`,
  );
  for (const problem of scan.summaries.flatMap((s) => s.categoryProblems)) lines.push(`categories file: ${formatFinding(problem, sources)}`);
  for (const skipped of scan.skipped) {
    const first = skipped.findings.find((f) => f.severity === 'error') ?? skipped.findings[0]!;
    lines.push(`skipped ${terminalPath(sources.get(first.source), first.file)}:${first.line} [${first.rule}] ${first.message}`);
  }
  return lines;
}

/** Findings that fail a strict build or check: errors, and warnings too when `strict` is on. */
export function strictFailures(scan: ScanResult, strict: boolean): Finding[] {
  if (!strict) return [];
  return allFindings(scan).filter((f) => f.severity === 'error' || f.severity === 'warning');
}
