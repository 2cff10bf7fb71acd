/**
 * A Claude Code subagent as the agent file of five other tools: GitHub Copilot custom agents, OpenCode, Codex,
 * Gemini CLI and Cursor. The prompt, `name` and `description` carry over as they are; `tools`, `model` and
 * permissions are mapped where the tool has an equivalent; everything else (scoped Bash where the tool has no
 * command patterns, hooks, permissionMode, MCP servers…) is listed, on the page and in the file as a comment,
 * never dropped silently. Each tool's mapping is one table below (`OTHER_TOOL_MAPPINGS`), checked row by row.
 * Formats as documented by each tool (see ../shared/SPEC.md, "Other tools", and each tool's docs). Pure.
 */
import { dump } from 'js-yaml';
import type { ExtraField } from '../fields/normalise.ts';
import type { ModelInfo } from '../fields/models.ts';
import type { ToolRef, ToolSet } from '../fields/tools.ts';
import { exportFileName, exportName, OTHER_TOOL_FOLDERS, type OtherTool, type OtherToolFolders } from './other-tool-files.ts';

export { exportName, exportSitePath, OTHER_TOOLS, type OtherTool } from './other-tool-files.ts';

/** What an export is made of: the agent's fields as the catalogue read them, and its prompt exactly. */
export interface ExportSource {
  name: string;
  slug: string;
  description: string;
  prompt: string;
  tools: Pick<ToolSet, 'inheritsAll' | 'tools'>;
  disallowedTools: readonly ToolRef[];
  model: Pick<ModelInfo, 'raw' | 'family' | 'form'>;
  otherFields: readonly Pick<ExtraField, 'key' | 'value'>[];
}

/** One exported file: where it goes in a project, its text, and what of the agent it could not carry. */
export interface ExportedFile {
  tool: OtherTool;
  /** The file name, e.g. `code-reviewer.agent.md`: plain, so it is safe in a command. */
  fileName: string;
  /** `<project folder>/<file name>`, e.g. `.github/agents/code-reviewer.agent.md`. */
  path: string;
  text: string;
  notCarried: string[];
}

/** One row of a tool's mapping: a Claude Code field, what it becomes, and how. */
export interface MappingRow {
  claude: string;
  becomes: string;
}

/** What a tool is called, where it reads agent files, and how an agent maps onto its format. */
export interface OtherToolInfo extends OtherToolFolders {
  docs: string;
  mapping: readonly MappingRow[];
}

export const OTHER_TOOL_INFO: Readonly<Record<OtherTool, OtherToolInfo>> = {
  copilot: {
    ...OTHER_TOOL_FOLDERS.copilot,
    docs: 'https://docs.github.com/en/copilot/reference/custom-agents-configuration',
    mapping: [
      { claude: 'name, description, prompt', becomes: 'name, description, the body (Copilot reads at most 30,000 characters of it)' },
      { claude: 'tools', becomes: 'tools, as Copilot aliases: read, edit, execute, search, web, agent, todo; MCP tools as server/tool' },
      { claude: 'tools absent or *', becomes: 'no tools key: every tool' },
      { claude: 'Bash(pattern)', becomes: 'execute, which runs any command: listed as not carried' },
      { claude: 'model, disallowedTools, permissionMode, hooks, mcpServers, skills', becomes: 'not carried: listed' },
    ],
  },
  opencode: {
    ...OTHER_TOOL_FOLDERS.opencode,
    docs: 'https://opencode.ai/docs/agents/',
    mapping: [
      { claude: 'name', becomes: 'the file name, which is the agent id' },
      { claude: 'description, prompt', becomes: 'description, the body; mode: subagent' },
      { claude: 'tools without Bash, Edit/Write, Read/Grep/Glob, Agent', becomes: 'permissions: deny shell, edit, read, subagent' },
      { claude: 'Bash(pattern)', becomes: 'permissions: deny shell *, allow shell <pattern> (enforced by OpenCode)' },
      { claude: 'disallowedTools', becomes: 'permissions: deny the same action (and pattern)' },
      { claude: 'model as a full Claude id', becomes: 'model: anthropic/<id>; an alias (sonnet, opus) is not carried' },
      { claude: 'permissionMode, hooks, mcpServers, skills', becomes: 'not carried: listed' },
    ],
  },
  codex: {
    ...OTHER_TOOL_FOLDERS.codex,
    docs: 'https://developers.openai.com/codex/subagents',
    mapping: [
      { claude: 'name, description', becomes: 'name, description' },
      { claude: 'prompt', becomes: 'developer_instructions, the exact text' },
      { claude: 'tools without Write, Edit, NotebookEdit or Bash', becomes: 'sandbox_mode = "read-only"' },
      { claude: 'tools with one of them, or absent', becomes: 'sandbox_mode = "workspace-write" (never danger-full-access)' },
      { claude: 'model, tools by name, Bash(pattern), permissionMode, hooks, mcpServers, skills', becomes: 'not carried: listed' },
    ],
  },
  gemini: {
    ...OTHER_TOOL_FOLDERS.gemini,
    docs: 'https://geminicli.com/docs/core/subagents/',
    mapping: [
      { claude: 'name, description, prompt', becomes: 'name (as a slug), description, the body' },
      {
        claude: 'tools',
        becomes:
          'tools: read_file, write_file, replace, run_shell_command, grep_search, glob, list_directory, web_fetch, google_web_search, write_todos; MCP as mcp_<server>_<tool>',
      },
      { claude: 'tools absent or *', becomes: 'tools: ["*"]' },
      { claude: 'Agent, Bash(pattern)', becomes: 'not carried (a Gemini subagent cannot start one; no command patterns): listed' },
      { claude: 'model, disallowedTools, permissionMode, hooks, mcpServers, skills', becomes: 'not carried: listed' },
    ],
  },
  cursor: {
    ...OTHER_TOOL_FOLDERS.cursor,
    docs: 'https://cursor.com/docs/agent/subagents',
    mapping: [
      { claude: 'name, description, prompt', becomes: 'name, description, the body' },
      { claude: 'model absent or inherit', becomes: 'model: inherit' },
      { claude: 'tools without Write, Edit, NotebookEdit or Bash', becomes: 'readonly: true' },
      {
        claude: 'other models, tools by name, Bash(pattern), disallowedTools, permissionMode, hooks, mcpServers, skills',
        becomes: 'not carried: listed',
      },
    ],
  },
};

