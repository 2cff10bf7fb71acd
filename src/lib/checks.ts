import { commandRequest, fileCreationRequest } from './body-checks.ts';
import { LIMITS } from './limits.ts';
import { finding, type Finding, type FindingPlace } from './findings.ts';
import { approximateTokens, CATALOGUE_FIELDS, FIELD_VALUES, isValidAgentName, LONG_DESCRIPTION_CHARS, PLUGIN_IGNORED_FIELDS, STANDARD_FIELDS } from './format.ts';
import { textOf, type NormalisedFields } from './normalise.ts';
import { isMalformedMcpName } from './tools.ts';
import type { Fields } from './yaml.ts';

/** What the checks read about one loadable agent file. */
export interface CheckInput {
  place: FindingPlace;
  /** Normalised fields; name and description are known to be present. */
  agent: NormalisedFields & { name: string; description: string };
  /** The raw fields, for enumerated values. */
  fields: Fields;
  /** 1-based line of a top-level key. */
  lineOf: (key: string) => number;
  /** The prompt, and the file line it starts on. */
  body: string;
  bodyLine: number;
}

/** Tools that start subagents; they do nothing inside a subagent. */
const AGENT_TOOLS = ['Agent', 'Task'];
const SHELL_TOOLS = ['Bash', 'PowerShell'];
/** A description that says the agent runs as the main session, where `Agent` works. */
const MAIN_SESSION = /claude --agent\b|\bmain session\b/i;

/** The name: rejected by Claude Code (`:` or a leading `-`), or not in the documented form. */
function checkName({ place, agent, lineOf }: CheckInput): Finding[] {
  const { name } = agent;
  if (name.includes(':') || name.startsWith('-')) {
    const why = name.includes(':') ? 'contains `:`, which is reserved for plugin scopes' : 'starts with `-`';
    return [finding('name-reserved', place, lineOf('name'), `name "${name}" ${why}, so Claude Code skips this file.`)];
  }
  if (!isValidAgentName(name)) return [finding('name-format', place, lineOf('name'), `name "${name}" is not lowercase letters, digits and hyphens.`)];
  return [];
}

/** The tools list: empty, not text, retired names, malformed MCP names, unknown names, repeats. */
function checkToolList({ place, agent, lineOf }: CheckInput): Finding[] {
  const { tools } = agent;
  const line = lineOf('tools');
  const found: Finding[] = [];
  if (!tools.inheritsAll && tools.tools.length === 0 && tools.invalid.length === 0) {
    found.push(finding('tools-empty', place, line, 'tools is empty, so the agent gets no tools at all.'));
  }
  for (const entry of tools.invalid) found.push(finding('tools-invalid-entry', place, line, `tools entry ${entry} is not a tool name.`));
  for (const tool of tools.tools) {
    if (tool.kind === 'legacy') {
      const now = tool.replacement ? `use \`${tool.replacement}\` instead` : 'it has been removed';
      found.push(finding('tools-legacy', place, line, `tools: \`${tool.name}\` is a retired tool name; ${now}.`));
    } else if (isMalformedMcpName(tool)) {
      found.push(finding('tools-mcp-malformed', place, line, `tools: \`${tool.name}\` looks like an MCP tool but is not named mcp__<server>__<tool>.`));
    } else if (tool.kind === 'unknown') {
      found.push(finding('tools-unknown', place, line, `tools: \`${tool.name}\` is not a Claude Code tool.`));
    }
  }
  for (const repeated of tools.duplicates) found.push(finding('tools-duplicate', place, line, `tools: \`${repeated}\` is listed more than once.`));
  return found;
}

/** Tools that cannot do what the prompt asks, and subagents that try to start subagents. */
function checkToolUse({ place, agent, lineOf, body, bodyLine }: CheckInput): Finding[] {
  const { tools, description } = agent;
  if (tools.inheritsAll) return [];
  const found: Finding[] = [];
  const names = new Set(tools.tools.map((t) => t.name));
  const starter = AGENT_TOOLS.find((name) => names.has(name));
  if (starter && !MAIN_SESSION.test(description)) {
    found.push(finding('tools-agent-in-subagent', place, lineOf('tools'), `tools: \`${starter}\` does nothing in a subagent, and the description does not say the agent runs as the main session.`));
  }
  if (!SHELL_TOOLS.some((name) => names.has(name))) {
    const first = commandRequest(body.slice(0, LIMITS.promptBytes));
    if (first) found.push(finding('body-needs-shell', place, bodyLine + first.lineIndex, `The prompt says "${first.text}", but the tools cannot run commands.`));
  }
  if (!names.has('Write')) {
    const first = fileCreationRequest(body.slice(0, LIMITS.promptBytes));
    if (first) found.push(finding('body-needs-write', place, bodyLine + first.lineIndex, `The prompt says "${first.text}", but the tools cannot create files.`));
  }
  return found;
}

/** The model, enumerated values, bypassPermissions, description length and fields Claude Code ignores. */
function checkValues({ place, agent, fields, lineOf }: CheckInput): Finding[] {
  const found: Finding[] = [];
  const { model } = agent;
  if (!model.valid) {
    const what = model.form === 'display-name' ? 'is a display name, not a model alias or id' : 'is not a known model';
    found.push(finding('model-invalid', place, lineOf('model'), `model "${model.raw ?? ''}" ${what}.`));
  }
  for (const [field, allowed] of FIELD_VALUES) {
    const value = textOf(fields.get(field));
    if (value !== undefined && !allowed.includes(value)) {
      found.push(finding('field-invalid-value', place, lineOf(field), `${field} "${value.slice(0, 100)}" is not one of ${allowed.join(', ')}.`));
    }
  }
  if (fields.get('permissionMode') === 'bypassPermissions') {
    found.push(finding('permission-bypass', place, lineOf('permissionMode'), 'permissionMode is bypassPermissions: the agent runs every tool without asking.'));
  }
  const { description } = agent;
  if (description.length > LONG_DESCRIPTION_CHARS) {
    const cost = `about ${approximateTokens(description)} tokens`;
    found.push(finding('description-long', place, lineOf('description'), `description is ${description.length} characters (${cost}), loaded into every conversation.`));
  }
  for (const key of agent.keys) {
    if (PLUGIN_IGNORED_FIELDS.has(key)) {
      found.push(finding('field-ignored-by-plugins', place, lineOf(key), `${key} is ignored when this agent ships in a plugin.`));
    } else if (!STANDARD_FIELDS.has(key) && !CATALOGUE_FIELDS.has(key)) {
      found.push(finding('field-nonstandard', place, lineOf(key), `${key.slice(0, 100)} is not a Claude Code field.`));
    }
  }
  return found;
}

/** Runs every format check on a loadable agent file. */
export function checkAgent(input: CheckInput): Finding[] {
  return [...checkName(input), ...checkToolList(input), ...checkToolUse(input), ...checkValues(input)];
}
