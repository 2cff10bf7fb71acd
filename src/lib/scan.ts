import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Agent, AgentData, SkippedFile } from './agent.ts';
import { analyseText, type AgentDraft, type FileOutcome } from './analyse.ts';
import { labelFromFolder, orderFromFolder, readCategoryEntries, type CategoryTable } from './categories.ts';
import type { SourceConfig } from './config.ts';
import { decodeText, listSource, readFileCapped, type FileSystem, type IgnoredEntry } from './files.ts';
import { countBySeverity, finding, type Finding } from './findings.ts';
import { LIMITS } from './limits.ts';
import { assignUniqueSlugs, slugify } from './slugs.ts';
import { nameSkeleton } from './unicode.ts';
import { parseYamlStrict } from './yaml.ts';

/** The file that holds category labels, descriptions and order inside a source folder. */
export const CATEGORIES_FILE = 'categories.yaml';

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

/** Reads one candidate file inside an error boundary: nothing one file does can stop the scan. */
function readOne(source: SourceConfig, relPath: string, absPath: string, fs?: FileSystem): FileOutcome {
  const place = { source: source.id, file: relPath };
  const skip = (rule: 'file-unreadable' | 'limit-file-size' | 'internal-error', message: string): FileOutcome => ({
    kind: 'skipped',
    skipped: { sourceId: source.id, relPath, findings: [finding(rule, place, 1, message)] },
  });
  let bytes: Buffer | undefined;
  try {
    bytes = readFileCapped(absPath, LIMITS.fileBytes, fs);
  } catch (error) {
    return skip('file-unreadable', `The file cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  if (!bytes) return skip('limit-file-size', `The file is larger than ${LIMITS.fileBytes / 1024 / 1024} MiB, so it was not read.`);
  try {
    const outcome = analyseText(source.id, relPath, decodeText(bytes), bytes);
    if (outcome.kind === 'agent') outcome.agent.file.absPath = absPath;
    return outcome;
  } catch (error) {
    return skip('internal-error', `Reading this file failed: ${String((error as Error)?.message ?? error).slice(0, 300)}`);
  }
}

/** Reads a categories file, if there is one. Bad entries become findings on that file, never fatal. */
export function readCategoryFile(filePath: string, sourceId: string, shownPath: string): { table: CategoryTable; problems: Finding[] } {
  const place = { source: sourceId, file: shownPath };
  if (!existsSync(filePath)) return { table: new Map(), problems: [] };
  let result: ReturnType<typeof parseYamlStrict>;
  try {
    result = parseYamlStrict(readFileSync(filePath, 'utf8').slice(0, LIMITS.frontmatterBytes * 4));
  } catch (error) {
    return { table: new Map(), problems: [finding('file-unreadable', place, 1, `The categories file cannot be read: ${String(error)}`)] };
  }
  if ('failure' in result) return { table: new Map(), problems: [finding('categories-invalid', place, result.failure.yamlLine, `Not valid YAML: ${result.failure.message}`)] };
  const { table, problems } = readCategoryEntries(result.fields);
  return { table, problems: problems.map((p) => finding('categories-invalid', place, 1, p.message)) };
}

/**
 * Links agents that share a name, in linear time: each gets the group size and a few of the others. Names are
 * compared as a reader sees them (nameSkeleton), so a look-alike (`cоde-reviewer` with a Cyrillic о, `Code-Reviewer`,
 * which a file system that ignores case takes for the same file) is a twin of the name it imitates.
 */
function findTwins(drafts: readonly AgentDraft[], slugs: readonly string[]): Agent['twins'][] {
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

/** Reads every source once: lists it, reads each file in its own error boundary, then gives slugs, twins and counts. */
export function scanSources(sources: readonly SourceConfig[], options: { fs?: FileSystem } = {}): ScanResult {
  const outcomes: FileOutcome[] = [];
  const categories: CategoryTable = new Map();
  const summaries: SourceSummary[] = [];
  for (const source of sources) {
    if (!existsSync(source.absDir)) throw new Error(`Agents folder not found: ${source.dir} (${source.absDir})`);
    if (!statSync(source.absDir).isDirectory()) throw new Error(`Not a folder: ${source.dir}. Name the folder that holds the agent files.`);
    const listing = listSource(source.absDir, { followExternalLinks: source.followExternalLinks, ...(options.fs ? { fs: options.fs } : {}) });
    const categoriesPath = source.categories ?? path.join(source.absDir, CATEGORIES_FILE);
    const categoryFile = readCategoryFile(categoriesPath, source.id, source.categories ? path.basename(categoriesPath) : CATEGORIES_FILE);
    for (const [id, meta] of categoryFile.table) if (!categories.has(id)) categories.set(id, meta);
    for (const problem of listing.problems) {
      outcomes.push({ kind: 'skipped', skipped: { sourceId: source.id, relPath: problem.relPath, findings: [finding(problem.rule, { source: source.id, file: problem.relPath }, 1, problem.message)] } });
    }
    for (const candidate of listing.candidates) {
      const outcome = readOne(source, candidate.relPath, candidate.absPath, options.fs);
      if (outcome.kind === 'agent' && !categories.has(outcome.agent.categoryId)) {
        const folder = outcome.agent.categoryFolder;
        categories.set(outcome.agent.categoryId, { label: labelFromFolder(folder), order: orderFromFolder(folder) });
      }
      outcomes.push(outcome);
    }
    const ignored = listing.ignored.filter((entry) => entry.relPath !== CATEGORIES_FILE);
    summaries.push({ source, agentFiles: listing.candidates.length + listing.problems.length, pages: 0, skipped: 0, errors: 0, warnings: 0, infos: 0, ignored, categoryProblems: categoryFile.problems });
  }

  const drafts = outcomes.flatMap((o) => (o.kind === 'agent' ? [o.agent] : []));
  const skipped = outcomes.flatMap((o) => (o.kind === 'skipped' ? [o.skipped] : []));
  const slugs = assignUniqueSlugs(drafts.map((a) => ({ base: a.name, qualifier: [a.sourceId, ...a.file.relPath.replace(/\.md$/i, '').split('/')].join('-') })));
  // Twins are a fact about the catalogue, not about a file: they are linked, never a finding, so a file's
  // verdict is the same whatever else is built beside it.
  const twins = findTwins(drafts, slugs);
  const agents: ScannedAgent[] = drafts.map((draft, index) => ({ ...draft, slug: slugs[index]!, twins: twins[index]! }));

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
  const all = [...scan.summaries.flatMap((s) => s.categoryProblems), ...scan.skipped.flatMap((s) => s.findings), ...scan.agents.flatMap((a) => a.findings)];
  return all.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}
