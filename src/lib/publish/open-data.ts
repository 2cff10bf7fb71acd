import { z } from 'zod';
import type { AgentData } from '../catalog/agent.ts';
import { cliAgent, type CLI_AGENT_FIELDS } from '../fields/claude-agents.ts';
import { approximateTokens } from '../fields/format.ts';
import { safeFileName } from './install.ts';
import { PROFILE_LABELS } from '../fields/profile.ts';
import type { FieldValue } from '../read/yaml.ts';

/** Version of the `agents.json` format; raised on any change a reader could notice. */
export const OPEN_DATA_VERSION = 2;

/** One agent in `agents.json`. */
export const agentRecordSchema = z.object({
  /** The `name` field. Not unique: agents in different folders or sources may share it. */
  name: z.string(),
  /** Unique, stable id; the page is `agents/<slug>/`. */
  slug: z.string(),
  /** The `description` field as written. */
  description: z.string(),
  /** The description's first sentence, without examples. */
  summary: z.string(),
  /** What the description costs in every conversation where the agent is installed. */
  descriptionCost: z.object({ characters: z.number().int().nonnegative(), tokens: z.number().int().nonnegative() }),
  category: z.object({ id: z.string(), label: z.string() }),
  source: z.object({ id: z.string(), label: z.string() }),
  /** The `tools` allowlist as written, or null when the agent inherits every tool. */
  tools: z.array(z.string()).nullable(),
  /** MCP servers the tools name; each must be configured separately. */
  mcpServers: z.array(z.string()),
  /** The `model` field as written, or null when absent (inherit). */
  model: z.string().nullable(),
  /** The model family: haiku, sonnet, opus, fable, inherit or unknown. */
  modelFamily: z.string(),
  /** Does Claude Code load the file: clean, warnings, or skipped. */
  verdict: z.enum(['clean', 'warnings', 'skipped']),
  /** What the tools let the agent do; "Runs commands on your machine" first when its hooks or MCP servers run any. */
  permissions: z.array(z.string()),
  /** Commands its hooks and local MCP servers run on your machine when it is used, with where each comes from (version 2). */
  commands: z.array(z.object({ origin: z.string(), command: z.string() })),
  /** The agent's page. Absolute when the site was built with SITE_URL, otherwise relative to the site root. */
  url: z.string(),
  /** The file byte for byte. Absolute or relative like `url`. */
  rawUrl: z.string(),
  /** The name the file is saved under. */
  fileName: z.string(),
  /** Size of the file in bytes. */
  bytes: z.number().int().nonnegative(),
  /** SHA-256 of the file, hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/** An agent record. */
export type AgentRecord = z.infer<typeof agentRecordSchema>;

/** The whole `agents.json` file. */
export const agentsFileSchema = z.object({
  /** The format version, {@link OPEN_DATA_VERSION}. */
  version: z.literal(OPEN_DATA_VERSION),
  /** The site's address, or null when it was built without SITE_URL (URLs are then relative to the site root). */
  site: z.string().nullable(),
  /** Number of agents. */
  count: z.number().int().nonnegative(),
  /** Every agent, sorted by name, then slug. */
  agents: z.array(agentRecordSchema),
});

/** One agent's own JSON file, `agents/<slug>.json`: its record, plus what the bundle view needs. */
export const agentFileSchema = agentRecordSchema.extend({
  version: z.literal(OPEN_DATA_VERSION),
  /** The agent as `claude --agents '<json>'` takes it, keyed by name. */
  claudeAgents: z.record(z.string(), z.record(z.string(), z.unknown())),
});

/** What a record needs beyond the stored agent. */
export interface RecordContext {
  categoryLabel: string;
  sourceLabel: string;
  /** Turns a site path into a published URL (absolute with SITE_URL). */
  publish: (path: string) => string;
  pagePath: string;
  rawPath: string;
}

/** The open-data record of one agent. */
export function agentRecord(agent: AgentData, context: RecordContext): AgentRecord {
  return {
    name: agent.name,
    slug: agent.slug,
    description: agent.description,
    summary: agent.summary,
    descriptionCost: { characters: agent.description.length, tokens: approximateTokens(agent.description) },
    category: { id: agent.categoryId, label: context.categoryLabel },
    source: { id: agent.sourceId, label: context.sourceLabel },
    tools: agent.tools.inheritsAll ? null : agent.tools.tools.map((t) => t.raw),
    mcpServers: [...new Set(agent.tools.tools.flatMap((t) => (t.mcpServer ? [t.mcpServer] : [])))],
    model: agent.model.raw ?? null,
    modelFamily: agent.model.family,
    verdict: agent.verdict,
    permissions: agent.profile.map((p) => PROFILE_LABELS[p]),
    commands: agent.commands.map((c) => ({ ...c })),
    url: context.publish(context.pagePath),
    rawUrl: context.publish(context.rawPath),
    fileName: safeFileName(agent.name, agent.slug),
    bytes: agent.file.bytes,
    sha256: agent.file.sha256,
  };
}

/** One agent's own JSON file: its record, and the form `claude --agents` takes, built from the parsed fields and the prompt. */
export function agentFile(
  record: AgentRecord,
  prompt: string,
  cliFields: Partial<Record<(typeof CLI_AGENT_FIELDS)[number], FieldValue>>,
): z.infer<typeof agentFileSchema> {
  return { version: OPEN_DATA_VERSION, ...record, claudeAgents: { [record.name]: cliAgent(record, prompt, cliFields) } };
}
