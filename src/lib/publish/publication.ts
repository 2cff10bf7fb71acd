import { categoryLabelOf } from '../catalog/categories.ts';
import type { CatalogSnapshot, SnapshotAgent } from '../catalog/snapshot.ts';
import { searchRecord, type SearchRecord } from '../search/records.ts';
import { createUrls } from '../views/urls.ts';
import { agentRecord, type AgentRecord } from './open-data.ts';
import type { ExportSource } from './other-tools.ts';

/** Where the site is published: its address when built with SITE_URL, and its base path. */
export interface SiteAddress {
  url: string | undefined;
  base: string;
}

/** An agent as the publishing side needs it: where its bytes are, the line its prompt starts on, its `claude --agents` fields, and its open-data record. */
export interface PublishedAgent {
  slug: string;
  absPath: string;
  sourceId: string;
  bodyLine: number;
  cliFields: SnapshotAgent['cliFields'];
  record: AgentRecord;
  /** When its file last changed, from git, when its source is in a git work tree. */
  updated: string | undefined;
  /** What the agent's files for other tools are made of, but its prompt. */
  exportSource: Omit<ExportSource, 'prompt'>;
}

/** What the publishing side makes of a snapshot: every agent's record, and each source's name and whether it is dated. */
export interface Publication {
  site: SiteAddress;
  sources: { id: string; label: string; dated: boolean }[];
  agents: PublishedAgent[];
}

/** Labels by id, for categories and sources. */
function labelsOf(snapshot: CatalogSnapshot) {
  const categories = new Map(snapshot.categories);
  const sources = new Map(snapshot.sources.map((s) => [s.id, s.label]));
  return {
    category: (agent: SnapshotAgent) => categoryLabelOf(agent, categories),
    source: (agent: SnapshotAgent) => sources.get(agent.sourceId) ?? agent.sourceId,
  };
}

/** The publication of a snapshot: the open data is derived here, and only here. */
export function publicationOf(snapshot: CatalogSnapshot, site: SiteAddress): Publication {
  const urls = createUrls(site.base);
  const labels = labelsOf(snapshot);
  const publish = (sitePath: string) => (site.url ? new URL(sitePath, site.url).href : sitePath);
  return {
    site,
    sources: snapshot.sources.map((s) => ({ id: s.id, label: s.label, dated: s.dated })),
    agents: snapshot.agents.map((agent) => ({
      slug: agent.slug,
      absPath: agent.file.absPath,
      sourceId: agent.sourceId,
      bodyLine: agent.bodyLine,
      cliFields: agent.cliFields,
      updated: agent.updated,
      exportSource: exportSourceOf(agent),
      record: agentRecord(agent, {
        categoryLabel: labels.category(agent),
        sourceLabel: labels.source(agent),
        publish,
        pagePath: urls.agent(agent.slug),
        rawPath: urls.raw(agent.slug),
      }),
    })),
  };
}

/** What an agent's files for other tools are made of, from its snapshot entry (all but the prompt). */
export function exportSourceOf(agent: SnapshotAgent): Omit<ExportSource, 'prompt'> {
  const { name, slug, description, tools, disallowedTools, model, otherFields } = agent;
  return { name, slug, description, tools, disallowedTools, model, otherFields };
}

/** The search records of a snapshot, in catalogue order; `promptOf` gives each agent's prompt (the snapshot holds none). */
export function searchRecordsOf(
  snapshot: CatalogSnapshot,
  base: string,
  promptOf: (agent: SnapshotAgent, index: number) => string,
): SearchRecord[] {
  const urls = createUrls(base);
  const labels = labelsOf(snapshot);
  return snapshot.agents.map((agent, index) =>
    searchRecord({
      agent: { ...agent, body: promptOf(agent, index) },
      url: urls.agent(agent.slug),
      categoryLabel: labels.category(agent),
      sourceLabel: labels.source(agent),
    }),
  );
}
