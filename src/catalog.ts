/**
 * The one module that reads content collections. Pages import ready, sorted view models from here.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { createUrls, safeFileName, sourceFileUrl } from './lib/urls.ts';
import { labelFromFolder } from './lib/categories.ts';

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

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const [agentEntries, categoryEntries, skippedEntries, sourceEntries] = await Promise.all([
  getCollection('agents'),
  getCollection('categories'),
  getCollection('skipped'),
  getCollection('sources'),
]);

/** Every source, in configured order. */
export const sources: SourceView[] = sourceEntries.map((entry) => ({
  id: entry.id,
  label: entry.data.label,
  dir: entry.data.dir,
  repository: entry.data.repository,
  summary: entry.data,
}));

const sourceById = new Map(sources.map((s) => [s.id, s]));
const sourceOrder = new Map(sources.map((s, index) => [s.id, index]));
const categoryMeta = new Map(categoryEntries.map((entry) => [entry.id, entry.data]));

/** Every agent, sorted by name, then source order, then slug. */
export const agents: AgentView[] = agentEntries
  .map((entry): AgentView => {
    const data = entry.data;
    const source = sourceById.get(data.sourceId)!;
    return {
      ...data,
      href: urls.agent(data.slug),
      rawHref: urls.raw(data.slug),
      fileName: safeFileName(data.name, data.slug),
      categoryLabel: categoryMeta.get(data.categoryId)?.label ?? labelFromFolder(data.categoryFolder),
      categoryHref: urls.category(data.categoryId),
      subPathLabel: data.subPath.length > 0 ? data.subPath.map(labelFromFolder).join(' / ') : undefined,
      source,
      viewSourceUrl: sourceFileUrl(source.repository, data.file.relPath),
      html: entry.rendered?.html ?? '',
    };
  })
  .sort((a, b) => byText(a.name.toLowerCase(), b.name.toLowerCase()) || (sourceOrder.get(a.sourceId)! - sourceOrder.get(b.sourceId)!) || byText(a.slug, b.slug));

/** Agents by slug. */
export const agentBySlug = new Map(agents.map((agent) => [agent.slug, agent]));

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

/** Files that did not become pages, by source order and path. */
export const skippedFiles = skippedEntries
  .map((entry) => ({ ...entry.data, source: sourceById.get(entry.data.sourceId)! }))
  .sort((a, b) => sourceOrder.get(a.sourceId)! - sourceOrder.get(b.sourceId)! || byText(a.file.relPath, b.file.relPath));

/** True when the site was built from more than one source, so pages name the source. */
export const hasManySources = sources.length > 1;
