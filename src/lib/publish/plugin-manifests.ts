/**
 * The shapes of a Claude Code plugin marketplace (`.claude-plugin/marketplace.json`) and of a plugin
 * manifest (`.claude-plugin/plugin.json`), with the name rules Claude Code enforces on both. Written from
 * the "Marketplace reference" and "Plugin manifest reference" pages of the Claude Code docs.
 */
import { z } from 'zod';

/** True for the hosts Claude Code refuses to fetch a plugin archive from: loopback, link-local and cloud metadata. */
export function isRefusedArchiveHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\./.test(host) ||
    /^169\.254\./.test(host) ||
    host === '0.0.0.0' ||
    host === '::1' ||
    host.startsWith('fe80:') ||
    host === 'metadata.google.internal'
  );
}

/** Lowercase letters and digits joined by single hyphens: the form SPEC requires of marketplace and plugin names. */
export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Marketplace names Claude Code reserves (docs, "Reserved names"): Anthropic's official, community and
 * directory marketplaces, and names Claude Code uses itself.
 */
export const RESERVED_MARKETPLACE_NAMES: ReadonlySet<string> = new Set([
  ...[
    'claude-code-marketplace',
    'claude-code-plugins',
    'claude-plugins-official',
    'anthropic-marketplace',
    'anthropic-plugins',
    'agent-skills',
    'anthropic-agent-skills',
  ],
  ...[
    'life-sciences',
    'knowledge-work-plugins',
    'claude-for-legal',
    'claude-for-financial-services',
    'financial-services-plugins',
    'first-party-plugins',
    'claude-tag-plugins',
  ],
  ...['claude-community', 'claude-plugins-community', 'healthcare', 'anthropic-plugin-directory', 'claude-plugin-directory'],
  ...['inline', 'builtin', 'skills-dir', 'synced', 'claude-plugin-test', 'npm', 'pip', 'uv', 'cargo', 'github', 'gh'],
]);

/** `official` right beside `claude` or `anthropic`: the docs' example of a name that impersonates Anthropic. */
const OFFICIAL_BESIDE_VENDOR = /(?:^|-)official-(?:claude|anthropics?)(?:-|$)|(?:^|-)(?:claude|anthropics?)-official(?:-|$)/;
const EXAMPLE = 'e.g. "acme-agents"';

/** What is wrong with a marketplace name: errors Claude Code refuses, and warnings about names that look official. */
export function marketplaceNameProblems(name: string): { errors: string[]; warnings: string[] } {
  if (!KEBAB_CASE.test(name))
    return {
      errors: [`marketplace name "${name}" must be kebab-case (lowercase letters and digits joined by single hyphens), ${EXAMPLE}`],
      warnings: [],
    };
  const reserved = (why: string) => ({
    errors: [`marketplace name "${name}" ${why}; choose a name of your own, ${EXAMPLE}`],
    warnings: [],
  });
  if (RESERVED_MARKETPLACE_NAMES.has(name)) return reserved('is reserved by Claude Code');
  if (name.startsWith('claudeai-')) return reserved('starts with "claudeai-", which Claude Code reserves for claude.ai');
  if (OFFICIAL_BESIDE_VENDOR.test(name) || /^(?:claude|anthropic)-plugins?(?:-|$)/.test(name))
    return reserved('impersonates an official Anthropic marketplace');
  const suspect = ['anthropic', 'official'].filter((word) => name.includes(word));
  const warnings = suspect.map(
    (word) =>
      `marketplace name "${name}" contains "${word}", so it may read as an official Anthropic marketplace; Claude Code refuses names that impersonate one`,
  );
  return { errors: [], warnings };
}

