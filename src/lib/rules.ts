import { isMalformedMcpName, type ToolSet } from './tools.ts';
import { commandRequests, fileCreationRequests } from './body-checks.ts';
import type { ModelInfo } from './models.ts';

/**
 * How bad a finding is: `error` means Claude Code will skip the file, `warning` means it loads
 * but something is likely wrong, `info` is a note.
 */
export type Severity = 'error' | 'warning' | 'info';

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
} as const satisfies Record<string, Rule>;

/** Id of a rule in {@link RULES}. */
export type RuleId = keyof typeof RULES;

/** One finding about one file. Line and column are 1-based. */
export interface Diagnostic {
  /** File path as shown to people: relative to the source folder, prefixed with the source id when there are several. */
  file: string;
  line: number;
  column: number;
  rule: RuleId;
  severity: Severity;
  message: string;
  hint: string;
}

/** Builds a diagnostic for a rule, taking severity and hint from the rule table. */
export function diagnostic(rule: RuleId, file: string, line: number, message: string, column = 1): Diagnostic {
  const { severity, hint } = RULES[rule];
  return { file, line, column, rule, severity, message, hint };
}

/** Documented frontmatter fields (SPEC.md). */
export const STANDARD_FIELDS = new Set([
  'name',
  'description',
  'tools',
  'disallowedTools',
  'model',
  'permissionMode',
  'maxTurns',
  'skills',
  'mcpServers',
  'hooks',
  'memory',
  'background',
  'effort',
  'isolation',
  'color',
  'initialPrompt',
]);

/** Fields the catalogue itself documents and uses, which are therefore not flagged. */
export const CATALOGUE_FIELDS = new Set(['tags']);

/** Fields Claude Code ignores for agents that ship inside a plugin. */
export const PLUGIN_IGNORED_FIELDS = new Set(['permissionMode', 'mcpServers', 'hooks']);

/** Allowed values of enumerated fields. */
export const FIELD_VALUES: Readonly<Record<string, readonly string[]>> = {
  permissionMode: ['default', 'acceptEdits', 'auto', 'dontAsk', 'bypassPermissions', 'plan', 'manual'],
  color: ['red', 'blue', 'green', 'yellow', 'purple', 'orange', 'pink', 'cyan'],
  effort: ['low', 'medium', 'high', 'xhigh', 'max'],
  memory: ['user', 'project', 'local'],
  isolation: ['worktree'],
};

const VALID_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** True when Claude Code accepts a `name` (lowercase letters, digits, hyphens; no leading `-`, no `:`). */
export function isValidAgentName(name: string): boolean {
  return VALID_NAME.test(name);
}

/** Descriptions longer than this get a `description-long` note: past it, a description is usually carrying examples or a manual. */
export const LONG_DESCRIPTION_CHARS = 1000;

/** Rough token count of English text, for showing context cost (about four characters a token). */
export function approximateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** What a file's frontmatter says, as the field checks need it. */
export interface FieldCheckInput {
  file: string;
  data: Record<string, unknown>;
  tools: ToolSet;
  model: ModelInfo;
  /** 1-based line of a top-level key. */
  lineOf: (key: string) => number;
  /** The Markdown body (the system prompt), and the 1-based file line it starts on. */
  body: string;
  bodyLine: number;
}

/** Tools that start subagents; they do nothing inside a subagent. */
const AGENT_TOOLS = new Set(['Agent', 'Task']);
const SHELL_TOOLS = new Set(['Bash', 'PowerShell']);
/** A description that says the agent runs as the main session, where `Agent` works. */
const MAIN_SESSION = /claude --agent\b|\bmain session\b/i;

/** Checks that the tools fit what the prompt asks for, and that no subagent tries to start subagents. */
export function checkToolUse({ file, data, tools, lineOf, body, bodyLine }: FieldCheckInput): Diagnostic[] {
  if (tools.inheritsAll) return [];
  const found: Diagnostic[] = [];
  const names = new Set(tools.tools.map((t) => t.name));
  const starter = [...AGENT_TOOLS].find((name) => names.has(name));
  if (starter && !MAIN_SESSION.test(String(data['description']))) {
    found.push(diagnostic('tools-agent-in-subagent', file, lineOf('tools'), `tools: \`${starter}\` does nothing in a subagent, and the description does not say the agent runs as the main session.`));
  }
  if (![...SHELL_TOOLS].some((name) => names.has(name))) {
    const first = commandRequests(body)[0];
    if (first) found.push(diagnostic('body-needs-shell', file, bodyLine + first.lineIndex, `The prompt says "${first.text}", but the tools cannot run commands.`));
  }
  if (!names.has('Write')) {
    const first = fileCreationRequests(body)[0];
    if (first) found.push(diagnostic('body-needs-write', file, bodyLine + first.lineIndex, `The prompt says "${first.text}", but the tools cannot create files.`));
  }
  return found;
}

