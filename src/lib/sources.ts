import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { slugify } from './slug.ts';

/** One folder of agent files that the catalogue is built from. */
export interface SourceConfig {
  /** Short stable id, used in slugs of colliding names and in diagnostics. */
  id: string;
  /** Name shown on pages. */
  label: string;
  /** Folder holding the agent files, as configured (relative to the project root, or absolute). */
  dir: string;
  /** Absolute path of `dir`. */
  absDir: string;
  /** Repository URL for "view source" links, e.g. https://github.com/org/repo/blob/main/agents */
  repository?: string | undefined;
  /** Optional YAML file of category labels, descriptions and order for this source. */
  categories?: string | undefined;
}

/** Everything the build needs to know about where agents come from. */
export interface CatalogConfig {
  sources: SourceConfig[];
  /** Fail the build on any error diagnostic (and on warnings too, in `strict` mode). */
  strict: boolean;
}

/** The config file name looked up at the project root. */
export const CONFIG_FILE = 'catalog.config.json';

interface RawSource {
  id?: unknown;
  label?: unknown;
  dir?: unknown;
  repository?: unknown;
  categories?: unknown;
}

function expandHome(dir: string): string {
  return dir === '~' || dir.startsWith('~/') ? path.join(os.homedir(), dir.slice(1)) : dir;
}

function uniqueIds(sources: SourceConfig[]): SourceConfig[] {
  const seen = new Map<string, number>();
  return sources.map((source) => {
    const count = (seen.get(source.id) ?? 0) + 1;
    seen.set(source.id, count);
    return count === 1 ? source : { ...source, id: `${source.id}-${count}` };
  });
}

/** A source for a folder named on the command line or in AGENTS_DIR: id and label come from the folder name. */
export function sourceFromDir(dir: string, root: string): SourceConfig {
  const absDir = path.resolve(root, expandHome(dir));
  const base = path.basename(absDir);
  // `.claude/agents` is a common folder name that says nothing; name it after the project instead.
  const meaningful = base === 'agents' && path.basename(path.dirname(absDir)) === '.claude' ? path.basename(path.dirname(path.dirname(absDir))) : base;
  return { id: slugify(meaningful), label: meaningful, dir, absDir };
}

/** Validates one configured source, with messages that say which field is wrong. */
export function parseSource(raw: RawSource, index: number, root: string): SourceConfig {
  if (typeof raw.dir !== 'string' || raw.dir === '') {
    throw new Error(`${CONFIG_FILE}: sources[${index}].dir must be a folder path.`);
  }
  const fallback = sourceFromDir(raw.dir, root);
  const source: SourceConfig = {
    id: typeof raw.id === 'string' && raw.id !== '' ? slugify(raw.id) : fallback.id,
    label: typeof raw.label === 'string' && raw.label !== '' ? raw.label : fallback.label,
    dir: raw.dir,
    absDir: fallback.absDir,
  };
  if (typeof raw.repository === 'string' && raw.repository !== '') source.repository = raw.repository.replace(/\/+$/, '');
  if (typeof raw.categories === 'string' && raw.categories !== '') source.categories = path.resolve(root, raw.categories);
  return source;
}

/**
 * Reads the catalogue configuration: `catalog.config.json` at the project root, overridden by
 * AGENTS_DIR (one or more folders, separated like PATH) for one-off builds. STRICT=1 turns on strict mode.
 */
export function loadCatalogConfig(root: string, env: Record<string, string | undefined> = process.env): CatalogConfig {
  const configPath = path.resolve(root, env['CATALOG_CONFIG'] ?? CONFIG_FILE);
  let file: { sources?: RawSource[]; strict?: unknown } = {};
  if (existsSync(configPath)) {
    try {
      file = JSON.parse(readFileSync(configPath, 'utf8')) as typeof file;
    } catch (error) {
      throw new Error(`${path.relative(root, configPath)} is not valid JSON: ${(error as Error).message}`, { cause: error });
    }
  }
  const agentsDir = env['AGENTS_DIR']?.trim();
  const sources = agentsDir
    ? agentsDir
        .split(path.delimiter)
        .filter((dir) => dir !== '')
        .map((dir) => sourceFromDir(dir, root))
    : (file.sources ?? [{ dir: 'content/agents' }]).map((raw, index) => parseSource(raw, index, root));
  const strictEnv = env['STRICT'];
  const strict = strictEnv !== undefined && strictEnv !== '' ? strictEnv !== '0' && strictEnv !== 'false' : file.strict === true;
  return { sources: uniqueIds(sources), strict };
}
