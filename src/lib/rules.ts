import { z } from 'zod';
import { INPUT_RULES } from './input-rules.ts';

/** How bad a finding is: `error` means Claude Code skips the file, `warning` that it loads but something is likely wrong, `info` is a note. */
export const severitySchema = z.enum(['error', 'warning', 'info']);

/** A finding's severity. */
export type Severity = z.infer<typeof severitySchema>;

/** A named check with a fixed severity and a hint a person can act on. */
export interface Rule {
  severity: Severity;
  /** What the rule looks for, in a few words. */
  title: string;
  /** How to fix a finding. */
  hint: string;
}

/** Every rule the catalogue applies, by id. The ids appear in diagnostics, JSON output and the docs. */
export const RULES = {
  'frontmatter-missing': {
    severity: 'error',
    title: 'No frontmatter',
    hint: 'Start the file with a `---` line, then `name:` and `description:`, then a closing `---`.',
  },
  'frontmatter-displaced': {
    severity: 'error',
    title: 'Frontmatter not at the top of the file',
    hint: 'Move the opening `---` to the very first line and remove its indentation.',
  },
  'yaml-invalid': {
    severity: 'error',
    title: 'Frontmatter is not valid YAML',
    hint: 'Quote values that contain `: ` or start with `*`, `&`, `!`, `[` or `{`, e.g. description: "Use when: …".',
  },
  'name-missing': {
    severity: 'error',
    title: 'No name',
    hint: 'Add `name: your-agent-name` (lowercase letters, digits and hyphens).',
  },
  'description-missing': {
    severity: 'error',
    title: 'No description',
    hint: 'Add a `description:` that says when Claude should delegate to this agent.',
  },
  'name-reserved': {
    severity: 'error',
    title: 'Name Claude Code rejects',
    hint: 'Remove the `:` (reserved for plugin scopes) or the leading `-` from the name.',
  },
  'name-format': {
    severity: 'warning',
    title: 'Name is not lowercase with hyphens',
    hint: 'Use only lowercase letters, digits and hyphens, e.g. `csharp-expert` for `CSharpExpert`.',
  },
  'name-duplicate': {
    severity: 'warning',
    title: 'Another agent has the same name',
    hint: 'Installed side by side, only one of them would be used. Rename one of them.',
  },
  'tools-unknown': {
    severity: 'warning',
    title: 'Tool that Claude Code does not have',
    hint: 'Use Claude Code tool names such as Read, Grep, Glob, Edit, Write, Bash, WebFetch, or mcp__<server>__<tool>.',
  },
  'tools-legacy': {
    severity: 'warning',
    title: 'Retired tool name',
    hint: 'Replace it with the current name.',
  },
  'tools-duplicate': {
    severity: 'warning',
    title: 'Tool listed more than once',
    hint: 'Remove the repeated entry.',
  },
  'tools-mcp-malformed': {
    severity: 'warning',
    title: 'MCP tool name does not follow mcp__<server>__<tool>',
    hint: 'Write MCP tools as mcp__<server>__<tool>, mcp__<server>__* or mcp__<server>, with double underscores.',
  },
  'tools-empty': {
    severity: 'warning',
    title: 'Empty tools list',
    hint: 'An empty list gives the agent no tools at all. List the tools it needs, or remove the field to inherit all tools.',
  },
  'tools-invalid-entry': {
    severity: 'warning',
    title: 'Tools entry is not text',
    hint: 'Write each tool as a string: a comma-separated list or a YAML list of names.',
  },
  'model-invalid': {
    severity: 'warning',
    title: 'Model value Claude Code does not accept',
    hint: 'Use sonnet, opus, haiku, fable, inherit, or a full model id such as claude-sonnet-4-5-20250929.',
  },
  'field-invalid-value': {
    severity: 'warning',
    title: 'Field value outside the allowed set',
    hint: 'Use one of the documented values.',
  },
  'permission-bypass': {
    severity: 'warning',
    title: 'Agent bypasses permission prompts',
    hint: 'bypassPermissions lets the agent run every tool without asking. Prefer acceptEdits or default unless the agent runs in a sandbox.',
  },
  'field-nonstandard': {
    severity: 'info',
    title: 'Field Claude Code does not use',
    hint: 'Claude Code ignores this field. Keep it only if another tool reads it.',
  },
  'field-ignored-by-plugins': {
    severity: 'info',
    title: 'Field ignored for plugin agents',
    hint: 'Plugin agents ignore this field; it only takes effect in .claude/agents or ~/.claude/agents.',
  },
  'description-long': {
    severity: 'info',
    title: 'Long description',
    hint: 'Every installed agent description is loaded into every conversation. Move examples and detail into the body.',
  },
  'tools-agent-in-subagent': {
    severity: 'warning',
    title: 'Starts subagents, but subagents cannot nest',
    hint: 'A subagent cannot start other subagents, so `Agent` (or `Task`) does nothing there. Drop it and return a plan for the main conversation to carry out, or say in the description that the agent runs as the main session: `claude --agent <name>`.',
  },
  'body-needs-shell': {
    severity: 'warning',
    title: 'Prompt asks to run commands without Bash',
    hint: 'The prompt tells the agent to run a command, but its tools have no Bash or PowerShell. Add `Bash` (narrowed with a rule such as `Bash(npm test)` if you like), or reword the step.',
  },
  'body-needs-write': {
    severity: 'warning',
    title: 'Prompt asks to create files without Write',
    hint: 'The prompt tells the agent to create a file, but its tools have no `Write`; `Edit` only changes files that exist. Add `Write`, or reword the step.',
  },
  'encoding-invalid': {
    severity: 'warning',
    title: 'File is not valid UTF-8',
    hint: 'Save the file as UTF-8.',
  },
  ...INPUT_RULES,
} as const satisfies Record<string, Rule>;

/** Id of a rule in {@link RULES}. */
export type RuleId = keyof typeof RULES;

/** Every rule id, for schemas. */
export const RULE_IDS = Object.keys(RULES) as [RuleId, ...RuleId[]];

/** Severity order for sorting and verdicts. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
