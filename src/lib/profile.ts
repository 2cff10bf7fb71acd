import type { ToolSet } from './tools.ts';

/** What an agent's tools let it do, from least to most reach. */
export type PermissionProfile = 'read-only' | 'edits-files' | 'runs-shell' | 'reaches-network' | 'all-tools';

/** Labels of permission profiles, in display order. */
export const PROFILE_LABELS: Readonly<Record<PermissionProfile, string>> = {
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
 * Derives what an agent can do from its tools. An agent that inherits every tool is `all-tools`;
 * otherwise it gets each capability its tools grant, or `read-only` when none. MCP servers count
 * as network reach, since most of them talk to a remote service.
 */
export function permissionProfile(tools: ToolSet): PermissionProfile[] {
  if (tools.inheritsAll) return ['all-tools'];
  const names = tools.tools.map((t) => t.name);
  const profile: PermissionProfile[] = [];
  if (names.some((n) => EDITS.has(n))) profile.push('edits-files');
  if (names.some((n) => SHELL.has(n))) profile.push('runs-shell');
  if (names.some((n) => NETWORK.has(n)) || tools.tools.some((t) => t.kind === 'mcp')) profile.push('reaches-network');
  return profile.length > 0 ? profile : ['read-only'];
}
