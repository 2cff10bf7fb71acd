import { z } from 'zod';
import { RULES } from './rules.ts';
import { MODEL_FAMILIES } from './models.ts';
import { PROFILE_LABELS } from './profile.ts';

const ruleIds = Object.keys(RULES) as [keyof typeof RULES, ...(keyof typeof RULES)[]];
const profiles = Object.keys(PROFILE_LABELS) as [keyof typeof PROFILE_LABELS, ...(keyof typeof PROFILE_LABELS)[]];

/** A finding about a file, as stored with its agent or skipped file. */
export const diagnosticSchema = z.object({
  file: z.string().describe('Path shown to people: the configured folder joined with the file path.'),
  line: z.number().int().positive().describe('1-based line.'),
  column: z.number().int().positive().describe('1-based column.'),
  rule: z.enum(ruleIds).describe('Rule id from RULES.'),
  severity: z.enum(['error', 'warning', 'info']).describe('error: Claude Code skips the file; warning: it loads but is likely wrong; info: a note.'),
  message: z.string().describe('What is wrong, in a sentence.'),
  hint: z.string().describe('How to fix it.'),
});

/** One entry of a `tools` list. */
export const toolRefSchema = z.object({
  raw: z.string().describe('The entry as written, e.g. `Bash(npm run *)`.'),
  name: z.string().describe('Tool name without a permission rule.'),
  kind: z.enum(['builtin', 'legacy', 'mcp', 'unknown']).describe('What the name is to Claude Code.'),
  rule: z.string().optional().describe('Permission rule inside the parentheses.'),
  mcpServer: z.string().optional().describe('MCP server id for mcp__<server>__<tool> names.'),
  mcpTool: z.string().optional().describe('MCP tool part, `*` for a wildcard.'),
  replacement: z.string().optional().describe('Current name of a legacy tool.'),
});

/** The facts about an agent file that the raw view, download and diagnostics need. */
export const fileFactsSchema = z.object({
  relPath: z.string().describe('Path relative to the source folder, `/`-separated.'),
  displayPath: z.string().describe('Path as shown in diagnostics.'),
  absPath: z.string().describe('Absolute path, read by the raw endpoint to serve exact bytes.'),
  bytes: z.number().int().nonnegative().describe('File size in bytes.'),
  lineEndings: z.enum(['lf', 'crlf', 'mixed', 'none']).describe('Line-ending style.'),
  finalNewline: z.boolean().describe('Whether the file ends with a newline.'),
});

/** A catalogue agent: everything a page, a card or a facet shows. */
export const agentSchema = z.object({
  slug: z.string().describe('Unique, stable URL slug.'),
  name: z.string().describe('The `name` field, as written.'),
  description: z.string().describe('The `description` field, as written.'),
  descriptionText: z.string().describe('Description without <example> blocks, whitespace collapsed.'),
  examples: z.array(z.string()).describe('Text of <example> blocks in the description.'),
  summary: z.string().describe('First sentence of the description, for cards.'),
  tools: z
    .object({
      inheritsAll: z.boolean().describe('True when `tools` is absent: the agent inherits every tool.'),
      tools: z.array(toolRefSchema).describe('The allowlist, de-duplicated.'),
      duplicates: z.array(z.string()).describe('Entries written more than once.'),
      invalid: z.array(z.string()).describe('Entries that are not text.'),
    })
    .describe('The normalised `tools` field.'),
  model: z
    .object({
      raw: z.string().optional().describe('The value as written.'),
      form: z.enum(['default', 'alias', 'id', 'display-name', 'unknown']).describe('How the value is written.'),
      family: z.enum([...MODEL_FAMILIES, 'unknown']).describe('Model family.'),
      valid: z.boolean().describe('Whether Claude Code accepts it.'),
    })
    .describe('The normalised `model` field.'),
  skills: z.array(z.string()).describe('Agent Skills preloaded by Claude Code.'),
  tags: z.array(z.string()).describe('Technologies and topics (catalogue extension).'),
  otherFields: z
    .array(z.object({ key: z.string(), value: z.string(), standard: z.boolean() }))
    .describe('Every other frontmatter field, flagged standard or not.'),
  categoryId: z.string().describe('Category id (folder or `category:` field, without an order prefix).'),
  categoryFolder: z.string().describe('Folder name or `category:` value the id came from.'),
  subPath: z.array(z.string()).describe('Nested folders below the category folder.'),
  sourceId: z.string().describe('Id of the source the file came from.'),
  file: fileFactsSchema,
  raw: z.string().describe('The file text, decoded as UTF-8.'),
  body: z.string().describe('The Markdown body: the system prompt.'),
  strictParse: z.boolean().describe('Whether Claude Code reads the frontmatter without our recovery.'),
  findings: z.array(diagnosticSchema).describe('Every finding about this file.'),
  verdict: z.enum(['clean', 'warnings', 'skipped']).describe('Does Claude Code load it, and cleanly?'),
  profile: z.array(z.enum(profiles)).describe('What the tools let the agent do.'),
  twins: z.array(z.string()).describe('Slugs of other agents with the same name.'),
  nameLine: z.number().int().positive().describe('1-based line of the name field.'),
});

/** A file that did not become an agent page. */
export const skippedFileSchema = z.object({
  sourceId: z.string().describe('Id of the source the file came from.'),
  file: fileFactsSchema,
  findings: z.array(diagnosticSchema).min(1).describe('Why it was skipped, and anything else found.'),
});

/** A category: label, description and order, from a categories file or derived from the folder name. */
export const categorySchema = z.object({
  label: z.string().describe('Label shown on pages.'),
  description: z.string().optional().describe('One paragraph about the category.'),
  order: z.number().optional().describe('Sort key; categories without one sort after, by label.'),
});

/** Per-source counts for the diagnostics page. */
export const sourceSummarySchema = z.object({
  label: z.string().describe('Source label.'),
  dir: z.string().describe('Configured folder.'),
  repository: z.string().optional().describe('Repository URL for "view source" links.'),
  agentFiles: z.number().int().describe('Markdown files considered.'),
  pages: z.number().int().describe('Agent pages built.'),
  skipped: z.number().int().describe('Files skipped.'),
  errors: z.number().int(),
  warnings: z.number().int(),
  infos: z.number().int(),
  ignored: z.array(z.string()).describe('Files that are not agents (README.md, LICENSE, non-Markdown).'),
  categoryProblems: z.array(z.string()).describe('Problems in the categories file, reported instead of failing.'),
  skippedFiles: z.array(skippedFileSchema).describe('Files that did not become agent pages, with the reasons.'),
});
