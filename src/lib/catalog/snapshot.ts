import { z } from 'zod';
import { agentDataSchema, skippedFileSchema } from './agent.ts';
import type { ScanResult } from './assemble.ts';
import { categorySchema } from './categories.ts';
import type { SourceConfig } from './config.ts';
import { findingSchema } from '../check/findings.ts';
import { formatSummary } from './summary.ts';

/** Bumped whenever the snapshot's shape changes, so a build never reads one an older build left. */
export const SNAPSHOT_VERSION = 2;

/**
 * An agent in the snapshot: everything its page, the lists and the open data show, and where the build finds the
 * rest (the prompt rendered to safe HTML, in the build cache's file of rendered prompts under a hash of the prompt;
 * the line the prompt starts on and the fields `claude --agents` takes, for the agent's JSON file). The prompt
 * itself is not in it: pages read the rendered HTML, and the publishing side reads the agent's bytes, which it
 * copies anyway.
 */
export const snapshotAgentSchema = agentDataSchema.extend({
  /** The file of rendered prompts that holds this agent's, the same for every agent of a build. */
  promptFile: z.string(),
  /** The prompt's key in that file. */
  promptKey: z.string(),
  /** When the file last changed, from git (ISO 8601), when its source is a git repository. */
  updated: z.string().optional(),
  bodyLine: z.number().int().positive(),
  cliFields: z.record(z.string(), z.unknown()),
});

/** A snapshot's agent. */
export type SnapshotAgent = z.infer<typeof snapshotAgentSchema>;

/** A source as the snapshot holds it: how it is named, what it held, and what it left out. */
export const snapshotSourceSchema = z.object({
  id: z.string(),
  /** Name shown on pages. */
  label: z.string(),
  /** Web address of the folder in its repository, for "View upstream" links. */
  repository: z.string().optional(),
  /** Who wrote the source's agents, when the config says. */
  author: z.string().optional(),
  /** The folder on the build machine, for the dev server and the publishing side. Never on a page. */
  absDir: z.string(),
  /** True when the folder is in a git work tree, so its agents have the date they last changed. */
  dated: z.boolean(),
  /** Entries considered as agents, agent pages built, entries without a page, and their findings by severity. */
  agentFiles: z.number().int(),
  pages: z.number().int(),
  skipped: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  infos: z.number().int(),
  /** Entries left out on purpose (README.md, hidden folders, node_modules, files that are not Markdown), with why. */
  ignored: z.array(z.object({ relPath: z.string(), reason: z.string() })),
  /** Problems in the categories file. */
  categoryProblems: z.array(findingSchema),
  /** The entries without a page, with their findings. */
  skippedFiles: z.array(skippedFileSchema),
});

/** A snapshot's source. */
export type SnapshotSource = z.infer<typeof snapshotSourceSchema>;

/**
 * The whole catalogue as one build read it, written once by the content loader and read by the pages and by the
 * publishing side, which derive everything else from it (search records, raw files, agent JSON, open data).
 */
export const snapshotSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  /** Every agent, in catalogue order: by name, then source order, then slug. */
  agents: z.array(snapshotAgentSchema),
  /** Category metadata by id, for every category an agent is in or a categories file names. */
  categories: z.array(z.tuple([z.string(), categorySchema])),
  /** Every source, in configured order. */
  sources: z.array(snapshotSourceSchema),
  /** Lines of the build summary (for the terminal). */
  summary: z.array(z.string()),
});

/** The catalogue snapshot. */
export type CatalogSnapshot = z.infer<typeof snapshotSchema>;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Catalogue order: by name, then source order, then slug. Pages, lists, open data and search all use it. */
export function catalogueOrder<T extends { name: string; sourceId: string; slug: string }>(
  agents: readonly T[],
  sourceIds: readonly string[],
): T[] {
  const sourceOrder = new Map(sourceIds.map((id, i) => [id, i]));
  return [...agents].sort(
    (a, b) =>
      byText(a.name.toLowerCase(), b.name.toLowerCase()) ||
      sourceOrder.get(a.sourceId)! - sourceOrder.get(b.sourceId)! ||
      byText(a.slug, b.slug),
  );
}

/** When each file last changed (ISO 8601, by absolute path), for each source that is in a git work tree. */
export type GitDatesBySource = ReadonlyMap<string, ReadonlyMap<string, string>>;

/**
 * The snapshot of a scan; `promptOf` says where each prompt's rendered HTML will be, and `gitDates` holds the
 * dates of the sources in git (the pages and the feed both read them from here).
 */
export function catalogSnapshot(
  scan: ScanResult,
  promptOf: (body: string) => { promptFile: string; promptKey: string },
  gitDates: GitDatesBySource = new Map(),
): CatalogSnapshot {
  const sources = scan.summaries.map((s) => s.source);
  const agents = catalogueOrder(
    scan.agents,
    sources.map((s) => s.id),
  ).map(({ body, ...agent }) => {
    const updated = gitDates.get(agent.sourceId)?.get(agent.file.absPath);
    return { ...agent, ...promptOf(body), ...(updated === undefined ? {} : { updated }) };
  });
  return {
    version: SNAPSHOT_VERSION,
    agents,
    categories: [...scan.categories],
    sources: scan.summaries.map(({ source, ...counts }) => ({
      ...counts,
      ...sourceNames(source),
      absDir: source.absDir,
      dated: gitDates.has(source.id),
      skippedFiles: scan.skipped.filter((skipped) => skipped.sourceId === source.id),
    })),
    summary: formatSummary(scan),
  };
}

function sourceNames(source: SourceConfig): Pick<SnapshotSource, 'id' | 'label' | 'repository' | 'author'> {
  return {
    id: source.id,
    label: source.label,
    ...(source.repository === undefined ? {} : { repository: source.repository }),
    ...(source.author === undefined ? {} : { author: source.author }),
  };
}
