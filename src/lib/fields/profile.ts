import { BUILTIN_TOOLS } from './tool-names.ts';
import type { ToolRef, ToolSet } from './tools.ts';

/** What an agent's tools let it do, from least to most reach. */
export type PermissionProfile = 'runs-commands' | 'no-tools' | 'read-only' | 'edits-files' | 'runs-shell' | 'reaches-network' | 'all-tools';

/** Labels of permission profiles, in display order. */
export const PROFILE_LABELS: Readonly<Record<PermissionProfile, string>> = {
  'runs-commands': 'Runs commands on your machine',
  'no-tools': 'No tools',
  'read-only': 'Read-only',
  'edits-files': 'Edits files',
  'runs-shell': 'Runs shell',
  'reaches-network': 'Reaches the network',
  'all-tools': 'All tools',
};

const EDITS = new Set(['Edit', 'Write', 'NotebookEdit', 'MultiEdit']);
const SHELL = new Set(['Bash', 'PowerShell', 'BashOutput', 'Monitor']);
const NETWORK = new Set(['WebFetch', 'WebSearch']);

/**
 * Derives what an agent can do from its tools, as Claude Code grants them. An agent that inherits every tool is
 * `all-tools`, unless `disallowedTools` takes some away: then it gets what the built-in tools it keeps grant (and
 * MCP tools, unless `mcp__*` is denied). Otherwise it gets each capability its tools grant, or `read-only` when
 * none. A rule such as `Bash(git diff *)` does not narrow the shell in a subagent, so it still runs the shell.
 * MCP servers count as network reach, since most of them talk to a remote service. An agent whose hooks or local MCP
 * servers run commands (commands.ts) runs them on the user's machine whatever its tools, so it is never read-only.
 * An agent left with no tool Claude Code has (an empty list, or only names it does not know) is `no-tools`: it can
 * only answer from its prompt, which is less than read-only.
 */
export function permissionProfile(tools: ToolSet, disallowed: readonly ToolRef[] = [], runsCommands = false): PermissionProfile[] {
  const denied = new Set(disallowed.filter((t) => t.rule === undefined).map((t) => t.name));
  const first: PermissionProfile[] = runsCommands ? ['runs-commands'] : [];
  if (tools.inheritsAll && denied.size === 0) return [...first, 'all-tools'];
  const refs = tools.inheritsAll
    ? Object.keys(BUILTIN_TOOLS).map((name): Pick<ToolRef, 'name' | 'kind'> => ({ name, kind: 'builtin' }))
    : tools.tools;
  const kept = refs.filter((t) => !denied.has(t.name));
  const names = kept.map((t) => t.name);
  const mcp = tools.inheritsAll ? !denied.has('mcp__*') : kept.some((t) => t.kind === 'mcp');
  const profile: PermissionProfile[] = [];
  if (names.some((n) => EDITS.has(n))) profile.push('edits-files');
  if (names.some((n) => SHELL.has(n))) profile.push('runs-shell');
  if (names.some((n) => NETWORK.has(n)) || mcp) profile.push('reaches-network');
  if (profile.length > 0 || first.length > 0) return [...first, ...profile];
  return kept.some((t) => t.kind === 'builtin') ? ['read-only'] : ['no-tools'];
}