/** Checks the fields of a loadable agent: name format, tools, model, enumerated values, extra fields, cost. */
export function checkFields(input: FieldCheckInput): Diagnostic[] {
  const { file, data, tools, model, lineOf } = input;
  const found: Diagnostic[] = checkToolUse(input);
  const name = String(data['name']);
  if (name.includes(':') || name.startsWith('-')) {
    const why = name.includes(':') ? 'contains `:`, which is reserved for plugin scopes' : 'starts with `-`';
    found.push(diagnostic('name-reserved', file, lineOf('name'), `name "${name}" ${why}, so Claude Code skips this file.`));
  } else if (!isValidAgentName(name)) {
    found.push(diagnostic('name-format', file, lineOf('name'), `name "${name}" is not lowercase letters, digits and hyphens.`));
  }

  const toolsLine = lineOf('tools');
  if (!tools.inheritsAll && tools.tools.length === 0 && tools.invalid.length === 0) {
    found.push(diagnostic('tools-empty', file, toolsLine, 'tools is empty, so the agent gets no tools at all.'));
  }
  for (const entry of tools.invalid) {
    found.push(diagnostic('tools-invalid-entry', file, toolsLine, `tools entry ${entry} is not a tool name.`));
  }
  for (const tool of tools.tools) {
    if (tool.kind === 'legacy') {
      const now = tool.replacement ? `use \`${tool.replacement}\` instead` : 'it has been removed';
      found.push(diagnostic('tools-legacy', file, toolsLine, `tools: \`${tool.name}\` is a retired tool name; ${now}.`));
    } else if (isMalformedMcpName(tool)) {
      found.push(diagnostic('tools-mcp-malformed', file, toolsLine, `tools: \`${tool.name}\` looks like an MCP tool but is not named mcp__<server>__<tool>.`));
    } else if (tool.kind === 'unknown') {
      found.push(diagnostic('tools-unknown', file, toolsLine, `tools: \`${tool.name}\` is not a Claude Code tool.`));
    }
  }
  for (const repeated of tools.duplicates) {
    found.push(diagnostic('tools-duplicate', file, toolsLine, `tools: \`${repeated}\` is listed more than once.`));
  }

  if (!model.valid) {
    const what = model.form === 'display-name' ? 'is a display name, not a model alias or id' : 'is not a known model';
    found.push(diagnostic('model-invalid', file, lineOf('model'), `model "${model.raw}" ${what}.`));
  }

  for (const [field, allowed] of Object.entries(FIELD_VALUES)) {
    const value = data[field];
    if (value === undefined || value === null) continue;
    if (!allowed.includes(String(value))) {
      found.push(
        diagnostic('field-invalid-value', file, lineOf(field), `${field} "${String(value)}" is not one of ${allowed.join(', ')}.`),
      );
    }
  }
  if (data['permissionMode'] === 'bypassPermissions') {
    found.push(diagnostic('permission-bypass', file, lineOf('permissionMode'), 'permissionMode is bypassPermissions: the agent runs every tool without asking.'));
  }

  const description = String(data['description']);
  if (description.length > LONG_DESCRIPTION_CHARS) {
    found.push(
      diagnostic(
        'description-long',
        file,
        lineOf('description'),
        `description is ${description.length} characters (about ${approximateTokens(description)} tokens), loaded into every conversation.`,
      ),
    );
  }

  for (const key of Object.keys(data)) {
    if (PLUGIN_IGNORED_FIELDS.has(key)) {
      found.push(diagnostic('field-ignored-by-plugins', file, lineOf(key), `${key} is ignored when this agent ships in a plugin.`));
    } else if (!STANDARD_FIELDS.has(key) && !CATALOGUE_FIELDS.has(key)) {
      found.push(diagnostic('field-nonstandard', file, lineOf(key), `${key} is not a Claude Code field.`));
    }
  }
  return found;
}

/** Severity order for sorting and verdicts. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** The verdict shown on an agent page: does Claude Code load this file, and cleanly? */
export type Verdict = 'clean' | 'warnings' | 'skipped';

/** Verdict from a file's findings: any error means Claude Code skips it, any warning means it loads with warnings. */
export function verdictOf(findings: readonly Diagnostic[]): Verdict {
  if (findings.some((d) => d.severity === 'error')) return 'skipped';
  if (findings.some((d) => d.severity === 'warning')) return 'warnings';
  return 'clean';
}
