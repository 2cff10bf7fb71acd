import type { z } from 'zod';
import type { agentFileSchema } from './open-data.ts';

/** An agent in the bundle: its own JSON file, `agents/<slug>.json`. */
export type BundleAgent = z.infer<typeof agentFileSchema>;

/** What a set of agents costs and may do, together. */
export interface BundleSummary {
  /** Description characters and approximate tokens, added to every conversation. */
  characters: number;
  tokens: number;
  /** The permission labels any agent of the set has, in a fixed order. */
  permissions: string[];
  /** MCP servers the set's tools name, sorted. */
  mcpServers: string[];
  /** Names of agents Claude Code would skip. */
  skipped: string[];
  /** Agents whose hooks or MCP servers run commands on your machine, each with the first of them. */
  runsCommands: { name: string; command: string; origin: string }[];
  /** File names two or more agents would be saved under (ignoring case, as macOS and Windows do): only one of each can be installed. */
  clashes: string[];
}

const PERMISSION_ORDER = [
  'Runs commands on your machine',
  'All tools',
  'Edits files',
  'Runs shell',
  'Reaches the network',
  'Read-only',
  'No tools',
];

/** Sums up a bundle. Read-only and No tools are listed only when no agent can do more. */
export function bundleSummary(agents: readonly BundleAgent[]): BundleSummary {
  const permissions = new Set(agents.flatMap((a) => a.permissions));
  for (const least of ['No tools', 'Read-only']) if (permissions.size > 1) permissions.delete(least);
  const files = new Map<string, string[]>();
  for (const a of agents) {
    const key = a.fileName.toLowerCase();
    files.set(key, [...(files.get(key) ?? []), a.fileName]);
  }
  return {
    characters: agents.reduce((n, a) => n + a.descriptionCost.characters, 0),
    tokens: agents.reduce((n, a) => n + a.descriptionCost.tokens, 0),
    permissions: [...permissions].sort((a, b) => PERMISSION_ORDER.indexOf(a) - PERMISSION_ORDER.indexOf(b)),
    mcpServers: [...new Set(agents.flatMap((a) => a.mcpServers))].sort(),
    skipped: agents.filter((a) => a.verdict === 'skipped').map((a) => a.name),
    runsCommands: agents.flatMap((a) =>
      a.commands.length > 0 ? [{ name: a.name, command: a.commands[0]!.command, origin: a.commands[0]!.origin }] : [],
    ),
    clashes: [...files.values()].filter((names) => names.length > 1).map((names) => [...new Set(names)].join(' / ')),
  };
}

/**
 * The agents of a set that one agents folder can hold: the first of each file name (ignoring case, as macOS and
 * Windows do) and of each name (Claude Code keeps one agent per name), in the set's order; and the ones left out,
 * each with the agent installed instead. The commands, the .zip and the JSON all take `kept`, so they write the
 * same files.
 */
export function installableAgents<T>(
  agents: readonly T[],
  namesOf: (agent: T) => { name: string; fileName: string } = (agent) => agent as { name: string; fileName: string },
): { kept: T[]; leftOut: { agent: T; instead: T }[] } {
  const byFile = new Map<string, T>();
  const byName = new Map<string, T>();
  const kept: T[] = [];
  const leftOut: { agent: T; instead: T }[] = [];
  for (const agent of agents) {
    const { name, fileName } = namesOf(agent);
    const instead = byFile.get(fileName.toLowerCase()) ?? byName.get(name);
    if (instead) {
      leftOut.push({ agent, instead });
      continue;
    }
    byFile.set(fileName.toLowerCase(), agent);
    byName.set(name, agent);
    kept.push(agent);
  }
  return { kept, leftOut };
}
