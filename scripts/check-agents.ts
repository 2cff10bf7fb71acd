/**
 * Checks agent folders against the Claude Code subagent format, exactly as the build does.
 *
 *   npm run check:agents -- [--strict] [--format text|json|github|sarif] [folder ...]
 *
 * With no folder it checks the sources of catalog.config.json. Prints one line per finding,
 * `file:line:col severity rule message`, then a summary; `--format github` prints workflow annotations
 * (`::error file=…,line=…::…`) that mark the lines of a pull request, then the summary; `--format sarif` prints a
 * SARIF 2.1.0 log for GitHub code scanning (`> results.sarif`). Exits 1 when there are errors (or
 * warnings, with --strict), 2 on a usage error only: a bad file is a finding, never a crash.
 */
import { type SourceConfig } from '../src/lib/catalog/config.ts';
import { loadCatalogConfig, sourceFromDir } from '../src/build/config-file.ts';
import { countBySeverity } from '../src/lib/check/findings.ts';
import { scanSources } from '../src/build/scan.ts';
import { allFindings, type ScanResult } from '../src/lib/catalog/assemble.ts';
import { countsLine, formatFinding, plural, strictFailures, terminalPath } from '../src/lib/catalog/summary.ts';
import { githubAnnotations, sarifLog, type PlacedFinding } from '../src/lib/check/ci-formats.ts';
import type { Finding } from '../src/lib/check/findings.ts';
import packageJson from '../package.json' with { type: 'json' };
import { readCommandLine, usageError } from './command-line.ts';

const TOOL_VERSION = packageJson.version;

const USAGE = 'Usage: npm run check:agents -- [--strict] [--format text|json|github|sarif] [folder ...]';
const FORMATS = ['text', 'json', 'github', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

/** Each finding with its file's path as the checker names it: the folder as given, then the path inside it. */
function placed(scan: ScanResult, findings: readonly Finding[]): PlacedFinding[] {
  const sources = new Map(scan.summaries.map((s) => [s.source.id, s.source]));
  return findings.map((f) => ({ ...f, path: terminalPath(sources.get(f.source), f.file).replace(/^\.\//, '') }));
}

function report(scan: ScanResult, strict: boolean, format: Format): number {
  const findings = allFindings(scan);
  const failures = strict ? strictFailures(scan, true) : findings.filter((f) => f.severity === 'error');
  const summary = {
    files: scan.summaries.reduce((n, s) => n + s.agentFiles, 0),
    agents: scan.agents.length,
    skipped: scan.skipped.length,
    ...countBySeverity(findings),
    strict,
    ok: failures.length === 0,
  };
  if (format === 'json') {
    const sources = scan.summaries.map(({ source, ...rest }) => ({ id: source.id, dir: source.dir, ...rest }));
    console.log(JSON.stringify({ summary, sources, findings }, null, 2));
  } else if (format === 'sarif') {
    console.log(
      JSON.stringify(sarifLog(placed(scan, findings), { name: 'subagent-catalog check:agents', version: TOOL_VERSION }), null, 2),
    );
  } else {
    const sources = new Map(scan.summaries.map((s) => [s.source.id, s.source]));
    if (format === 'github') for (const line of githubAnnotations(placed(scan, findings))) console.log(line);
    else for (const f of findings) console.log(formatFinding(f, sources));
    const skippedByClaudeCode = scan.agents.filter((a) => a.verdict === 'skipped').length;
    console.log(
      `${plural(summary.files, 'file')}: ${countsLine({ pages: summary.agents, skippedByClaudeCode, withoutPage: summary.skipped, ...summary })}${strict ? ' (strict)' : ''}`,
    );
  }
  return failures.length === 0 ? 0 : 1;
}

function main(): number {
  const line = readCommandLine(USAGE, { strict: { type: 'boolean', default: false }, format: { type: 'string', default: 'text' } });
  if ('exit' in line) return line.exit;
  const { values, positionals } = line;
  const format = FORMATS.find((f) => f === values.format);
  if (!format) return usageError(USAGE, `--format must be ${FORMATS.join(', ')}, not ${values.format}`);
  // An empty argument (an unset variable in a CI script) must not quietly check the current folder instead.
  if (positionals.some((dir) => dir.trim() === ''))
    return usageError(USAGE, 'An empty folder name was given; name the folder of agents to check.');
  const root = process.cwd();
  let sources: SourceConfig[];
  let scan: ScanResult;
  try {
    sources = positionals.length > 0 ? positionals.map((dir) => sourceFromDir(dir, root)) : loadCatalogConfig(root).sources;
    scan = scanSources(sources);
  } catch (error) {
    // A missing folder or a bad config file is a usage problem; files inside a folder never get here.
    return usageError(USAGE, (error as Error).message);
  }
  return report(scan, values.strict, format);
}

process.exitCode = main();