/** Why `claude plugin validate` rejects a plugin name as one of Anthropic's own, or undefined when it does not. */
export function reservedPluginNameReason(name: string): string | undefined {
  // The docs' check ignores case and treats any run of separators as one hyphen.
  const plain = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (['claude', 'anthropic', 'anthropics', 'claude-code', 'claude-mods'].includes(plain))
    return `"${name}" is reserved for Anthropic's own plugins`;
  const prefix = /^(claude|anthropics?|cc-plugin)-/.exec(plain);
  if (prefix) return `plugin names starting with "${prefix[0]}" are reserved for Anthropic's own plugins`;
  if (OFFICIAL_BESIDE_VENDOR.test(plain))
    return `"${name}" puts "official" beside a vendor name, which passes as one of Anthropic's own plugins`;
  // Claude Code 2.1.332 warns about any of these as a word of the name (`claude plugin validate --strict` fails on it).
  const mark = plain.split('-').find((word) => (ANTHROPIC_MARKS as readonly string[]).includes(word));
  if (mark) return `"${name}" has the word "${mark}", which reads as one of Anthropic's own plugins`;
  return undefined;
}

/** Words a plugin name may not hold: Claude Code reads a name with one of them as Anthropic's own. */
export const ANTHROPIC_MARKS = ['claude', 'anthropic', 'anthropics'] as const;

/** A marketplace name: kebab-case and not reserved. */
export const marketplaceNameSchema = z.string().superRefine((name, ctx) => {
  for (const message of marketplaceNameProblems(name).errors) ctx.addIssue({ code: 'custom', message });
});

/** A plugin name: kebab-case and not one that passes as Anthropic's own. */
export const pluginNameSchema = z
  .string()
  .regex(KEBAB_CASE, `must be kebab-case, ${EXAMPLE}`)
  .superRefine((name, ctx) => {
    const reason = reservedPluginNameReason(name);
    if (reason) ctx.addIssue({ code: 'custom', message: reason });
  });

/** A semantic version, `MAJOR.MINOR.PATCH` with optional pre-release and build parts. */
export const semverSchema = z
  .string()
  .regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/, 'must be a semantic version such as "1.0.0"');

/** A person or team that maintains a marketplace or wrote a plugin. */
export const personSchema = z
  .object({
    /** Name shown in `/plugin`. */
    name: z.string().trim().min(1, 'needs a name'),
    /** Contact address. */
    email: z.email().optional(),
    /** Web page. */
    url: z.url().optional(),
  })
  .strict();

const gitPin = {
  /** Branch or tag to check out. */
  ref: z.string().min(1).optional(),
  /** Exact commit (40 hex digits), which wins over `ref`. */
  sha: z
    .string()
    .regex(/^[0-9a-f]{40}$/, 'must be a full 40-character commit id')
    .optional(),
};

/**
 * Where Claude Code fetches a plugin from: a path relative to the marketplace root (starting with `./`,
 * never climbing out with `..`, so only for git-hosted marketplaces), a GitHub repository, a git URL,
 * a folder of a git repository, an npm package, or a zip archive at an https address (Claude Code 2.1.224 and later).
 */
export const pluginSourceSchema = z.union([
  z
    .string()
    .refine(
      (source) => source.startsWith('./') && !source.split('/').includes('..'),
      'a relative source must start with "./" and stay inside the marketplace',
    ),
  z
    .object({
      source: z.literal('github'),
      /** `owner/repo`. */ repo: z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'must be "owner/repo"'),
      ...gitPin,
    })
    .strict(),
  z.object({ source: z.literal('url'), /** Full git URL. */ url: z.string().min(1), ...gitPin }).strict(),
  z
    .object({
      source: z.literal('git-subdir'),
      /** Full git URL. */ url: z.string().min(1),
      /** Folder inside the repository. */ path: z.string().min(1),
      ...gitPin,
    })
    .strict(),
  z
    .object({
      source: z.literal('npm'),
      /** Package name. */ package: z.string().min(1),
      /** Version or range. */ version: z.string().optional(),
      /** Registry URL. */ registry: z.url().optional(),
    })
    .strict(),
  z
    .object({
      source: z.literal('archive'),
      /** The zip's address: https, and not a loopback, link-local or metadata host, which Claude Code refuses. */
      url: z
        .url({ protocol: /^https$/ })
        .refine(
          (url) => !isRefusedArchiveHost(new URL(url).hostname),
          'Claude Code refuses archives from loopback, link-local and metadata hosts',
        ),
      /** SHA-256 of the archive, checked on every download. */ sha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits'),
    })
    .strict(),
]);

