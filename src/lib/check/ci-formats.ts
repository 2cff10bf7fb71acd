/**
 * The checker's findings in the two forms a collection's CI reads: GitHub workflow annotations, which mark the
 * line in a pull request, and SARIF 2.1.0, which GitHub code scanning takes. Pure: the checker prints or writes them.
 */
import type { z } from 'zod';
import type { Finding } from './findings.ts';
import { RULES, type RuleId, type severitySchema } from './rules.ts';

type Severity = z.infer<typeof severitySchema>;

/** A finding with the path of its file as the repository names it (relative, with `/`). */
export type PlacedFinding = Finding & { path: string };

const ANNOTATION_COMMAND: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };
const SARIF_LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };

/** Escapes a workflow command's message, so a finding's text cannot end the command or start another. */
function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escapes a workflow command's property value, where `:` and `,` also mean something. */
function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** One `::error file=…,line=…,col=…,title=…::message` line per finding (warnings as `::warning`, notes as `::notice`). */
export function githubAnnotations(findings: readonly PlacedFinding[]): string[] {
  return findings.map((f) => {
    const properties = [`file=${f.path}`, `line=${f.line}`, `col=${f.column}`, `title=${f.rule}`].map((p) => {
      const at = p.indexOf('=');
      return `${p.slice(0, at)}=${escapeProperty(p.slice(at + 1))}`;
    });
    return `::${ANNOTATION_COMMAND[f.severity]} ${properties.join(',')}::${escapeData(f.hint ? `${f.message} ${f.hint}` : f.message)}`;
  });
}

/** The SARIF 2.1.0 log of a run of the checker: every rule it knows, and one result per finding. */
export function sarifLog(findings: readonly PlacedFinding[], tool: { name: string; version: string }) {
  const ruleIds = Object.keys(RULES) as RuleId[];
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            rules: ruleIds.map((id) => {
              const rule = RULES[id];
              return {
                id,
                name: id,
                shortDescription: { text: rule.title },
                help: { text: rule.hint },
                defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
              };
            }),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: ruleIndex.get(f.rule)!,
          level: SARIF_LEVEL[f.severity],
          message: { text: f.hint ? `${f.message} ${f.hint}` : f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(f.path), uriBaseId: '%SRCROOT%' },
                region: { startLine: f.line, startColumn: f.column },
              },
            },
          ],
        })),
      },
    ],
  };
}
