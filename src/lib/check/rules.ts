import { INPUT_RULES } from './input-rules.ts';
import type { Rule, Severity } from './rule.ts';

export { severitySchema, type Rule, type Severity } from './rule.ts';

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
    severity: 'warning',
    title: 'Frontmatter is not valid YAML',
    hint: 'Claude Code reads it only after putting the values in quotes itself. Quote values that contain `: ` or start with `*`, `&`, `!`, `[` or `{`, e.g. description: "Use when: …".',
    olderReleases: {
      before: '2.1.70',
      note: 'Claude Code before 2.1.70 skips a file whose frontmatter is not valid YAML (measured: 2.1.63, 2.1.67 and 2.1.68 skip it, 2.1.64 reads it).',
    },
  },
  'yaml-unreadable': {
    severity: 'error',
    title: 'Claude Code cannot read the frontmatter',
    hint: 'Even with its values quoted the YAML does not parse. Fix the line named: quote the value, indent continuation lines, or drop the stray text.',
  },
  'frontmatter-cut': {
    severity: 'warning',
    title: 'Claude Code ends the frontmatter early',
    hint: 'Claude Code ends the frontmatter at the first `---` anywhere, even inside a value, and reads the rest as the prompt. Reword the value so it holds no `---`.',
  },
  'file-extension': {
    severity: 'error',
    title: 'Not a `.md` file to Claude Code',
    hint: 'Claude Code reads only files whose name ends in `.md`, in lower case. Rename the file.',
  },
  'file-too-large': {
    severity: 'error',
    title: 'Too large for Claude Code',
    hint: 'Claude Code does not read agent files over 1 MiB. Move reference material out of the prompt.',
  },
  'hooks-invalid': {
    severity: 'error',
    title: 'Hooks that make Claude Code drop the agent',
    hint: 'Write hooks as a mapping of events to matchers: `hooks:` → `PreToolUse:` → `- matcher: Bash` → `hooks:` → `- type: command` and `command: …`. Claude Code drops the whole agent when a PreToolUse or PermissionRequest hook is broken or misplaced, since it may be what guards the agent.',
    olderReleases: {
      before: '2.1.257',
      note: 'Claude Code before 2.1.257 loads such an agent (measured with hooks written as a flat list of commands, on 2.1.252).',
    },
  },
  'hooks-ignored': {
    severity: 'warning',
    title: 'Hook entry Claude Code ignores',
    hint: 'Claude Code drops this entry and loads the rest. Use a known event name and give each hook a `type` and what that type needs (`command` for `type: command`).',
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
    hint: 'Remove the `:` (reserved for plugin scopes, and also a look-alike such as `：`) or the leading `-`, and keep the name to 256 characters.',
  },
  'name-format': {
    severity: 'warning',
    title: 'Name is not lowercase with hyphens',
    hint: 'Use only lowercase letters, digits and hyphens, e.g. `csharp-expert` for `CSharpExpert`.',
  },
  'name-lookalike': {
    severity: 'warning',
    title: 'Name that imitates another',
    hint: 'The name holds letters of another script that look like ASCII letters, full-width forms or invisible characters, so it reads as a different name. Write it in plain ASCII: lowercase letters, digits and hyphens.',
  },
  'text-invalid-unicode': {
    severity: 'error',
    title: 'Name or description that is not valid Unicode',
    hint: 'A YAML escape such as "\\uD800" makes half a character (a lone surrogate); Claude Code leaves such an agent out. Remove the escape, or write the whole character.',
  },
  'text-hidden-characters': {
    severity: 'warning',
    title: 'Characters a reader cannot see',
    hint: 'Bidirectional controls, zero-width and other invisible characters, control characters and lone surrogates make text read differently from what it holds (Trojan Source). Remove them; the page shows each as an escape such as \\u202E.',
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
    hint: 'An empty list (`tools: []`, `tools: ""` or `tools:` with nothing after it) gives the agent no tools at all, though Claude Code lists it as "All tools". List the tools it needs, or remove the field to inherit all tools.',
  },
  'tools-scoped-bash': {
    severity: 'warning',
    title: 'Scoped Bash that grants the whole shell',
    hint: 'In a subagent, `Bash(git diff *)` grants every command, not only the pattern (anthropics/claude-code#95002). Enforce the limit with a PreToolUse hook that checks the command, or `permissions.deny` rules in settings, and do not promise it in the prompt.',
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
  'field-undocumented-value': {
    severity: 'info',
    title: 'Value Claude Code accepts but does not document',
    hint: 'Claude Code reads this value, but its documentation does not list it, so it may change. Prefer a documented value.',
  },
  'runs-commands': {
    severity: 'warning',
    title: 'Runs commands on your machine',
    hint: 'Its hooks or local MCP servers run these commands whenever the agent is used, with no permission prompt, whatever its tools say. Read them before installing; a guard you want for every agent belongs in your own settings.',
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
  'description-overlap': {
    severity: 'info',
    title: 'Claude may not tell two agents apart',
    hint: 'Claude picks a subagent from the descriptions alone. Say in each description when to pick it over the other, for example "For a query already known to be slow, pick postgres-query-tuner", or merge the two.',
  },
  'tools-agent-in-subagent': {
    severity: 'info',
    title: 'Starts other subagents',
    hint: 'Subagents may start subagents up to three levels deep; `CLAUDE_CODE_MAX_SUBAGENT_SPAWN_DEPTH=1` turns nesting off. Say in the prompt what the agent does when it cannot start them, and check that the agents it names exist.',
    olderReleases: {
      before: '2.1.172',
      note: 'Claude Code before 2.1.172 gives subagents no Agent tool: such an agent works only as the main session (`claude --agent <name>`).',
    },
  },
  'tools-agent-list-ignored': {
    severity: 'warning',
    title: 'Agent list that holds only as the main session',
    hint: '`Agent(worker, researcher)` limits which agents may be started only when the agent runs as the main session (`claude --agent <name>`); as a subagent it may start any agent. Name the agents in the prompt, and do not rely on the list as a limit.',
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
