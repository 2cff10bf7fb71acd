import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { BUILTIN_TOOLS, LEGACY_TOOLS } from './tool-names.ts';

/** The tool facet value of agents without a `tools` field. */
export const INHERITS_ALL_TOOLS = 'Inherits all tools';

/** What a tool name is to Claude Code. */
export const toolKindSchema = z.enum(['builtin', 'legacy', 'mcp', 'unknown']);

/** A tool kind. */
export type ToolKind = z.infer<typeof toolKindSchema>;

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
});

/** A tool entry. */
export type ToolRef = z.infer<typeof toolRefSchema>;

/** A normalised `tools` field: an allowlist, or "inherits all tools" when the field is absent. */
export const toolSetSchema = z.object({
  /** True when `tools` is absent: the agent gets every tool of the conversation. */
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

/** Splits a comma-separated tool string, keeping commas inside `Agent(a, b)` rules. Linear in the input. */
export function splitToolString(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= value.length; i++) {
    const char = value[i];
    if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if ((char === ',' && depth === 0) || char === undefined) {
      const part = value.slice(start, i).trim();
      if (part !== '') parts.push(part);
      start = i + 1;
    }
  }
  return parts;
}

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
 * Normalises a `tools` value (string, list or absent) into a de-duplicated tool set, keeping at most
 * the limit's number of tools. Entries that are not text are kept as JSON in `invalid`.
 */
export function normaliseTools(value: unknown): ToolSet {
  const set: ToolSet = { inheritsAll: false, tools: [], duplicates: [], invalid: [], dropped: 0 };
  if (value === undefined || value === null) {
    set.inheritsAll = true;
    return set;
  }
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  const add = (raw: string) => {
    if (seen.has(raw)) {
      duplicates.add(raw);
    } else if (set.tools.length >= LIMITS.tools) {
      set.dropped++;
    } else {
      seen.add(raw);
      set.tools.push(classifyTool(raw.length > LIMITS.fieldChars ? `${raw.slice(0, LIMITS.fieldChars)}…` : raw));
    }
  };
  for (const item of Array.isArray(value) ? value : [value]) {
    if (typeof item === 'string') for (const raw of splitToolString(item)) add(raw);
    else if (set.invalid.length < LIMITS.tools) set.invalid.push(JSON.stringify(item)?.slice(0, LIMITS.fieldChars) ?? 'null');
    else set.dropped++;
  }
  set.duplicates = [...duplicates];
  return set;
}

