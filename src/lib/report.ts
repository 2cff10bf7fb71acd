import { allDiagnostics, type ScanResult } from './scan.ts';
import type { Diagnostic } from './rules.ts';

/** Lines of the end-of-build summary: per source, pages, skipped files and finding counts. */
export function formatSummary(scan: ScanResult): string[] {
  const lines = scan.summaries.map(
    (s) =>
      `${s.source.label} (${s.source.dir}): ${s.pages} agent pages, ${s.skipped} skipped, ${s.errors} errors, ${s.warnings} warnings, ${s.infos} notes; ${s.ignored.length} non-agent files ignored`,
  );
  for (const problem of scan.summaries.flatMap((s) => s.categoryProblems)) lines.push(`categories file: ${problem}`);
  for (const skipped of scan.skipped) {
    const first = skipped.findings.find((d) => d.severity === 'error') ?? skipped.findings[0]!;
    lines.push(`skipped ${first.file}:${first.line} [${first.rule}] ${first.message}`);
  }
  return lines;
}

/** Findings that fail a strict build or check: errors, and warnings too when `strict` is on. */
export function strictFailures(scan: ScanResult, strict: boolean): Diagnostic[] {
  if (!strict) return [];
  return allDiagnostics(scan).filter((d) => d.severity === 'error' || d.severity === 'warning');
}
