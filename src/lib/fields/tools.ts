import { z } from 'zod';
import { LIMITS } from '../read/limits.ts';
import { claudeToolList, MEMORY_TOOLS } from '../read/claude-code.ts';
import { BUILTIN_TOOLS, LEGACY_TOOLS, toolKindSchema } from './tool-names.ts';
import type { FieldValue } from '../read/yaml.ts';

/** The tool facet value of agents without a `tools` field. */
export const INHERITS_ALL_TOOLS = 'Inherits all tools';

export { toolKindSchema, type ToolKind } from './tool-names.ts';

/** One entry of a `tools` list, normalised. */
export const toolRefSchema = z.object({
  /** The entry exactly as written, e.g. `Bash(npm run *)`. */
  raw: z.string(),
  /** The tool name without a permission rule, e.g. `Bash` or `mcp__github__get_issue`. */
  name: z.string(),
  /** What the name is to Claude Code. */
  kind: toolKindSchema,
  /** The permission rule inside parentheses, e.g. `npm run *`. */
  rule: z.string().optional(),
  /** For MCP tools, the server id, e.g. `github`. */
  mcpServer: z.string().optional(),
  /** For MCP tools, the tool part, `*` for a wildcard, absent for a whole server. */
  mcpTool: z.string().optional(),
  /** For legacy names, the current name. */
  replacement: z.string().optional(),
  /** Set when the file does not list the tool and Claude Code adds it: `memory` brings Read, Write and Edit. */
  impliedBy: z.literal('memory').optional(),
});

/** A tool entry. */
export type ToolRef = z.infer<typeof toolRefSchema>;

/** A normalised `tools` field: an allowlist, or "inherits all tools" when the field is absent or holds `*`. */
export const toolSetSchema = z.object({
  /** True when `tools` is absent or holds `*`: the agent gets every tool of the conversation. */
  inheritsAll: z.boolean(),
  /** The allowlist, de-duplicated, in written order. */
  tools: z.array(toolRefSchema),
  /** Entries written more than once (by raw text), in order of first repeat. */
  duplicates: z.array(z.string()),
  /** Entries that are not text (numbers, mappings), as JSON, so nothing is lost silently. */
  invalid: z.array(z.string()),
  /** How many entries past the limit were dropped. */
  dropped: z.number().int().nonnegative(),
});

/** A tool set. */
export type ToolSet = z.infer<typeof toolSetSchema>;

const MCP_SERVER = /^[A-Za-z0-9-]+(?:_[A-Za-z0-9-]+)*$/;
const MCP_TOOL = /^[A-Za-z0-9_.*-]+$/;

/** Splits `mcp__<server>__<tool>` (or `mcp__<server>`) at the first `__` after the prefix, without backtracking. */
function parseMcpName(name: string): { server: string; tool?: string } | undefined {
  if (!name.startsWith('mcp__')) return undefined;
  const rest = name.slice(5);
  const separator = rest.indexOf('__');
  const server = separator < 0 ? rest : rest.slice(0, separator);
  const tool = separator < 0 ? undefined : rest.slice(separator + 2);
  if (!MCP_SERVER.test(server) || (tool !== undefined && !MCP_TOOL.test(tool))) return undefined;
  return tool === undefined ? { server } : { server, tool };
}

/** Classifies one tool entry such as `Read`, `Bash(git *)`, `Task` or `mcp__github__get_issue`. */
export function classifyTool(raw: string): ToolRef {
  const open = raw.indexOf('(');
  const hasRule = open > 0 && raw.endsWith(')') && !raw.slice(0, open).includes(')');
  const name = (hasRule ? raw.slice(0, open) : raw).trim();
  const ref: ToolRef = { raw, name, kind: 'unknown' };
  if (hasRule) ref.rule = raw.slice(open + 1, -1).trim();
  if (Object.hasOwn(BUILTIN_TOOLS, name)) {
    ref.kind = 'builtin';
  } else if (Object.hasOwn(LEGACY_TOOLS, name)) {
    ref.kind = 'legacy';
    const replacement = LEGACY_TOOLS[name];
    if (replacement) ref.replacement = replacement;
  } else {
    const mcp = parseMcpName(name);
    if (mcp) {
      ref.kind = 'mcp';
      ref.mcpServer = mcp.server;
      if (mcp.tool) ref.mcpTool = mcp.tool;
    }
  }
  return ref;
}

/** True for names that try to be MCP tools but do not follow `mcp__<server>__<tool>`. */
export function isMalformedMcpName(ref: ToolRef): boolean {
  return ref.kind === 'unknown' && ref.name.slice(0, 4).toLowerCase() === 'mcp_';
}

/**
 * Normalises a `tools` value as Claude Code reads it (see claudeToolList): absent, or holding `*`, inherits
 * every tool; a string or the text entries of a list are split at commas and spaces; an empty value, or a value
 * that is neither, gives no tools. Entries that are not text are kept as JSON in `invalid`, so nothing is
 * lost silently; at most the limit's number of tools are kept, de-duplicated.
 */
export function normaliseTools(value: FieldValue | undefined): ToolSet {
  const set: ToolSet = { inheritsAll: false, tools: [], duplicates: [], invalid: [], dropped: 0 };
  const entries = claudeToolList(value);
  if (entries === undefined) {
    set.inheritsAll = true;
    return set;
  }
  const items = Array.isArray(value) ? value : value === null || typeof value === 'string' ? [] : [value];
  for (const item of items) {
    if (typeof item === 'string') continue;
    if (set.invalid.length < LIMITS.tools) set.invalid.push(JSON.stringify(item)?.slice(0, LIMITS.fieldChars) ?? 'null');
    else set.dropped++;
  }
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const raw of entries) {
    if (seen.has(raw)) {
      duplicates.add(raw);
    } else if (set.tools.length >= LIMITS.tools) {
      set.dropped++;
    } else {
      seen.add(raw);
      set.tools.push(classifyTool(raw.length > LIMITS.fieldChars ? `${raw.slice(0, LIMITS.fieldChars)}…` : raw));
    }
  }
  set.duplicates = [...duplicates];
  return set;
}

/** The tools an agent with a `memory` scope gets besides its list: Read, Write and Edit, marked as implied. */
export function withImpliedMemoryTools(set: ToolSet, memory: FieldValue | undefined): ToolSet {
  if (set.inheritsAll || !['user', 'project', 'local'].includes(memory as string)) return set;
  const listed = new Set(set.tools.map((t) => t.name));
  const implied = MEMORY_TOOLS.filter((name) => !listed.has(name)).map((name): ToolRef => ({ ...classifyTool(name), impliedBy: 'memory' }));
  return implied.length === 0 ? set : { ...set, tools: [...set.tools, ...implied] };
}
