import { z } from 'zod';

/** What a tool name is to Claude Code. */
export const toolKindSchema = z.enum(['builtin', 'legacy', 'mcp', 'unknown']);

/** A tool kind. */
export type ToolKind = z.infer<typeof toolKindSchema>;

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
  TaskStop: 'Stops a background task.',
  TaskUpdate: 'Updates a task.',
  ToolSearch: 'Finds deferred tools by name.',
  WaitForMcpServers: 'Waits for MCP servers to connect.',
  WebFetch: 'Fetches a web page.',
  WebSearch: 'Searches the web.',
  Workflow: 'Runs a workflow.',
  Write: 'Creates or overwrites files.',
};

/**
 * Retired tool names that still appear in agent files, with what replaced them (if anything). `TaskOutput` went
 * in 2.1.277; `TodoWrite` is off by default since 2.1.16 and unknown under `claude --agent`, and the task tools
 * replace it.
 */
export const LEGACY_TOOLS: Readonly<Record<string, string | undefined>> = {
  Task: 'Agent',
  MultiEdit: 'Edit',
  LS: 'Glob',
  NotebookRead: 'Read',
  BashOutput: undefined,
  TaskOutput: undefined,
  KillShell: 'TaskStop',
  KillBash: 'TaskStop',
  TodoWrite: 'TaskCreate, TaskUpdate, TaskList and TaskGet',
};

/** What a tool name is, for the tools index. */
export function describeTool(name: string, kind: ToolKind | 'inherits-all', mcpServer?: string): string {
  switch (kind) {
    case 'inherits-all':
      return 'Agents without a tools field get every tool of the conversation, MCP tools included.';
    case 'builtin':
      return `Built-in: ${BUILTIN_TOOLS[name] ?? ''}`.trim();
    case 'legacy': {
      const now = LEGACY_TOOLS[name];
      return now ? `Retired name; Claude Code now calls it ${now}.` : 'Retired name; Claude Code no longer has this tool.';
    }
    case 'mcp':
      return `From the ${mcpServer ?? 'unnamed'} MCP server; works only where that server is configured.`;
    default:
      return 'Unknown to Claude Code: often a VS Code or Copilot tool name, or a shell command. Claude Code ignores it.';
  }
}
