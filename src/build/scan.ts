import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { analyseText, type FileOutcome } from '../lib/catalog/analyse.ts';
import { assembleCatalog, type ScanResult, type SourceSummary } from '../lib/catalog/assemble.ts';
import { labelFromFolder, orderFromFolder, readCategoryEntries, type CategoryTable } from '../lib/catalog/categories.ts';
import type { SourceConfig } from '../lib/catalog/config.ts';
import { decodeText } from '../lib/read/text.ts';
import { listSource, readFileCapped, type FileSystem } from './files.ts';
import { finding, type Finding } from '../lib/check/findings.ts';
import { LIMITS } from '../lib/read/limits.ts';
import { parseYamlStrict } from '../lib/read/yaml.ts';

/** The file that holds category labels, descriptions and order inside a source folder. */
export const CATEGORIES_FILE = 'categories.yaml';

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
  if ('failure' in result)
    return {
      table: new Map(),
      problems: [finding('categories-invalid', place, result.failure.yamlLine, `Not valid YAML: ${result.failure.message}`)],
    };
  const { table, problems } = readCategoryEntries(result.fields);
  return { table, problems: problems.map((p) => finding('categories-invalid', place, 1, p.message)) };
}

/** Reads every source once: lists it, reads each file in its own error boundary, then gives slugs, twins and counts. */
export function scanSources(sources: readonly SourceConfig[], options: { fs?: FileSystem } = {}): ScanResult {
  const outcomes: FileOutcome[] = [];
  const categories: CategoryTable = new Map();
  const summaries: SourceSummary[] = [];
  for (const source of sources) {
    if (!existsSync(source.absDir)) throw new Error(`Agents folder not found: ${source.dir} (${source.absDir})`);
    if (!statSync(source.absDir).isDirectory()) throw new Error(`Not a folder: ${source.dir}. Name the folder that holds the agent files.`);
    const listing = listSource(source.absDir, {
      followExternalLinks: source.followExternalLinks,
      ...(options.fs ? { fs: options.fs } : {}),
    });
    const categoriesPath = source.categories ?? path.join(source.absDir, CATEGORIES_FILE);
    const categoryFile = readCategoryFile(categoriesPath, source.id, source.categories ? path.basename(categoriesPath) : CATEGORIES_FILE);
    for (const [id, meta] of categoryFile.table) if (!categories.has(id)) categories.set(id, meta);
    for (const problem of listing.problems) {
      outcomes.push({
        kind: 'skipped',
        skipped: {
          sourceId: source.id,
          relPath: problem.relPath,
          findings: [finding(problem.rule, { source: source.id, file: problem.relPath }, 1, problem.message)],
        },
      });
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
    summaries.push({
      source,
      agentFiles: listing.candidates.length + listing.problems.length,
      pages: 0,
      skipped: 0,
      errors: 0,
      warnings: 0,
      infos: 0,
      ignored,
      categoryProblems: categoryFile.problems,
    });
  }

  return assembleCatalog(outcomes, categories, summaries);
}
