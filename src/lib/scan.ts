import { readdirSync, readFileSync, existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseFrontmatter, parseYamlStrict, lineOfKey, type ParsedFrontmatter } from './frontmatter.ts';
import { normaliseTools, type ToolSet } from './tools.ts';
import { normaliseModel, type ModelInfo } from './models.ts';
import { cleanDescription, summarise } from './description.ts';
import { categoryIdFromFolder, labelFromFolder, orderFromFolder, type CategoryMeta } from './categories.ts';
import { assignUniqueSlugs } from './slug.ts';
import { checkFields, diagnostic, verdictOf, SEVERITY_RANK, STANDARD_FIELDS, CATALOGUE_FIELDS, type Diagnostic, type Verdict } from './rules.ts';
import { permissionProfile, type PermissionProfile } from './profile.ts';
import type { SourceConfig } from './sources.ts';

/** File names in an agents folder that are never agents. */
export const NON_AGENT_FILES = new Set(['readme.md', 'source.md', 'license.md', 'changelog.md', 'contributing.md', 'code_of_conduct.md']);

/** The file that holds category labels, descriptions and order inside a source folder. */
export const CATEGORIES_FILE = 'categories.yaml';

/** Category id used for agent files that sit directly in a source folder and name no category. */
export const ROOT_CATEGORY = 'general';

/** Facts about the source file itself, for the raw view and download. */
export interface FileFacts {
  /** Path relative to the source folder, with `/` separators. */
  relPath: string;
  /** Path as shown in diagnostics (the configured folder joined with relPath). */
  displayPath: string;
  absPath: string;
  bytes: number;
  lineEndings: 'lf' | 'crlf' | 'mixed' | 'none';
  finalNewline: boolean;
}

/** A non-standard frontmatter field, kept for display. */
export interface ExtraField {
  key: string;
  /** The value as readable text (strings as they are, other values as JSON). */
  value: string;
  /** True for documented Claude Code fields that the page shows in a generic list. */
  standard: boolean;
}

/** An agent read from a file, normalised, with every finding about it. */
export interface ScannedAgent {
  slug: string;
  name: string;
  /** The description as written. */
  description: string;
  /** The description with examples removed and whitespace collapsed. */
  descriptionText: string;
  examples: string[];
  summary: string;
  tools: ToolSet;
  model: ModelInfo;
  skills: string[];
  tags: string[];
  /** Frontmatter fields other than name, description, tools, model, skills and tags. */
  otherFields: ExtraField[];
  categoryId: string;
  /** The folder name or `category:` value the category id came from, e.g. `01-core-development`. */
  categoryFolder: string;
  /** Nested folders below the category folder, e.g. ['social-media']. */
  subPath: string[];
  sourceId: string;
  file: FileFacts;
  /** The file's text, decoded as UTF-8. */
  raw: string;
  /** The Markdown body (the system prompt). */
  body: string;
  /** True when Claude Code reads this file without our recovery (strict YAML at the top of the file). */
  strictParse: boolean;
  findings: Diagnostic[];
  verdict: Verdict;
  profile: PermissionProfile[];
  /** Slugs of other agents with the same name. */
  twins: string[];
  /** 1-based line of the `name` field. */
  nameLine: number;
}

/** A file that could not become an agent page, with why. */
export interface SkippedFile {
  sourceId: string;
  file: FileFacts;
  findings: Diagnostic[];
}

/** Per-source counts for the build summary and the diagnostics page. */
export interface SourceSummary {
  source: SourceConfig;
  agentFiles: number;
  pages: number;
  skipped: number;
  errors: number;
  warnings: number;
  infos: number;
  ignored: string[];
  /** Problems in the source's categories file: entries without a label, invalid YAML. Reported, never fatal. */
  categoryProblems: string[];
}

/** Category metadata as loaded, keyed by category id. */
export type CategoryTable = Map<string, CategoryMeta>;

/** The whole catalogue as read from its sources. */
export interface ScanResult {
  agents: ScannedAgent[];
  skipped: SkippedFile[];
  categories: CategoryTable;
  summaries: SourceSummary[];
}

