import { commandRequest, fileCreationRequest } from './body-checks.ts';
import { CLAUDE_CODE_LIMITS } from '../read/claude-code.ts';
import { hasBidiControl, hiddenCharacters, imitatedName, visibleName } from '../text/unicode.ts';
import { LIMITS } from '../read/limits.ts';
import { finding, type Finding, type FindingPlace } from './findings.ts';
import {
  approximateTokens,
  CATALOGUE_FIELDS,
  FIELD_VALUES,
  isValidAgentName,
  LONG_DESCRIPTION_CHARS,
  PLUGIN_IGNORED_FIELDS,
  STANDARD_FIELDS,
  UNDOCUMENTED_VALUES,
} from '../fields/format.ts';
import { textOf, type NormalisedFields } from '../fields/normalise.ts';
import { isMalformedMcpName } from '../fields/tools.ts';
import type { Fields } from '../read/yaml.ts';

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

/** Tools that start subagents. */
const AGENT_TOOLS = ['Agent', 'Task'];
const SHELL_TOOLS = ['Bash', 'PowerShell'];
/** A prompt or description that says what the agent does when it cannot start subagents (nesting off, or an older release). */
const NESTING_FALLBACK =
  /CLAUDE_CODE_MAX_SUBAGENT_SPAWN_DEPTH|nesting is (?:off|turned off|disabled)|(?:cannot|can't|can not) start (?:sub)?agents/i;

/** The name, when it is not in the documented form (Claude Code's own rejections are made in claude-code.ts). */
function checkName({ place, agent, lineOf }: CheckInput): Finding[] {
  const { name } = agent;
  // Names Claude Code rejects are reported by its reading (claude-code.ts), not also as badly formatted.
  if (isValidAgentName(name) || name.startsWith('-') || name.normalize('NFKC').includes(':') || name.length > CLAUDE_CODE_LIMITS.nameChars)
    return [];
  // Hidden characters are reported by checkHiddenCharacters; the name is not also called badly formatted.
  if (hiddenCharacters(name).length > 0) return [];
  const imitated = imitatedName(name);
  if (imitated !== undefined)
    return [
      finding(
        'name-lookalike',
        place,
        lineOf('name'),
        `name "${visibleName(name)}" reads as "${imitated}", but is another name to Claude Code.`,
      ),
    ];
  const spaced = name.trim() !== name ? ' It has spaces around it, which Claude Code keeps: the agent is called exactly that.' : '';
  return [
    finding('name-format', place, lineOf('name'), `name "${visibleName(name)}" is not lowercase letters, digits and hyphens.${spaced}`),
  ];
}

/** Characters nobody can see in the name, the description or the prompt: one finding each, naming them. */
function checkHiddenCharacters({ place, agent, lineOf, body, bodyLine }: CheckInput): Finding[] {
  const found: Finding[] = [];
  const report = (what: string, text: string, line: number) => {
    const hidden = hiddenCharacters(text);
    if (hidden.length === 0) return;
    const bidi = hasBidiControl(text) ? ' Bidirectional controls make text display in another order than it is read (Trojan Source).' : '';
    const shown = hidden.slice(0, 5).join(', ') + (hidden.length > 5 ? ` and ${hidden.length - 5} more` : '');
    found.push(finding('text-hidden-characters', place, line, `${what} holds characters a reader cannot see: ${shown}.${bidi}`));
  };
  report('name', agent.name, lineOf('name'));
  report('description', agent.description, lineOf('description'));
  const prompt = body.slice(0, LIMITS.promptBytes);
  const index = hiddenCharacters(prompt).length > 0 ? prompt.split('\n').findIndex((line) => hiddenCharacters(line).length > 0) : -1;
  if (index >= 0) report('the prompt', prompt, bodyLine + index);
  return found;
}

/** The tools list: empty, not text, retired names, malformed MCP names, unknown names, repeats. */
function checkToolList({ place, agent, lineOf }: CheckInput): Finding[] {
  const { tools } = agent;
  const line = lineOf('tools');
  const found: Finding[] = [];
  if (!tools.inheritsAll && tools.tools.length === 0 && tools.invalid.length === 0) {
    found.push(
      finding('tools-empty', place, line, 'tools is empty, so the agent gets no tools at all (Claude Code lists it as "All tools").'),
    );
  }
  for (const entry of tools.invalid) found.push(finding('tools-invalid-entry', place, line, `tools entry ${entry} is not a tool name.`));
  for (const tool of tools.tools) {
    if (tool.kind === 'legacy') {
      const now = tool.replacement ? `use \`${tool.replacement}\` instead` : 'it has been removed';
      found.push(finding('tools-legacy', place, line, `tools: \`${tool.name}\` is a retired tool name; ${now}.`));
    } else if (isMalformedMcpName(tool)) {
      found.push(
        finding(
          'tools-mcp-malformed',
          place,
          line,
          `tools: \`${tool.name}\` looks like an MCP tool but is not named mcp__<server>__<tool>.`,
        ),
      );
    } else if (tool.kind === 'unknown') {
      found.push(finding('tools-unknown', place, line, `tools: \`${tool.name}\` is not a Claude Code tool.`));
    }
  }
  const scoped = tools.tools.filter(
    (tool) => SHELL_TOOLS.includes(tool.name) && tool.rule !== undefined && tool.rule !== '' && tool.rule !== '*',
  );
  if (scoped.length > 0) {
    const shown = scoped
      .slice(0, 3)
      .map((tool) => `\`${tool.raw}\``)
      .join(', ');
    const more = scoped.length > 3 ? ` and ${scoped.length - 3} more` : '';
    found.push(
      finding(
        'tools-scoped-bash',
        place,
        line,
        `tools: ${shown}${more} ${scoped.length === 1 ? 'gives' : 'give'} this agent the whole shell when it runs as a subagent, not only ${scoped.length === 1 ? 'that command' : 'those commands'}.`,
      ),
    );
  }
  for (const repeated of tools.duplicates)
    found.push(finding('tools-duplicate', place, line, `tools: \`${repeated}\` is listed more than once.`));
  return found;
}

/** Tools that cannot do what the prompt asks, and subagents that try to start subagents. */
function checkToolUse({ place, agent, lineOf, body, bodyLine }: CheckInput): Finding[] {
  const { tools, description } = agent;
  if (tools.inheritsAll) return [];
  const found: Finding[] = [];
  const names = new Set(tools.tools.map((t) => t.name));
  const starter = tools.tools.find((tool) => AGENT_TOOLS.includes(tool.name));
  if (starter && !NESTING_FALLBACK.test(description) && !NESTING_FALLBACK.test(body.slice(0, LIMITS.promptBytes))) {
    found.push(
      finding(
        'tools-agent-in-subagent',
        place,
        lineOf('tools'),
        `tools: \`${starter.raw}\` starts other agents, and the prompt does not say what to do when it cannot (nesting off, or a release before 2.1.172).`,
      ),
    );
  }
  if (starter?.rule) {
    found.push(
      finding(
        'tools-agent-list-ignored',
        place,
        lineOf('tools'),
        `tools: \`${starter.raw}\` limits the agents it may start only when it runs as the main session; as a subagent it may start any agent.`,
      ),
    );
  }
  if (!SHELL_TOOLS.some((name) => names.has(name))) {
    const first = commandRequest(body.slice(0, LIMITS.promptBytes));
    if (first)
      found.push(
        finding(
          'body-needs-shell',
          place,
          bodyLine + first.lineIndex,
          `The prompt says "${first.text}", but the tools cannot run commands.`,
        ),
      );
  }
  if (!names.has('Write')) {
    const first = fileCreationRequest(body.slice(0, LIMITS.promptBytes));
    if (first)
      found.push(
        finding(
          'body-needs-write',
          place,
          bodyLine + first.lineIndex,
          `The prompt says "${first.text}", but the tools cannot create files.`,
        ),
      );
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
    if (value === undefined || allowed.includes(value)) continue;
    if (UNDOCUMENTED_VALUES.get(field)?.(value)) {
      found.push(
        finding(
          'field-undocumented-value',
          place,
          lineOf(field),
          `${field} "${value.slice(0, 100)}" is read by Claude Code but not documented (documented: ${allowed.join(', ')}).`,
        ),
      );
    } else {
      found.push(
        finding(
          'field-invalid-value',
          place,
          lineOf(field),
          `${field} "${value.slice(0, 100)}" is not one of ${allowed.join(', ')}; Claude Code ignores it.`,
        ),
      );
    }
  }
  if (fields.get('permissionMode') === 'bypassPermissions') {
    found.push(
      finding(
        'permission-bypass',
        place,
        lineOf('permissionMode'),
        'permissionMode is bypassPermissions: the agent runs every tool without asking.',
      ),
    );
  }
  const { description } = agent;
  if (description.length > LONG_DESCRIPTION_CHARS) {
    const cost = `about ${approximateTokens(description)} tokens`;
    found.push(
      finding(
        'description-long',
        place,
        lineOf('description'),
        `description is ${description.length} characters (${cost}), loaded into every conversation.`,
      ),
    );
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
  return [...checkName(input), ...checkHiddenCharacters(input), ...checkToolList(input), ...checkToolUse(input), ...checkValues(input)];
}
