/** Built-in Claude Code tool names, exactly as `tools` must spell them (SPEC.md, Claude Code 2.1). */
export const BUILTIN_TOOLS: Readonly<Record<string, string>> = {
  Agent: 'Starts another subagent and returns its result.',
  Artifact: 'Creates a shareable artifact from content.',
  AskUserQuestion: 'Asks the user a multiple-choice question.',
  Bash: 'Runs shell commands.',
  CronCreate: 'Schedules a recurring task.',
  CronDelete: 'Removes a scheduled task.',
  CronList: 'Lists scheduled tasks.',
  Edit: 'Makes targeted edits to a file.',
  EndConversation: 'Ends the current conversation.',
  EnterPlanMode: 'Switches to plan mode.',
  EnterWorktree: 'Moves work into a git worktree.',
  ExitPlanMode: 'Leaves plan mode with a plan for approval.',
  ExitWorktree: 'Leaves a git worktree.',
  Glob: 'Finds files by name pattern.',
  Grep: 'Searches file contents with regular expressions.',
  ListAgents: 'Lists the subagents available.',
  ListMcpResourcesTool: 'Lists resources offered by MCP servers.',
  LSP: 'Asks a language server for definitions, references and diagnostics.',
  Monitor: 'Watches a background process.',
  NotebookEdit: 'Edits Jupyter notebook cells.',
  PowerShell: 'Runs PowerShell commands.',
  PushNotification: 'Sends the user a notification.',
  Read: 'Reads files.',
  ReadMcpResourceTool: 'Reads a resource from an MCP server.',
  RemoteTrigger: 'Triggers a remote agent run.',
  ReportFindings: 'Reports structured findings.',
  ScheduleWakeup: 'Schedules the agent to resume later.',
  SendMessage: 'Sends a message to another agent.',
  SendUserFile: 'Sends a file to the user.',
  ShareOnboardingGuide: 'Shares an onboarding guide.',
  Skill: 'Runs an installed Agent Skill.',
  TaskCreate: 'Creates a task in the task list.',
  TaskGet: 'Reads a task from the task list.',
  TaskList: 'Lists tasks.',
  TaskOutput: 'Reads the output of a background task.',
  TaskStop: 'Stops a background task.',
  TaskUpdate: 'Updates a task.',
  TodoWrite: 'Keeps a structured to-do list.',
  ToolSearch: 'Finds deferred tools by name.',
  WaitForMcpServers: 'Waits for MCP servers to connect.',
  WebFetch: 'Fetches a web page.',
  WebSearch: 'Searches the web.',
  Workflow: 'Runs a workflow.',
  Write: 'Creates or overwrites files.',
};

/** Retired tool names that still appear in agent files, with what replaced them (if anything). */
export const LEGACY_TOOLS: Readonly<Record<string, string | undefined>> = {
  Task: 'Agent',
  MultiEdit: 'Edit',
  LS: 'Glob',
  NotebookRead: 'Read',
  BashOutput: 'TaskOutput',
  KillShell: 'TaskStop',
  KillBash: 'TaskStop',
};

/** What a tool name is to Claude Code. */
export type ToolKind = 'builtin' | 'legacy' | 'mcp' | 'unknown';

/** One entry of a `tools` list, normalised. */
export interface ToolRef {
  /** The entry exactly as written, e.g. `Bash(npm run *)`. */
  raw: string;
  /** The tool name without a permission rule, e.g. `Bash` or `mcp__github__get_issue`. */
  name: string;
  kind: ToolKind;
  /** The permission rule inside parentheses, e.g. `npm run *`. */
  rule?: string | undefined;
  /** For MCP tools, the server id, e.g. `github`. */
  mcpServer?: string | undefined;
  /** For MCP tools, the tool part, `*` for a wildcard, absent for a whole server. */
  mcpTool?: string | undefined;
  /** For legacy names, the current name. */
  replacement?: string | undefined;
}

/** A normalised `tools` field: an allowlist, or "inherits all tools" when the field is absent. */
export interface ToolSet {
  inheritsAll: boolean;
  tools: ToolRef[];
  /** Entries written more than once (by raw text), in order of first repeat. */
  duplicates: string[];
  /** Entries that are not text (numbers, mappings), as JSON, so nothing is lost silently. */
  invalid: string[];
}

/** Splits a comma-separated tool string, keeping commas inside `Agent(a, b)` rules. */
export function splitToolString(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of value) {
    if (char === '(') depth++;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

const MCP_NAME = /^mcp__([A-Za-z0-9_-]+?)(?:__([A-Za-z0-9_.*-]+))?$/;

/** Classifies one tool entry such as `Read`, `Bash(git *)`, `Task` or `mcp__github__get_issue`. */
export function classifyTool(raw: string): ToolRef {
  const ruleMatch = /^([^()]+)\((.*)\)$/s.exec(raw);
  const name = (ruleMatch ? ruleMatch[1]! : raw).trim();
  const ref: ToolRef = { raw, name, kind: 'unknown' };
  if (ruleMatch) ref.rule = ruleMatch[2]!.trim();
  if (Object.hasOwn(BUILTIN_TOOLS, name)) {
    ref.kind = 'builtin';
  } else if (Object.hasOwn(LEGACY_TOOLS, name)) {
    ref.kind = 'legacy';
    const replacement = LEGACY_TOOLS[name];
    if (replacement) ref.replacement = replacement;
  } else {
    const mcp = MCP_NAME.exec(name);
    if (mcp && !mcp[1]!.endsWith('_') && !mcp[1]!.startsWith('_')) {
      ref.kind = 'mcp';
      ref.mcpServer = mcp[1]!;
      if (mcp[2]) ref.mcpTool = mcp[2];
    }
  }
  return ref;
}

/** True for names that try to be MCP tools but do not follow `mcp__<server>__<tool>`. */
export function isMalformedMcpName(ref: ToolRef): boolean {
  return ref.kind === 'unknown' && /^mcp_/i.test(ref.name);
}

/** Normalises a `tools` value (string, list or absent) into a de-duplicated tool set. */
export function normaliseTools(value: unknown): ToolSet {
  const set: ToolSet = { inheritsAll: false, tools: [], duplicates: [], invalid: [] };
  if (value === undefined || value === null) {
    set.inheritsAll = true;
    return set;
  }
  const entries: string[] = [];
  const items = Array.isArray(value) ? value : [value];
  for (const item of items) {
    if (typeof item === 'string') entries.push(...splitToolString(item));
    else set.invalid.push(JSON.stringify(item) ?? String(item));
  }
  const seen = new Set<string>();
  for (const raw of entries) {
    if (seen.has(raw)) {
      if (!set.duplicates.includes(raw)) set.duplicates.push(raw);
      continue;
    }
    seen.add(raw);
    set.tools.push(classifyTool(raw));
  }
  return set;
}
