import { z } from 'zod';

/** How bad a finding is: `error` means Claude Code skips the file, `warning` that it loads but something is likely wrong, `info` is a note. */
export const severitySchema = z.enum(['error', 'warning', 'info']);

/** A finding's severity. */
export type Severity = z.infer<typeof severitySchema>;

/** A named check with a fixed severity and a hint a person can act on. */
export interface Rule {
  severity: Severity;
  /** What the rule looks for, in a few words. */
  title: string;
  /** How to fix a finding. */
  hint: string;
  /**
   * How older Claude Code releases differ, when they do: shown beside the finding as a note, never as its
   * verdict, which is that of the release in CLAUDE_CODE_VERSION.
   */
  olderReleases?: { before: string; note: string };
}
