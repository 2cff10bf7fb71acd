import { z } from 'zod';
import { findingSchema, verdictSchema } from '../check/findings.ts';
import { modelSchema } from '../fields/models.ts';
import { extraFieldSchema } from '../fields/normalise.ts';
import { PROFILE_LABELS } from '../fields/profile.ts';
import { toolRefSchema, toolSetSchema } from '../fields/tools.ts';

const profiles = Object.keys(PROFILE_LABELS) as [keyof typeof PROFILE_LABELS, ...(keyof typeof PROFILE_LABELS)[]];

/** The facts about an agent file that the raw download, the open data and the findings need. */
export const fileFactsSchema = z.object({
  /** Path inside the source folder, `/`-separated. */
  relPath: z.string(),
  /** Path the build reads the bytes from (links resolved). Never published. */
  absPath: z.string(),
  /** Size in bytes. */
  bytes: z.number().int().nonnegative(),
  /** SHA-256 of the bytes, hex. */
  sha256: z.string(),
  /** Line-ending style. */
  lineEndings: z.enum(['lf', 'crlf', 'mixed', 'none']),
  /** Whether the file ends with a newline. */
  finalNewline: z.boolean(),
});

/** Other agents with the same name: how many, a few of them, and the page that lists them all. */
export const twinsSchema = z.object({
  /** How many other agents share the name. */
  count: z.number().int().nonnegative(),
  /** Slugs of up to five of them, so a page shows a few without growing with the group. */
  preview: z.array(z.string()),
  /** Slug of the page that lists every agent with this name. */
  groupSlug: z.string(),
});

/** A catalogue agent: one loadable file, normalised and checked, as the scan produces it. */
export const agentDataSchema = z.object({
  /** Unique, stable URL slug. */
  slug: z.string(),
  /** The `name` field (cut at the length limit). */
  name: z.string(),
  /** The `description` field as written (cut at the length limit). */
  description: z.string(),
  /** The description without `<example>` blocks, whitespace collapsed. */
  descriptionText: z.string(),
  /** Text of the `<example>` blocks in the description. */
  examples: z.array(z.string()),
  /** First sentence of the description, for cards and results. */
  summary: z.string(),
  /** The normalised `tools` field. */
  tools: toolSetSchema,
  /** The `disallowedTools` entries, split as Claude Code splits them. */
  disallowedTools: z.array(toolRefSchema),
  /** The normalised `model` field. */
  model: modelSchema,
  /** Agent Skills Claude Code preloads. */
  skills: z.array(z.string()),
  /** Technologies and topics (the catalogue's own field), lowercase. */
  tags: z.array(z.string()),
  /** Every other frontmatter field. */
  otherFields: z.array(extraFieldSchema),
  /** Category id: the `category:` field or the first folder, without an order prefix. */
  categoryId: z.string(),
  /** The folder name or `category:` value the id came from. */
  categoryFolder: z.string(),
  /** Folders below the category folder. */
  subPath: z.array(z.string()),
  /** Id of the source the file came from. */
  sourceId: z.string(),
  /** Facts about the file itself. */
  file: fileFactsSchema,
  /** The frontmatter block as written, delimiters included (LF line endings). */
  frontmatter: z.string(),
  /** Whether Claude Code reads the frontmatter as we did (strict YAML at the top of the file). */
  strictParse: z.boolean(),
  /** Every finding about the file. */
  findings: z.array(findingSchema),
  /** Does Claude Code load it, and cleanly? */
  verdict: verdictSchema,
  /** Commands its hooks and local MCP servers make Claude Code run on the user's machine. */
  commands: z.array(z.object({ origin: z.string(), command: z.string() })),
  /** What the tools let the agent do. */
  profile: z.array(z.enum(profiles)),
  /** Other agents with the same name. */
  twins: twinsSchema,
  /** 1-based line of the `name` field. */
  nameLine: z.number().int().positive(),
});

/** An agent as the scan produces it. */
export type AgentData = z.infer<typeof agentDataSchema>;

/**
 * Fields pages do not need kept: `descriptionText` and `examples` are derived from `description` again
 * by the agent's view.
 */
const DERIVED = { descriptionText: true, examples: true } as const;

/** What pages need of every agent, short of its frontmatter text (shown on its own page only). */
export type AgentFacts = Omit<AgentData, keyof typeof DERIVED | 'frontmatter'>;

/** A catalogue agent as pages get it: its data, and where its prompt is kept. */
export const agentSchema = agentDataSchema.omit(DERIVED).extend({
  /** The prompt rendered to safe HTML, in a file of the build cache named by the prompt's hash. Never published. */
  promptFile: z.string(),
});

/** A catalogue agent as pages get it. */
export type Agent = z.infer<typeof agentSchema>;

/** An agent's data without the fields pages derive again. */
export function storedAgent(agent: AgentData): Omit<Agent, 'promptFile'> {
  const { descriptionText, examples, ...stored } = agent;
  return stored;
}

/**
 * An entry of the agents collection: the build cache's file that holds every agent (see agentsFileSchema), and a
 * digest of this agent, so the content store, and `astro dev` with it, sees each change. The agents are not in
 * the store itself: Astro inlines the whole store into the build as one JavaScript module, which Vite bundles and
 * Node compiles again, and in a catalogue of 153 agents 22 MB more of store data made the build 7 s slower.
 */
export const agentEntrySchema = z.object({ agentsFile: z.string(), digest: z.string() });

/** The file of every agent, in catalogue order (catalog.ts reads it). */
export const agentsFileSchema = z.array(agentSchema);

/** A file that did not become an agent page (or a folder entry that could not be read), with why. */
export const skippedFileSchema = z.object({
  sourceId: z.string(),
  /** Path inside the source folder. */
  relPath: z.string(),
  findings: z.array(findingSchema).min(1),
});

/** A skipped file. */
export type SkippedFile = z.infer<typeof skippedFileSchema>;

/** A source as the diagnostics page and the build summary show it: its counts and what it left out. */
export const sourceSummarySchema = z.object({
  /** Position in the configured order. */
  order: z.number().int().nonnegative(),
  /** Name shown on pages. */
  label: z.string(),
  /** The folder as configured. */
  dir: z.string(),
  /** Web address of the folder in its repository, for "View upstream" links. */
  repository: z.string().optional(),
  /** The marketplace the catalogue is published as, when the config names one. */
  marketplace: z.object({ name: z.string(), repository: z.string() }).optional(),
  /** Entries considered as agents. */
  agentFiles: z.number().int(),
  /** Agent pages built. */
  pages: z.number().int(),
  /** Entries skipped, with findings. */
  skipped: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  infos: z.number().int(),
  /** Entries left out on purpose (README.md, hidden folders, node_modules, files that are not Markdown), with why. */
  ignored: z.array(z.object({ relPath: z.string(), reason: z.string() })),
  /** Problems in the categories file. */
  categoryProblems: z.array(findingSchema),
  /** The skipped entries with their findings. */
  skippedFiles: z.array(skippedFileSchema),
});
