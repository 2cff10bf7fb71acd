/**
 * Checks agent folders against the Claude Code subagent format.
 *
 *   npm run check:agents -- [--strict] [--format text|json] [folder ...]
 *
 * With no folder it checks the sources of catalog.config.json. Prints one line per finding,
 * `file:line:col severity rule message`, then a summary. Exits 1 when there are errors (or
 * warnings, with --strict), 2 on a usage error.
 */
import { parseArgs } from 'node:util';
import { loadCatalogConfig, sourceFromDir } from '../src/lib/sources.ts';
import { scanSources, allDiagnostics } from '../src/lib/scan.ts';
import { strictFailures } from '../src/lib/report.ts';

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { strict: { type: 'boolean', default: false }, format: { type: 'string', default: 'text' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log('Usage: npm run check:agents -- [--strict] [--format text|json] [folder ...]');
    return 0;
  }
  if (values.format !== 'text' && values.format !== 'json') {
    console.error(`--format must be text or json, not ${values.format}`);
    return 2;
  }
  const root = process.cwd();
  const sources = positionals.length > 0 ? positionals.map((dir) => sourceFromDir(dir, root)) : loadCatalogConfig(root).sources;
  let scan;
  try {
    scan = scanSources(sources);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const diagnostics = allDiagnostics(scan);
  const failures = values.strict ? strictFailures(scan, true) : diagnostics.filter((d) => d.severity === 'error');
  const count = (severity: string) => diagnostics.filter((d) => d.severity === severity).length;
  const summary = {
    files: scan.summaries.reduce((n, s) => n + s.agentFiles, 0),
    agents: scan.agents.length,
    skipped: scan.skipped.length,
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    strict: values.strict,
    ok: failures.length === 0,
  };
  if (values.format === 'json') {
    console.log(JSON.stringify({ summary, sources: scan.summaries.map(({ source, ...rest }) => ({ id: source.id, dir: source.dir, ...rest })), diagnostics }, null, 2));
  } else {
    for (const d of diagnostics) console.log(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}`);
    for (const problem of scan.summaries.flatMap((s) => s.categoryProblems)) console.log(`categories file: ${problem}`);
    console.log(
      `${summary.files} files: ${summary.agents} agents, ${summary.skipped} skipped; ${summary.errors} errors, ${summary.warnings} warnings, ${summary.infos} notes${values.strict ? ' (strict)' : ''}`,
    );
  }
  return failures.length === 0 ? 0 : 1;
}

process.exitCode = main();