/** What some fields no other tool reads do, for the list of what was not carried. */
const CLAUDE_ONLY_FIELDS: Readonly<Record<string, string>> = {
  permissionMode: 'permissionMode',
  hooks: 'hooks (commands Claude Code runs around tool calls)',
  mcpServers: 'mcpServers',
  skills: 'skills (Agent Skills preloaded)',
  memory: 'memory',
  color: 'color',
  initialPrompt: 'initialPrompt',
  maxTurns: 'maxTurns',
  effort: 'effort',
  background: 'background',
  isolation: 'isolation',
};

const WRITES = new Set(['Write', 'Edit', 'MultiEdit', 'NotebookEdit']);
const READS = new Set(['Read', 'Grep', 'Glob', 'LS']);
const SHELLS = new Set(['Bash', 'PowerShell']);
const AGENTS = new Set(['Agent', 'Task']);

const listed = (source: ExportSource) => (source.tools.inheritsAll ? undefined : source.tools.tools);
const hasAny = (tools: readonly ToolRef[], names: ReadonlySet<string>) => tools.some((t) => names.has(t.name));
const scopedShell = (tools: readonly ToolRef[]) => tools.filter((t) => SHELLS.has(t.name) && t.rule && t.rule !== '*');

/** Every other field the agent sets (none of them is carried), each as a line of what was not carried. */
function claudeOnly(source: ExportSource): string[] {
  return source.otherFields.map((f) => `${CLAUDE_ONLY_FIELDS[f.key] ?? f.key}: ${oneLine(f.value)}`);
}

