import { z } from 'zod';
import { RULES, RULE_IDS, SEVERITY_RANK, severitySchema, type RuleId } from './rules.ts';

/** One finding about one file of a source. */
export const findingSchema = z.object({
  /** Id of the source the file belongs to. */
  source: z.string(),
  /** Path inside the source folder, `/`-separated: never a path of the build machine. */
  file: z.string(),
  /** 1-based line. */
  line: z.number().int().positive(),
  /** 1-based column. */
  column: z.number().int().positive(),
  /** Rule id from RULES. */
  rule: z.enum(RULE_IDS),
  /** Copied from the rule, so a finding stands on its own in JSON output. */
  severity: severitySchema,
  /** What is wrong here, naming the offending value. */
  message: z.string(),
  /** How to fix it, from the rule. */
  hint: z.string(),
});

/** A finding. */
export type Finding = z.infer<typeof findingSchema>;

/** Where a finding points: a source, a file inside it, and a line. */
export interface FindingPlace {
  source: string;
  file: string;
}

/** Builds a finding for a rule, taking severity and hint from the rule table. */
export function finding(rule: RuleId, place: FindingPlace, line: number, message: string, column = 1): Finding {
  const { severity, hint } = RULES[rule];
  return { source: place.source, file: place.file, line: Math.max(1, line), column, rule, severity, message, hint };
}

/** What Claude Code does with a file: loads it cleanly, loads it with warnings, or skips it. */
export const verdictSchema = z.enum(['clean', 'warnings', 'skipped']);

/** A verdict. */
export type Verdict = z.infer<typeof verdictSchema>;

/** Labels of verdicts, as facet values and badges show them. */
export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  clean: 'Loads cleanly',
  warnings: 'Loads with warnings',
  skipped: 'Claude Code skips it',
};

/** Verdict from a file's findings: any error means Claude Code skips it, any warning means it loads with warnings. */
export function verdictOf(findings: readonly Finding[]): Verdict {
  if (findings.some((f) => f.severity === 'error')) return 'skipped';
  if (findings.some((f) => f.severity === 'warning')) return 'warnings';
  return 'clean';
}

/** Sorts findings by line, then severity, in place. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.line - b.line || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

/** Counts findings by severity. */
export function countBySeverity(findings: Iterable<Finding>): Record<'errors' | 'warnings' | 'infos', number> {
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') counts.errors++;
    else if (f.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}
