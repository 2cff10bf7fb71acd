import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import { catalogConfigFrom, CONFIG_FILE, type CatalogConfig, type SourceConfig, type sourceInputSchema } from '../lib/catalog/config.ts';
import { slugify } from '../lib/catalog/slugs.ts';

function expandHome(dir: string): string {
  return dir === '~' || dir.startsWith('~/') ? path.join(os.homedir(), dir.slice(1)) : dir;
}

/** A source for a folder named on the command line or in AGENTS_DIR: id and label come from the folder name. */
export function sourceFromDir(dir: string, root: string, input: Partial<z.output<typeof sourceInputSchema>> = {}): SourceConfig {
  const absDir = path.resolve(root, expandHome(dir));
  const base = path.basename(absDir);
  // `.claude/agents` says nothing about whose agents they are; name the source after the project instead.
  const meaningful =
    base === 'agents' && path.basename(path.dirname(absDir)) === '.claude' ? path.basename(path.dirname(path.dirname(absDir))) : base;
  return {
    id: slugify(input.id ?? meaningful),
    label: input.label ?? meaningful,
    dir,
    absDir,
    followExternalLinks: input.followExternalLinks ?? false,
    repository: input.repository?.replace(/\/+$/, ''),
    author: input.author,
    categories: input.categories ? path.resolve(root, input.categories) : undefined,
  };
}

/**
 * Reads the catalogue configuration: `catalog.config.json` at the project root (or CATALOG_CONFIG), with the
 * overrides of catalogConfigFrom. Throws an error naming the file, the key and the fix when the file is invalid.
 */
export function loadCatalogConfig(root: string, env: Record<string, string | undefined> = process.env): CatalogConfig {
  const configPath = path.resolve(root, env['CATALOG_CONFIG'] ?? CONFIG_FILE);
  const shownPath = path.relative(root, configPath) || CONFIG_FILE;
  let raw: unknown = {};
  if (existsSync(configPath)) {
    try {
      raw = JSON.parse(readFileSync(configPath, 'utf8'));
    } catch (error) {
      throw new Error(`${shownPath} is not valid JSON: ${(error as Error).message}`, { cause: error });
    }
  }
  return catalogConfigFrom(raw, shownPath, env, (dir, input) => sourceFromDir(dir, root, input));
}
