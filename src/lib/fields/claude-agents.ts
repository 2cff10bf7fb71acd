import type { FieldValue, Fields } from '../read/yaml.ts';

/** Frontmatter fields that `claude --agents '<json>'` takes besides description, prompt and tools (SPEC.md). */
export const CLI_AGENT_FIELDS = [
  'disallowedTools',
  'model',
  'permissionMode',
  'mcpServers',
  'hooks',
  'maxTurns',
  'skills',
  'initialPrompt',
  'memory',
  'effort',
  'background',
  'isolation',
] as const;

/** The value of one agent in `claude --agents '<json>'`. */
export type CliAgent = { description: string; prompt: string; tools?: string[] } & Partial<
  Record<(typeof CLI_AGENT_FIELDS)[number], FieldValue>
>;

/** The documented fields of a file as written, for the CLI form. Plain data only. */
export function cliFieldsOf(fields: Fields): Partial<Record<(typeof CLI_AGENT_FIELDS)[number], FieldValue>> {
  const picked: Partial<Record<(typeof CLI_AGENT_FIELDS)[number], FieldValue>> = {};
  for (const key of CLI_AGENT_FIELDS) {
    const value = fields.get(key);
    if (value !== undefined && value !== null) picked[key] = value;
  }
  return picked;
}

const listOf = (value: FieldValue): string[] =>
  (Array.isArray(value)
    ? value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
    : (typeof value === 'string' ? value : JSON.stringify(value)).split(',')
  )
    .map((s) => s.trim())
    .filter((s) => s !== '');

/**
 * The agent as `claude --agents` takes it, built from the parsed fields as SPEC.md describes: the body
 * becomes `prompt`, `tools` and `disallowedTools` become arrays, everything else is passed as written.
 * An absent `tools` stays absent, so the agent still inherits every tool.
 */
export function cliAgent(
  agent: { description: string; tools: string[] | null },
  prompt: string,
  fields: Partial<Record<(typeof CLI_AGENT_FIELDS)[number], FieldValue>>,
): CliAgent {
  const value: CliAgent = { description: agent.description, prompt };
  if (agent.tools !== null) value.tools = [...agent.tools];
  for (const key of CLI_AGENT_FIELDS) {
    const field = fields[key];
    if (field === undefined || field === null) continue;
    value[key] = key === 'disallowedTools' || key === 'skills' ? listOf(field) : field;
  }
  return value;
}

/**
 * The `claude --agents` JSON of several agents, each given as `{ "<name>": { … } }`. Built key by key as own
 * properties, so an agent named `__proto__` (or `constructor`) is an agent like any other, not a prototype.
 */
export function mergedAgentsJson(parts: readonly Readonly<Record<string, unknown>>[]): string {
  const merged = Object.create(null) as Record<string, unknown>;
  for (const part of parts) {
    for (const [name, value] of Object.entries(part))
      Object.defineProperty(merged, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return `${JSON.stringify(merged, null, 2)}\n`;
}
