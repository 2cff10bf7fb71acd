/**
 * The one module that reads content collections. Pages import ready, sorted view models from here.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { createUrls, sourceFileUrl } from './lib/urls.ts';
import { safeFileName } from './lib/shell.ts';
import { labelFromFolder } from './lib/categories.ts';
import { facetsOf, groupByFacet, type AgentFacets, type FacetGroup } from './lib/facets.ts';
import { MODEL_LABELS } from './lib/models.ts';
import { describeTool } from './lib/tool-names.ts';
import { INHERITS_ALL_TOOLS, type ToolKind } from './lib/tools.ts';

type AgentData = CollectionEntry<'agents'>['data'];

/** URL builders bound to the configured base path. */
export const urls = createUrls(import.meta.env.BASE_URL);

/** A source as pages show it. */
export interface SourceView {
  id: string;
  label: string;
  dir: string;
  repository: string | undefined;
  summary: CollectionEntry<'sources'>['data'];
}

/** A tool chip: the entry as written, linked to its tool page. */
export interface ToolChip {
  raw: string;
  name: string;
  kind: ToolKind;
  href: string;
}

/** A skill or tag, linked to its page. */
export interface SkillLink {
  value: string;
  href: string;
}

/** An agent as pages and cards show it. */
export interface AgentView extends AgentData {
  href: string;
  rawHref: string;
  /** Safe file name for the download and install commands. */
  fileName: string;
  categoryLabel: string;
  categoryHref: string;
  /** Nested folder path as a label, e.g. "Social Media". */
  subPathLabel: string | undefined;
  source: SourceView;
  /** Link to the file in its repository, when the source names one. */
  viewSourceUrl: string | undefined;
  /** Prompt body rendered to safe HTML. */
  html: string;
  /** Search facet values, the same ones the browse pages group by. */
  facets: AgentFacets;
  toolChips: ToolChip[];
  /** Link for "Inherits all tools", when the agent has no tools field. */
  inheritsAllHref: string | undefined;
  skillLinks: SkillLink[];
  modelHref: string;
  /** Other agents with the same name. */
  twinAgents: AgentView[];
}

/** A category with its agents, in display order. */
export interface CategoryGroup {
  id: string;
  label: string;
  description: string | undefined;
  order: number | undefined;
  href: string;
  agents: AgentView[];
}

/** One value of a browse dimension (a tool, a skill, a model family) with its agents. */
export interface FacetPage {
  value: string;
  slug: string;
  href: string;
  agents: AgentView[];
}

/** A tool with what it is to Claude Code. */
export interface ToolPage extends FacetPage {
  kind: ToolKind | 'inherits-all';
  description: string;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const [agentEntries, categoryEntries, sourceEntries] = await Promise.all([getCollection('agents'), getCollection('categories'), getCollection('sources')]);

/** Every source, in configured order. */
export const sources: SourceView[] = sourceEntries.map((entry) => ({
  id: entry.id,
  label: entry.data.label,
  dir: entry.data.dir,
  repository: entry.data.repository,
  summary: entry.data,
}));

/** True when the site was built from more than one source, so pages name the source. */
export const hasManySources = sources.length > 1;

const sourceById = new Map(sources.map((s) => [s.id, s]));
const sourceOrder = new Map(sources.map((s, index) => [s.id, index]));
const categoryMeta = new Map(categoryEntries.map((entry) => [entry.id, entry.data]));

/** Every agent, sorted by name, then source order, then slug. Links to facet pages are filled in below. */
export const agents: AgentView[] = agentEntries
  .map((entry): AgentView => {
    const data = entry.data;
    const source = sourceById.get(data.sourceId)!;
    const categoryLabel = categoryMeta.get(data.categoryId)?.label ?? labelFromFolder(data.categoryFolder);
    return {
      ...data,
      href: urls.agent(data.slug),
      rawHref: urls.raw(data.slug),
      fileName: safeFileName(data.name, data.slug),
      categoryLabel,
      categoryHref: urls.category(data.categoryId),
      subPathLabel: data.subPath.length > 0 ? data.subPath.map(labelFromFolder).join(' / ') : undefined,
      source,
      viewSourceUrl: sourceFileUrl(source.repository, data.file.relPath),
      html: entry.rendered?.html ?? '',
      facets: facetsOf({ ...data, categoryLabel, sourceLabel: source.label }),
      toolChips: [],
      inheritsAllHref: undefined,
      skillLinks: [],
      modelHref: '',
      twinAgents: [],
    };
  })
  .sort(
    (a, b) =>
      byText(a.name.toLowerCase(), b.name.toLowerCase()) || sourceOrder.get(a.sourceId)! - sourceOrder.get(b.sourceId)! || byText(a.slug, b.slug),
  );

/** Agents by slug. */
export const agentBySlug = new Map(agents.map((agent) => [agent.slug, agent]));

function facetPages(groups: FacetGroup<AgentView>[], hrefOf: (slug: string) => string): FacetPage[] {
  return groups.map((group) => ({ value: group.value, slug: group.slug, href: hrefOf(group.slug), agents: group.items }));
}

/** Every tool named by any agent, plus "Inherits all tools", most used first. */
export const toolPages: ToolPage[] = facetPages(
  groupByFacet(agents, (a) => a.facets.tool),
  urls.tool,
).map((page) => {
  if (page.value === INHERITS_ALL_TOOLS) return { ...page, kind: 'inherits-all', description: describeTool(page.value, 'inherits-all') };
  const ref = page.agents[0]!.tools.tools.find((t) => t.name === page.value)!;
  return { ...page, kind: ref.kind, description: describeTool(ref.name, ref.kind, ref.mcpServer) };
});

/** Every skill and tag, most used first. */
export const skillPages: FacetPage[] = facetPages(
  groupByFacet(agents, (a) => a.facets.skill),
  urls.skill,
);

/** Every model family in use, in a fixed order (cheapest first). */
export const modelPages: FacetPage[] = facetPages(
  groupByFacet(agents, (a) => [a.facets.model]),
  urls.model,
).sort((a, b) => {
  const order = Object.values(MODEL_LABELS);
  return order.indexOf(a.value) - order.indexOf(b.value);
});

const toolHref = new Map(toolPages.map((p) => [p.value, p.href]));
const skillHref = new Map(skillPages.map((p) => [p.value, p.href]));
const modelHref = new Map(modelPages.map((p) => [p.value, p.href]));
for (const agent of agents) {
  agent.toolChips = agent.tools.tools.map((t) => ({ raw: t.raw, name: t.name, kind: t.kind, href: toolHref.get(t.name)! }));
  agent.inheritsAllHref = agent.tools.inheritsAll ? toolHref.get(INHERITS_ALL_TOOLS) : undefined;
  agent.skillLinks = agent.facets.skill.map((value) => ({ value, href: skillHref.get(value)! }));
  agent.modelHref = modelHref.get(agent.facets.model)!;
  agent.twinAgents = agent.twins.preview.map((slug) => agentBySlug.get(slug)!);
}

/** Categories that have agents, by configured order, then label. */
export const categoryGroups: CategoryGroup[] = [...new Set(agents.map((a) => a.categoryId))]
  .map((id): CategoryGroup => {
    const meta = categoryMeta.get(id);
    const members = agents.filter((a) => a.categoryId === id);
    return {
      id,
      label: meta?.label ?? members[0]!.categoryLabel,
      description: meta?.description,
      order: meta?.order,
      href: urls.category(id),
      agents: members,
    };
  })
  .sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || byText(a.label, b.label));