/** Metadata a plugin entry and a plugin manifest share. */
const pluginMetadata = {
  /** What the plugin offers, shown in `/plugin`. */
  description: z.string().min(1).optional(),
  /** Semantic version. Users receive an update only when it changes; plugin.json's wins over the entry's. */
  version: semverSchema.optional(),
  /** Who wrote the plugin. */
  author: personSchema.optional(),
  /** Documentation page. */
  homepage: z.url().optional(),
  /** Source repository URL. */
  repository: z.string().min(1).optional(),
  /** SPDX licence id, e.g. "MIT". */
  license: z.string().min(1).optional(),
  /** Words that help people find the plugin. */
  keywords: z.array(z.string().min(1)).optional(),
};

/** One plugin listed by a marketplace. Strict: the export writes only these keys, and `claude plugin validate` warns about unknown ones. */
export const marketplaceEntrySchema = z
  .object({
    /** What users type before `@` in `/plugin install <plugin>@<marketplace>`. Kebab-case, unique in the marketplace. */
    name: pluginNameSchema,
    /** Where Claude Code fetches the plugin from. */
    source: pluginSourceSchema,
    ...pluginMetadata,
    /** Free-form category for browsing and search. */
    category: z.string().min(1).optional(),
    /** Free-form tags for search. */
    tags: z.array(z.string().min(1)).optional(),
    /** True (the default): the plugin's own plugin.json is the authority for its components. */
    strict: z.boolean().optional(),
  })
  .strict();

/** `.claude-plugin/marketplace.json`: a named, owned list of plugins. Strict, like its entries. */
export const marketplaceSchema = z
  .object({
    /** JSON schema address, ignored by Claude Code. */
    $schema: z.string().optional(),
    /** What users type after `@` in `/plugin install <plugin>@<marketplace>`. Kebab-case, not reserved. */
    name: marketplaceNameSchema,
    /** Who maintains the marketplace. */
    owner: personSchema,
    /** About the marketplace as a whole. */
    metadata: z
      .object({
        /** One paragraph about the marketplace. */
        description: z.string().min(1).optional(),
        /** Version of the marketplace file. */
        version: z.string().min(1).optional(),
        /** Folder under which bare plugin source names resolve. */
        pluginRoot: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
    /** The plugins, each with a unique name. */
    plugins: z.array(marketplaceEntrySchema).superRefine((entries, ctx) => {
      const seen = new Set<string>();
      entries.forEach((entry, index) => {
        if (seen.has(entry.name))
          ctx.addIssue({
            code: 'custom',
            path: [index, 'name'],
            message: `plugin name "${entry.name}" is listed twice; each entry needs its own name`,
          });
        seen.add(entry.name);
      });
    }),
  })
  .strict();

/** `.claude-plugin/plugin.json`: a plugin's name and metadata. Strict: the export relies on the default `agents/` folder, so it declares no component paths. */
export const pluginManifestSchema = z
  .object({
    /** Plugin id: agents are addressed as `<plugin>:<agent>`. Kebab-case, not reserved. */
    name: pluginNameSchema,
    ...pluginMetadata,
  })
  .strict();

/** A marketplace.json object. */
export type MarketplaceManifest = z.infer<typeof marketplaceSchema>;

/** One plugin entry of a marketplace.json. */
export type MarketplaceEntry = z.infer<typeof marketplaceEntrySchema>;

/** A plugin.json object. */
export type PluginManifest = z.infer<typeof pluginManifestSchema>;