/**
 * Lists agent candidates (Markdown files) and ignored files below a folder, sorted for determinism.
 * Symbolic links are followed (Claude Code follows them too), each real folder once, so a link loop
 * cannot hang the build; a broken link is listed as ignored rather than dropped.
 */
export function listFiles(root: string): { candidates: string[]; ignored: string[] } {
  const candidates: string[] = [];
  const ignored: string[] = [];
  const visited = new Set<string>();
  const walk = (dir: string, rel: string) => {
    const real = realpathSync(dir);
    if (visited.has(real)) return;
    visited.add(real);
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      const full = path.join(dir, entry.name);
      const target = entry.isSymbolicLink() ? statSync(full, { throwIfNoEntry: false }) : entry;
      if (target?.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') walk(full, relPath);
      } else if (target?.isFile() && entry.name.toLowerCase().endsWith('.md') && !NON_AGENT_FILES.has(entry.name.toLowerCase())) {
        candidates.push(relPath);
      } else {
        ignored.push(relPath);
      }
    }
  };
  walk(root, '');
  return { candidates, ignored };
}

/** Line-ending style and final newline of a file's text. */
export function lineFacts(text: string): Pick<FileFacts, 'lineEndings' | 'finalNewline'> {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  const lineEndings = crlf === 0 && lf === 0 ? 'none' : crlf === 0 ? 'lf' : lf === 0 ? 'crlf' : 'mixed';
  return { lineEndings, finalNewline: text.endsWith('\n') };
}

function asStringList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : String(value).split(',');
  return [...new Set(items.map((item) => String(item).trim()).filter((item) => item !== ''))];
}

function displayValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return JSON.stringify(value) ?? String(value);
}

/** Text of a required field, or undefined when it is missing or empty. */
function requiredText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = (value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value)).trim();
  return text === '' ? undefined : text;
}

/** Diagnostics about where and how the frontmatter was read. */
function frontmatterFindings(parsed: ParsedFrontmatter, file: string): Diagnostic[] {
  if (!parsed.block) return [diagnostic('frontmatter-missing', file, 1, 'No frontmatter block: the file does not start with `---`.')];
  const found: Diagnostic[] = [];
  if (parsed.block.displacement === 'indented') {
    found.push(diagnostic('frontmatter-displaced', file, parsed.block.openLine, 'The frontmatter block is indented; Claude Code does not see it. Recovered it for this page.'));
  } else if (parsed.block.displacement === 'leading-blank-lines') {
    found.push(diagnostic('frontmatter-displaced', file, parsed.block.openLine, 'Blank lines come before the frontmatter; Claude Code does not see it. Recovered it for this page.'));
  }
  if (parsed.yamlError) {
    found.push(
      diagnostic('yaml-invalid', file, parsed.yamlError.line, `YAML error: ${parsed.yamlError.message}. Recovered the fields leniently for this page.`),
    );
  }
  return found;
}

/**
 * Where a file sits in the category tree of its source. A `category:` field names the category
 * explicitly and wins over the folder; otherwise the first folder is the category, and deeper
 * folders are a sub-path within it. Files at the top of a flat source with no field go to `general`.
 */
export function placeFile(relPath: string, frontmatterCategory: unknown): { categoryId: string; subPath: string[]; folder: string } {
  const dirs = relPath.split('/').slice(0, -1);
  const named = typeof frontmatterCategory === 'string' && frontmatterCategory.trim() !== '' ? frontmatterCategory.trim() : undefined;
  const folder = named ?? dirs[0] ?? ROOT_CATEGORY;
  return { categoryId: categoryIdFromFolder(folder), subPath: dirs.slice(1), folder };
}