function oneLine(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const modelLine = (source: ExportSource, tool: string) =>
  source.model.raw && source.model.raw !== 'inherit'
    ? [`model: ${oneLine(source.model.raw)} (${tool} names its models its own way; pick one)`]
    : [];
const deniedLine = (source: ExportSource) =>
  source.disallowedTools.length > 0 ? [`disallowedTools: ${source.disallowedTools.map((t) => t.raw).join(', ')}`] : [];

/** Frontmatter, a comment block listing what was not carried, then the prompt exactly. */
function markdownFile(fields: Record<string, unknown>, notCarried: readonly string[], prompt: string, tool: string): string {
  const yaml = dump(fields, { lineWidth: -1, noRefs: true, quotingType: '"' });
  return `---\n${yaml}${commentBlock(notCarried, tool)}---\n${prompt}`;
}

/** `#` comment lines (valid in YAML and TOML) saying what of the Claude Code agent this file does not do. */
function commentBlock(notCarried: readonly string[], tool: string): string {
  if (notCarried.length === 0) return '';
  const safe = (line: string) => line.replace(/[\r\n\u2028\u2029]/g, ' ');
  return [
    `# Exported from a Claude Code subagent by Subagent Catalog. ${tool} has no equivalent for:`,
    ...notCarried.map((line) => `#   ${safe(line)}`),
    '',
  ].join('\n');
}

const COPILOT_ALIASES: Readonly<Record<string, string>> = {
  Read: 'read',
  Write: 'edit',
  Edit: 'edit',
  MultiEdit: 'edit',
  NotebookEdit: 'edit',
  Bash: 'execute',
  PowerShell: 'execute',
  Grep: 'search',
  Glob: 'search',
  LS: 'search',
  WebFetch: 'web',
  WebSearch: 'web',
  Agent: 'agent',
  Task: 'agent',
  TodoWrite: 'todo',
  TaskCreate: 'todo',
  TaskUpdate: 'todo',
  TaskList: 'todo',
  TaskGet: 'todo',
};

const GEMINI_TOOLS: Readonly<Record<string, string>> = {
  Read: 'read_file',
  Write: 'write_file',
  Edit: 'replace',
  MultiEdit: 'replace',
  Bash: 'run_shell_command',
  Grep: 'grep_search',
  Glob: 'glob',
  LS: 'list_directory',
  WebFetch: 'web_fetch',
  WebSearch: 'google_web_search',
  TodoWrite: 'write_todos',
  TaskCreate: 'write_todos',
};

/** Tools mapped through a table; those without a row are listed as not carried. */
function mapTools(tools: readonly ToolRef[], table: Readonly<Record<string, string>>, mcp: (t: ToolRef) => string | undefined) {
  const mapped: string[] = [];
  const missing: string[] = [];
  for (const tool of tools) {
    const to = tool.mcpServer ? mcp(tool) : table[tool.name];
    if (to) {
      if (!mapped.includes(to)) mapped.push(to);
    } else missing.push(tool.raw);
  }
  return { mapped, missing };
}

/** A tool's mapping of one agent: what it cannot carry, and the file, made only when asked for (pages need the list alone). */
interface Mapped {
  notCarried: string[];
  render: () => string;
}

function copilot(source: ExportSource): Mapped {
  const notCarried: string[] = [];
  const fields: Record<string, unknown> = { name: source.name, description: source.description };
  const tools = listed(source);
  if (tools) {
    const { mapped, missing } = mapTools(tools, COPILOT_ALIASES, (t) => `${t.mcpServer}/${t.name.split('__').slice(2).join('__') || '*'}`);
    fields['tools'] = mapped;
    if (missing.length > 0) notCarried.push(`tools: ${missing.join(', ')}`);
    for (const t of scopedShell(tools)) notCarried.push(`${t.raw}: Copilot has no command patterns, so execute runs any command`);
  }
  notCarried.push(...modelLine(source, 'Copilot'), ...deniedLine(source), ...claudeOnly(source));
  if (source.prompt.length > 30_000)
    notCarried.push(`the prompt past 30,000 characters (it has ${source.prompt.length}): Copilot reads no further`);
  return { render: () => markdownFile(fields, notCarried, source.prompt, 'GitHub Copilot'), notCarried };
}

function opencode(source: ExportSource): Mapped {
  const notCarried: string[] = [];
  const fields: Record<string, unknown> = { description: source.description, mode: 'subagent' };
  if (source.model.form === 'id' && source.model.raw) fields['model'] = `anthropic/${source.model.raw}`;
  else notCarried.push(...modelLine(source, 'OpenCode'));
  const rules: { action: string; resource: string; effect: 'allow' | 'deny' }[] = [];
  const tools = listed(source);
  if (tools) {
    const actions: [string, ReadonlySet<string>][] = [
      ['shell', SHELLS],
      ['edit', WRITES],
      ['read', READS],
      ['subagent', AGENTS],
    ];
    for (const [action, names] of actions) if (!hasAny(tools, names)) rules.push({ action, resource: '*', effect: 'deny' });
    const patterns = scopedShell(tools);
    const unscoped = tools.some((t) => SHELLS.has(t.name) && (!t.rule || t.rule === '*'));
    if (patterns.length > 0 && !unscoped) {
      rules.push({ action: 'shell', resource: '*', effect: 'deny' });
      for (const t of patterns) rules.push({ action: 'shell', resource: t.rule!, effect: 'allow' });
    }
  }
  for (const t of source.disallowedTools) {
    const action = SHELLS.has(t.name)
      ? 'shell'
      : WRITES.has(t.name)
        ? 'edit'
        : READS.has(t.name)
          ? 'read'
          : AGENTS.has(t.name)
            ? 'subagent'
            : undefined;
    if (action) rules.push({ action, resource: t.rule && t.rule !== '' ? t.rule : '*', effect: 'deny' });
    else notCarried.push(`disallowedTools: ${t.raw}`);
  }
  if (rules.length > 0) fields['permissions'] = rules;
  notCarried.push(...claudeOnly(source));
  return { render: () => markdownFile(fields, notCarried, source.prompt, 'OpenCode'), notCarried };
}

/** A TOML basic string: every character that is not plain text escaped, so the value reads back exactly. */
export function tomlString(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what TOML must escape
  const escaped = text.replace(/[\\"\u0000-\u001f\u007f\u2028\u2029]/g, (c) => {
    const named: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `"${escaped}"`;
}

/** A TOML multi-line basic string for the prompt: lines stay lines, and everything else is escaped. */
function tomlMultiline(text: string): string {
  // eslint-disable-next-line no-control-regex -- as above, but for the newline, which stays
  const escaped = text.replace(/[\\"\u0000-\u0009\u000b-\u001f\u007f\u2028\u2029]/g, (c) => tomlString(c).slice(1, -1));
  // The newline right after the opening quotes is not part of the value.
  return `"""\n${escaped}"""`;
}

function codex(source: ExportSource): Mapped {
  const tools = listed(source);
  const writes = !tools || hasAny(tools, WRITES) || hasAny(tools, SHELLS);
  const notCarried = [
    ...modelLine(source, 'Codex'),
    ...(tools ? [`tools: ${tools.map((t) => t.raw).join(', ')} (Codex limits an agent by its sandbox only)`] : []),
    ...deniedLine(source),
    ...claudeOnly(source),
  ];
  const render = () =>
    [
      commentBlock(notCarried, 'Codex').trimEnd(),
      `name = ${tomlString(source.name)}`,
      `description = ${tomlString(source.description)}`,
      `sandbox_mode = "${writes ? 'workspace-write' : 'read-only'}"`,
      `developer_instructions = ${tomlMultiline(source.prompt)}`,
      '',
    ]
      .filter((line, i) => i > 0 || line !== '')
      .join('\n');
  return { render, notCarried };
}

function gemini(source: ExportSource): Mapped {
  const notCarried: string[] = [];
  const fields: Record<string, unknown> = { name: exportName(source), description: source.description };
  const tools = listed(source);
  if (tools) {
    const { mapped, missing } = mapTools(tools, GEMINI_TOOLS, (t) => `mcp_${t.mcpServer}_${t.name.split('__').slice(2).join('__') || '*'}`);
    fields['tools'] = mapped;
    if (missing.length > 0) notCarried.push(`tools: ${missing.join(', ')}`);
    for (const t of scopedShell(tools))
      notCarried.push(`${t.raw}: Gemini CLI has no command patterns, so run_shell_command runs any command`);
  } else fields['tools'] = ['*'];
  notCarried.push(...modelLine(source, 'Gemini CLI'), ...deniedLine(source), ...claudeOnly(source));
  return { render: () => markdownFile(fields, notCarried, source.prompt, 'Gemini CLI'), notCarried };
}

function cursor(source: ExportSource): Mapped {
  const fields: Record<string, unknown> = { name: source.name, description: source.description };
  const notCarried: string[] = [];
  if (!source.model.raw || source.model.raw === 'inherit') fields['model'] = 'inherit';
  else notCarried.push(...modelLine(source, 'Cursor'));
  const tools = listed(source);
  if (tools) {
    if (!hasAny(tools, WRITES) && !hasAny(tools, SHELLS)) fields['readonly'] = true;
    notCarried.push(`tools: ${tools.map((t) => t.raw).join(', ')} (Cursor limits an agent by readonly only)`);
  }
  notCarried.push(...deniedLine(source), ...claudeOnly(source));
  return { render: () => markdownFile(fields, notCarried, source.prompt, 'Cursor'), notCarried };
}

const RENDER: Readonly<Record<OtherTool, (source: ExportSource) => Mapped>> = {
  copilot,
  opencode,
  codex,
  gemini,
  cursor,
};

/** The agent as `tool`'s agent file. */
export function exportAgent(source: ExportSource, tool: OtherTool): ExportedFile {
  const info = OTHER_TOOL_INFO[tool];
  const fileName = exportFileName(source, tool);
  const { notCarried, render } = RENDER[tool](source);
  return { tool, fileName, path: `${info.project}/${fileName}`, text: render(), notCarried };
}

/** What of the agent `tool` cannot carry, without making the file. */
export function notCarriedBy(source: ExportSource, tool: OtherTool): string[] {
  return RENDER[tool](source).notCarried;
}
