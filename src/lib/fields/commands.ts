/**
 * What an agent makes Claude Code run on the user's machine by itself, whatever its tools: the command hooks
 * Claude Code keeps (see hooksJudgement) and the local MCP servers it starts. Either runs when the agent is used,
 * with no permission prompt, so a `tools: Read` agent that holds one is not read-only.
 */
import { HOOK_EVENTS, hookEntryProblem } from '../read/claude-code.ts';
import type { FieldValue, Fields } from '../read/yaml.ts';

/** One command, with where it comes from (`PreToolUse hook (matcher Bash)`, `MCP server "local"`). */
export interface AgentCommand {
  origin: string;
  command: string;
}

/** Commands longer than this are shown cut; the raw file keeps them whole. */
const SHOWN_COMMAND_CHARS = 500;
/** At most this many commands are kept per agent; the first already says enough. */
const KEPT_COMMANDS = 20;

type Plain = { [key: string]: FieldValue };
const isMapping = (value: FieldValue | undefined): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: FieldValue | undefined) => (typeof value === 'string' ? value : '');

/** A command and its arguments as one line, as a shell would see them. */
function commandLine(command: string, args: FieldValue | undefined): string {
  const parts = Array.isArray(args) ? args.filter((a): a is string => typeof a === 'string') : [];
  const line = [command, ...parts.map((a) => (/^[\w./=:@-]+$/.test(a) ? a : JSON.stringify(a)))].join(' ');
  return line.length > SHOWN_COMMAND_CHARS ? `${line.slice(0, SHOWN_COMMAND_CHARS)}…` : line;
}

/** Command and HTTP hooks of known events, as Claude Code keeps them. */
function hookCommands(hooks: FieldValue | undefined): AgentCommand[] {
  if (!isMapping(hooks)) return [];
  const found: AgentCommand[] = [];
  for (const [event, matchers] of Object.entries(hooks)) {
    if (!HOOK_EVENTS.has(event) || !Array.isArray(matchers)) continue;
    for (const matcher of matchers) {
      if (!isMapping(matcher) || !Array.isArray(matcher['hooks'])) continue;
      const on = typeof matcher['matcher'] === 'string' && matcher['matcher'] !== '' ? ` (matcher ${matcher['matcher']})` : '';
      for (const entry of matcher['hooks']) {
        if (!isMapping(entry) || hookEntryProblem(entry) !== undefined) continue;
        if (entry['type'] === 'command')
          found.push({ origin: `${event} hook${on}`, command: commandLine(text(entry['command']), entry['args']) });
        else if (entry['type'] === 'http')
          found.push({ origin: `${event} hook${on}, sends the event to`, command: text(entry['url']).slice(0, SHOWN_COMMAND_CHARS) });
      }
    }
  }
  return found;
}

/** Local MCP servers defined in the file (`mcpServers: [{ name: { command, args } }]`), which Claude Code starts. */
function serverCommands(servers: FieldValue | undefined): AgentCommand[] {
  if (!Array.isArray(servers)) return [];
  return servers.flatMap((item) =>
    isMapping(item)
      ? Object.entries(item).flatMap(([name, config]) =>
          isMapping(config) && typeof config['command'] === 'string'
            ? [{ origin: `MCP server "${name.slice(0, 100)}"`, command: commandLine(config['command'], config['args']) }]
            : [],
        )
      : [],
  );
}

/** Every command an agent's frontmatter makes Claude Code run: its hooks, then its local MCP servers. */
export function commandsRunBy(fields: Fields): AgentCommand[] {
  return [...hookCommands(fields.get('hooks')), ...serverCommands(fields.get('mcpServers'))].slice(0, KEPT_COMMANDS);
}