/** A file's text and what decoding it found. */
export interface FileRead {
  text: string;
  bytes: number;
  validUtf8: boolean;
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

function readText(absPath: string): FileRead {
  const buffer = readFileSync(absPath);
  try {
    return { text: strictDecoder.decode(buffer), bytes: buffer.length, validUtf8: true };
  } catch {
    return { text: lenientDecoder.decode(buffer), bytes: buffer.length, validUtf8: false };
  }
}

/** Result of reading one file: an agent (without slug and twins yet) or a skipped file. */
export type FileOutcome = { kind: 'agent'; agent: Omit<ScannedAgent, 'slug' | 'twins'> } | { kind: 'skipped'; skipped: SkippedFile };

const SHOWN_ELSEWHERE = new Set(['name', 'description', 'tools', 'model', 'skills', 'tags']);

/** Reads, parses, normalises and checks one agent file. Never throws for bad content. */
export function readAgentFile(source: SourceConfig, relPath: string): FileOutcome {
  return analyseAgentText(source, relPath, readText(path.join(source.absDir, relPath)));
}

/** Parses, normalises and checks the text of one agent file (no I/O, so tests can pass text directly). */
export function analyseAgentText(source: Pick<SourceConfig, 'id' | 'dir' | 'absDir'>, relPath: string, { text, bytes, validUtf8 }: FileRead): FileOutcome {
  const absPath = path.join(source.absDir, relPath);
  const displayPath = path.join(source.dir, relPath).split(path.sep).join('/');
  const file: FileFacts = { relPath, displayPath, absPath, bytes, ...lineFacts(text) };
  const parsed = parseFrontmatter(text);
  const findings = frontmatterFindings(parsed, displayPath);
  if (!validUtf8) findings.push(diagnostic('encoding-invalid', displayPath, 1, 'The file is not valid UTF-8; invalid bytes show as �. The download keeps the original bytes.'));
  const lineOf = (key: string) => lineOfKey(parsed.block, key);
  const data = parsed.data;
  const name = requiredText(data['name']);
  const description = requiredText(data['description']);
  if (!name) findings.push(diagnostic('name-missing', displayPath, lineOf('name'), 'No `name` field, so Claude Code skips this file.'));
  if (!description) {
    findings.push(diagnostic('description-missing', displayPath, lineOf('description'), 'No `description` field, so Claude Code skips this file.'));
  }
  if (!name || !description) {
    return { kind: 'skipped', skipped: { sourceId: source.id, file, findings } };
  }

  const tools = normaliseTools(data['tools']);
  const model = normaliseModel(data['model']);
  const body = parsed.block ? parsed.block.body : text;
  const bodyLine = parsed.block ? parsed.block.bodyLine : 1;
  findings.push(...checkFields({ file: displayPath, data: { ...data, name, description }, tools, model, lineOf, body, bodyLine }));
  findings.sort((a, b) => a.line - b.line || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const cleaned = cleanDescription(description);
  const place = placeFile(relPath, data['category']);
  const otherFields: ExtraField[] = Object.entries(data)
    .filter(([key]) => !SHOWN_ELSEWHERE.has(key))
    .map(([key, value]) => ({ key, value: displayValue(value), standard: STANDARD_FIELDS.has(key) || CATALOGUE_FIELDS.has(key) }));

  return {
    kind: 'agent',
    agent: {
      name,
      description,
      descriptionText: cleaned.text,
      examples: cleaned.examples,
      summary: summarise(cleaned.text),
      tools,
      model,
      skills: asStringList(data['skills']),
      tags: asStringList(data['tags']).map((tag) => tag.toLowerCase()),
      otherFields,
      categoryId: place.categoryId,
      categoryFolder: place.folder,
      subPath: place.subPath,
      sourceId: source.id,
      file,
      raw: text,
      body,
      strictParse: parsed.mode === 'strict',
      findings,
      verdict: verdictOf(findings),
      profile: permissionProfile(tools),
      nameLine: lineOf('name'),
    },
  };
}

/** Reads a source's categories file, if it has one. Bad entries are reported, never fatal. */
export function readCategoryFile(filePath: string): { table: CategoryTable; problems: string[] } {
  const table: CategoryTable = new Map();
  const problems: string[] = [];
  if (!existsSync(filePath)) return { table, problems };
  let data: Record<string, unknown>;
  try {
    data = parseYamlStrict(readFileSync(filePath, 'utf8'));
  } catch (error) {
    return { table, problems: [`${filePath}: not valid YAML: ${(error as Error).message.split('\n')[0]}`] };
  }
  for (const [key, value] of Object.entries(data)) {
    const entry = (value ?? {}) as Record<string, unknown>;
    if (typeof entry['label'] !== 'string') {
      problems.push(`${filePath}: category "${key}" needs a label.`);
      continue;
    }
    table.set(categoryIdFromFolder(key), {
      label: entry['label'],
      description: typeof entry['description'] === 'string' ? entry['description'] : undefined,
      order: typeof entry['order'] === 'number' ? entry['order'] : undefined,
    });
  }
  return { table, problems };
}

/** Reads every source, gives each agent a unique slug, and links agents that share a name. */
export function scanSources(sources: readonly SourceConfig[]): ScanResult {
  const outcomes: FileOutcome[] = [];
  const categories: CategoryTable = new Map();
  const summaries: SourceSummary[] = [];
  for (const source of sources) {
    if (!existsSync(source.absDir)) throw new Error(`Agents folder not found: ${source.dir} (${source.absDir})`);
    if (!statSync(source.absDir).isDirectory()) throw new Error(`Not a folder: ${source.dir}. Name the folder that holds the agent files.`);
    const { candidates, ignored } = listFiles(source.absDir);
    const { table, problems } = readCategoryFile(source.categories ?? path.join(source.absDir, CATEGORIES_FILE));
    for (const [id, meta] of table) if (!categories.has(id)) categories.set(id, meta);
    const sourceOutcomes = candidates.map((relPath) => readAgentFile(source, relPath));
    for (const outcome of sourceOutcomes) {
      if (outcome.kind !== 'agent') continue;
      const { categoryId, categoryFolder } = outcome.agent;
      if (!categories.has(categoryId)) categories.set(categoryId, { label: labelFromFolder(categoryFolder), order: orderFromFolder(categoryFolder) });
    }
    outcomes.push(...sourceOutcomes);
    summaries.push({ source, agentFiles: candidates.length, pages: 0, skipped: 0, errors: 0, warnings: 0, infos: 0, ignored, categoryProblems: problems });
  }

  const drafts = outcomes.flatMap((o) => (o.kind === 'agent' ? [o.agent] : []));
  const skipped = outcomes.flatMap((o) => (o.kind === 'skipped' ? [o.skipped] : []));
  const slugs = assignUniqueSlugs(
    drafts.map((agent) => ({ base: agent.name, qualifier: [agent.sourceId, ...agent.file.relPath.split('/').slice(0, -1)].join('-') })),
  );
  const byName = new Map<string, number[]>();
  drafts.forEach((agent, index) => byName.set(agent.name, [...(byName.get(agent.name) ?? []), index]));
  const agents: ScannedAgent[] = drafts.map((draft, index) => {
    const twinIndexes = (byName.get(draft.name) ?? []).filter((i) => i !== index);
    const agent: ScannedAgent = { ...draft, slug: slugs[index]!, twins: twinIndexes.map((i) => slugs[i]!) };
    if (twinIndexes.length > 0) {
      const others = twinIndexes.map((i) => drafts[i]!.file.displayPath).join(', ');
      agent.findings = [...agent.findings, diagnostic('name-duplicate', agent.file.displayPath, agent.nameLine, `name "${agent.name}" is also used by ${others}.`)];
      agent.verdict = verdictOf(agent.findings);
    }
    return agent;
  });

  for (const summary of summaries) {
    const id = summary.source.id;
    const pages = agents.filter((a) => a.sourceId === id);
    const skippedHere = skipped.filter((s) => s.sourceId === id);
    const mine = [...pages, ...skippedHere].flatMap((entry) => entry.findings);
    summary.pages = pages.length;
    summary.skipped = skippedHere.length;
    summary.errors = mine.filter((d) => d.severity === 'error').length;
    summary.warnings = mine.filter((d) => d.severity === 'warning').length;
    summary.infos = mine.filter((d) => d.severity === 'info').length;
  }
  return { agents, skipped, categories, summaries };
}

/** Every diagnostic of a scan, skipped files first, then by file and line. */
export function allDiagnostics(scan: ScanResult): Diagnostic[] {
  return [...scan.skipped.flatMap((s) => s.findings), ...scan.agents.flatMap((a) => a.findings)].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line),
  );
}
