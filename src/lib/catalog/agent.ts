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

/** What lists, facets and indexes need of every agent, short of its frontmatter text (shown on its own page only). */
export type AgentFacts = Omit<AgentData, 'frontmatter'>;

/** A file that did not become an agent page (or a folder entry that could not be read), with why. */
export const skippedFileSchema = z.object({
  sourceId: z.string(),
  /** Path inside the source folder. */
  relPath: z.string(),
  findings: z.array(findingSchema).min(1),
});

/** A skipped file. */
export type SkippedFile = z.infer<typeof skippedFileSchema>;
