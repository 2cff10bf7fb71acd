import path from 'node:path';
import { z } from 'zod';

/** One folder of agent files, as written in `catalog.config.json`. */
export const sourceInputSchema = z
  .object({
    /** Short stable id, used in the slugs of colliding names and in findings. Defaults to the folder name. */
    id: z.string().min(1, 'must not be empty').optional(),
    /** Who wrote the folder's agents, shown on each agent page whose file names no author of its own. */
    author: z.string().trim().min(1).max(200).optional(),
    /** Name shown on pages. Defaults to the folder name. */
    label: z.string().min(1, 'must not be empty').optional(),
    /** Folder holding the agent files: relative to the project root, absolute, or starting with `~/`. */
    dir: z.string({ error: 'must be the path of a folder, e.g. "content/agents"' }).min(1, 'must be the path of a folder'),
    /** Web address of the folder in its repository, for "View upstream" links, e.g. https://github.com/org/repo/blob/main/agents */
    repository: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL of the folder in its repository' }).optional(),
    /** A categories file outside the folder (labels, order, descriptions). */
    categories: z.string().min(1).optional(),
    /** Follow symbolic links that lead out of the folder. Off by default, so a cloned collection cannot publish files of the build machine. */
    followExternalLinks: z.boolean().default(false),
  })
  .strict();

/**
 * The plugin marketplace the catalogue is published as, for `/plugin` lines on pages. The site serves one at
 * `/marketplace.json` when it is built with an https SITE_URL; `repository` names a git-hosted one instead
 * (made with `npm run export:marketplace`).
 */
export const marketplaceSchema = z
  .object({
    /** Marketplace name (kebab-case), as in `/plugin install <plugin>@<name>`. */
    name: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case, e.g. "acme-agents"'),
    /** Who publishes it, shown in `/plugin`. */
    owner: z.string().trim().min(1).optional(),
    /** What `/plugin marketplace add` takes for a git-hosted marketplace: `owner/repo` or a git URL. */
    repository: z.string().min(1).optional(),
  })
  .strict();

/** The whole config file. */
export const configInputSchema = z
  .object({
    $schema: z.string().optional(),
    /** Folders to build the catalogue from, in order. */
    sources: z
      .array(sourceInputSchema)
      .min(1, 'must list at least one folder')
      .default([{ dir: 'content/agents', followExternalLinks: false }]),
    /** Fail the build on any error or warning in the agent files. */
    strict: z.boolean().default(false),
    /** Where the catalogue is published as a plugin marketplace, if it is. */
    marketplace: marketplaceSchema.optional(),
  })
  .strict();

/** A source with its folder resolved. */
export type SourceConfig = Omit<z.output<typeof sourceInputSchema>, 'id' | 'label' | 'categories'> & {
  id: string;
  label: string;
  /** Absolute path of `dir`. */
  absDir: string;
  /** Absolute path of the categories file, when the config names one. */
  categories?: string | undefined;
};

/** Everything the build needs to know about where agents come from. */
export interface CatalogConfig {
  sources: SourceConfig[];
  strict: boolean;
  marketplace?: z.output<typeof marketplaceSchema> | undefined;
}

/** The config file name looked up at the project root. */
export const CONFIG_FILE = 'catalog.config.json';

/** Turns zod issues into lines that name the file, the key and the fix. */
export function friendlyConfigErrors(file: string, error: z.ZodError): string {
  const lines = error.issues.map((issue) => {
    const key = issue.path
      .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
      .join('')
      .replace(/^\./, '');
    const fix =
      issue.code === 'unrecognized_keys'
        ? `remove ${issue.keys.map((k) => `"${k}"`).join(', ')} (known keys: see the README, "Configuration")`
        : issue.message;
    return `  ${key || '(top level)'}: ${fix}`;
  });
  return `${file} is not a valid catalogue config:\n${lines.join('\n')}`;
}

function uniqueIds(sources: SourceConfig[]): SourceConfig[] {
  const seen = new Map<string, number>();
  return sources.map((source) => {
    const count = (seen.get(source.id) ?? 0) + 1;
    seen.set(source.id, count);
    return count === 1 ? source : { ...source, id: `${source.id}-${count}` };
  });
}

/**
 * The catalogue configuration from the parsed config file (`raw`, `{}` when there is none), overridden by
 * AGENTS_DIR (folders separated like PATH) for one-off builds; STRICT=1 turns on strict mode. `sourceOf` makes
 * a source of a folder (it resolves paths, which is the caller's business). Throws an error naming the file,
 * the key and the fix when the file is invalid.
 */
export function catalogConfigFrom(
  raw: unknown,
  shownPath: string,
  env: Record<string, string | undefined>,
  sourceOf: (dir: string, input?: Partial<z.output<typeof sourceInputSchema>>) => SourceConfig,
): CatalogConfig {
  const parsed = configInputSchema.safeParse(raw);
  if (!parsed.success) throw new Error(friendlyConfigErrors(shownPath, parsed.error));
  const agentsDir = env['AGENTS_DIR']?.trim();
  const sources = agentsDir
    ? agentsDir
        .split(path.delimiter)
        .filter((dir) => dir !== '')
        .map((dir) => sourceOf(dir))
    : parsed.data.sources.map((input) => sourceOf(input.dir, input));
  const strictEnv = env['STRICT'];
  const strict = strictEnv !== undefined && strictEnv !== '' ? strictEnv !== '0' && strictEnv !== 'false' : parsed.data.strict;
  return { sources: uniqueIds(sources), strict, marketplace: parsed.data.marketplace };
}
