/**
 * The one module that reads the content collections. Pages import ready view models from here and
 * only lay them out; everything they show is computed once, below, by the pure builders in src/lib/views.
 */
import { getCollection } from 'astro:content';
import type { AgentFacts } from './lib/catalog/agent.ts';
import { categoryLabelOf } from './lib/catalog/categories.ts';
import type { SnapshotAgent as Agent } from './lib/catalog/snapshot.ts';
import pageConfig from 'virtual:subagent-catalog/config';
import { packedPrompt } from './build/prompt-pack.ts';
import { readSnapshot } from './build/snapshot-file.ts';
import { agentPagesToRender } from './build/kept-pages.ts';
import { listedToolNames, skillFacetValues, toolFacetValues } from './lib/search/facets.ts';
import { commandOrigin, scriptCommands, SITE_PLACEHOLDER } from './lib/publish/install.ts';
import { planServedMarketplaceOf, servedMarketplaceUrl } from './lib/publish/served-marketplace.ts';
import { gitPluginLineTable, NO_PLUGIN_LINES, servedPluginLineTable, type PluginLineTable } from './lib/views/plugin-lines.ts';
import { MODEL_LABELS } from './lib/fields/models.ts';
import { BUILTIN_TOOLS, LEGACY_TOOLS } from './lib/fields/tool-names.ts';
import { INHERITS_ALL_TOOLS } from './lib/fields/tools.ts';
import { LIMIT_TABLE } from './lib/read/limits.ts';
import { RULES, type RuleId } from './lib/check/rules.ts';
import { SEARCH_FACETS } from './lib/search/state.ts';
import { createUrls, joinBase } from './lib/views/urls.ts';
import { otherToolRows, otherToolSetRows, type OtherToolRow } from './lib/views/other-tools.ts';
import { exportSourceOf } from './lib/publish/publication.ts';
import {
  agentCommands,
  agentRow,
  agentView,
  SCOPED_BASH_ISSUE,
  type AgentRow,
  type AgentView,
  type SourceRef,
  type ViewContext,
} from './lib/views/agent.ts';
import { CLAUDE_CODE_VERSION } from './lib/read/claude-code.ts';
import { rulePages, ruleGroups } from './lib/views/diagnostics.ts';
import { categoriesBySource, HOME_CATEGORIES, homeCategories, startingPoints } from './lib/views/home.ts';
import { modelEntries, skillEntries, toolEntries, TOOL_SECTIONS, type FacetEntry } from './lib/views/indexes.ts';
import type { AgentList, SetInstall } from './lib/views/lists.ts';
import { pageKey } from './lib/views/page-key.ts';
import { relatedAgents } from './lib/views/related.ts';
import { rowsTable } from './lib/views/rows-table.ts';
import { inlineCodeHtml } from './lib/text/markdown.ts';
import { countsLine } from './lib/catalog/summary.ts';
import { installableAgents } from './lib/publish/bundle.ts';
import { installPowerShellScript, installSet, installShellScript } from './lib/views/sets.ts';

/** URL builders bound to the configured base path. */
export const urls = createUrls(import.meta.env.BASE_URL);

/** The site's public address, when it was built with SITE_URL. */
export const siteUrl: string | undefined = import.meta.env.SITE || undefined;

// The collection's one entry changes with the snapshot: reading it ties these pages to it, so `astro dev` shows a
// changed agent on the next load. The agents themselves come from the snapshot (see SNAPSHOT_ENTRY).
await getCollection('catalog');
const snapshot = readSnapshot(pageConfig.snapshotFile);

/** Every source, in configured order, with its counts and skipped files; nothing of the build machine. */
export const sources = snapshot.sources.map(({ absDir: _absDir, ...source }) => source);

/** Stands for the site's address in commands when the build did not know it. */
export const sitePlaceholder = siteUrl ? undefined : SITE_PLACEHOLDER;

/** True when the site was built from more than one source, so pages name the source. */
export const hasManySources = sources.length > 1;

const sourceRefs = new Map<string, SourceRef>(
  sources.map((s) => [s.id, { id: s.id, label: s.label, repository: s.repository, author: s.author }]),
);
const categoryMeta = new Map(snapshot.categories);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Every agent, in catalogue order (by name, then source, then slug). */
const all: Agent[] = snapshot.agents;

const toolFacet = (a: AgentFacts) => listedToolNames(a.tools);
const skillFacet = (a: AgentFacts) => skillFacetValues(a.skills, a.tags);
/** Every tool, skill and model with its agents, for the browse pages. */
export const tools = toolEntries(all, toolFacet, (a) => toolFacetValues(a.tools, a.disallowedTools));
export const skills = skillEntries(all, skillFacet);
export const models = modelEntries(all);

/** The `/plugin` lines pages show: of a git-hosted marketplace the config names, else of the one the site serves. */
function pluginLineTable(): PluginLineTable {
  const marketplace = pageConfig.marketplace;
  if (marketplace?.repository) return gitPluginLineTable({ name: marketplace.name, repository: marketplace.repository });
  const served = servedMarketplaceUrl({ url: siteUrl, base: import.meta.env.BASE_URL });
  return 'url' in served ? servedPluginLineTable(planServedMarketplaceOf(snapshot, marketplace), served.url) : NO_PLUGIN_LINES;
}

const context: ViewContext = {
  urls,
  categories: categoryMeta,
  sources: sourceRefs,
  hasManySources,
  origin: commandOrigin(siteUrl),
  plugins: pluginLineTable(),
  facetSlugs: {
    tool: new Map(tools.map((t) => [t.value, t.slug])),
    skill: new Map(skills.map((s) => [s.value, s.slug])),
    model: new Map(models.map((m) => [m.value, m.slug])),
  },
};

const rows = all.map((agent) => agentRow(agent, context));
const rowBySlug = new Map(rows.map((row) => [row.slug, row]));
const rowOf = (slug: string) => rowBySlug.get(slug);
const related = relatedAgents(all);
/** What the layout shows of the whole site, part of every page's key (see page-key.ts). */
export const layoutKey = `${import.meta.env.BASE_URL}|${siteUrl ?? ''}|${hasManySources}`;

/** Every agent's view, in catalogue order (by name, then source, then slug). */
export const agents: AgentView[] = all.map((agent, index) => {
  const view = agentView(
    agent,
    related[index]!.flatMap((slug) => rowOf(slug) ?? []),
    rowOf,
    context,
  );
  return { ...view, pageKey: pageKey(view, layoutKey) };
});

const viewBySlug = new Map(agents.map((view) => [view.agent.slug, view]));

let rendered: AgentView[] | undefined;
/**
 * The agents whose pages this build renders: in a rebuild, those whose page changed or is missing; the others
 * keep the page the previous build wrote (src/build/kept-pages.ts). Every agent in `astro dev`.
 */
export function agentsToRender(): AgentView[] {
  const settings = pageConfig.keptPages;
  if (!settings) return agents;
  if (!rendered) {
    const render = agentPagesToRender(
      settings,
      agents.map((view) => ({ slug: view.agent.slug, key: view.pageKey })),
    );
    rendered = agents.filter((view) => render.has(view.agent.slug));
  }
  return rendered;
}

/** An agent's prompt as safe HTML, read from the pack the content sync rendered it to (kept out of memory until a page needs it). */
export function promptHtml(view: AgentView): string {
  return packedPrompt(view.agent.promptFile, view.agent.promptKey);
}

/** An agent's install and remove commands, for its page. */
export function installCommands(view: AgentView): ReturnType<typeof agentCommands> {
  return agentCommands(view, context.origin);
}

/** An agent's files for other tools and the commands that install them, for its page. */
export function otherToolCommands(view: AgentView): OtherToolRow[] {
  return otherToolRows(exportSourceOf(view.agent), (sitePath) => joinBase(import.meta.env.BASE_URL, sitePath), context.origin);
}

/** Every agent as a list row, in catalogue order. */
export const agentRows: AgentRow[] = rows;

const rowsOf = (slugs: readonly string[]) => slugs.flatMap((slug) => rowOf(slug) ?? []);
const list = (
  scope: AgentList['scope'],
  title: string,
  firstPage: string,
  parent: AgentList['parent'],
  members: AgentRow[],
  extra: Partial<AgentList> = {},
): AgentList => ({
  scope,
  title,
  code: false,
  description: undefined,
  parent,
  firstPage,
  rows: members,
  install: undefined,
  ...extra,
});

/** Categories grouped by source, in display order. */
export const categoryGroups = categoriesBySource(
  all,
  [...sourceRefs.values()],
  categoryMeta,
  (a) => categoryLabelOf(a, categoryMeta),
  urls,
);

/** Categories with a page: one per category id, whatever the sources that share it. */
export const categoryCount = new Set(all.map((a) => a.categoryId)).size;

/** Every agent, A to Z. */
export const allAgentsList = list(
  { kind: 'all', key: '' },
  'All agents, A to Z',
  urls.agents(),
  { label: 'Home', href: urls.home() },
  rows,
  // With one source, its plugin holds every agent: this list is its page.
  { plugin: hasManySources ? undefined : context.plugins.source(sources[0]?.id ?? '') },
);

/** One list per category, with install scripts for the whole category. */
export const categoryLists = [...new Set(all.map((a) => a.categoryId))].map((id) => {
  const members = rows.filter((_, i) => all[i]!.categoryId === id);
  const label = members[0]!.categoryLabel;
  return {
    id,
    list: list({ kind: 'category', key: id }, label, urls.category(id), { label: 'Categories', href: urls.categories() }, members, {
      description: categoryMeta.get(id)?.description,
      install: setInstall(urls.category(id), members),
      plugin: context.plugins.category(id),
    }),
  };
});

/** One list per tool, skill and model family. */
export const toolLists = tools.map((t) => {
  const description =
    t.inheriting > 0
      ? `${t.description} Below, the ${t.slugs.length} agents that name it in tools; ${t.inheriting} more can use it because they inherit every tool.`
      : t.description;
  return {
    slug: t.slug,
    entry: t,
    list: list({ kind: 'tool', key: t.value }, t.value, urls.tool(t.slug), { label: 'Tools', href: urls.tools() }, rowsOf(t.slugs), {
      code: t.kind !== 'inherits-all',
      description,
    }),
  };
});
export const skillLists = skills.map((s) => ({
  slug: s.slug,
  list: list({ kind: 'skill', key: s.value }, s.value, urls.skill(s.slug), { label: 'Skills', href: urls.skills() }, rowsOf(s.slugs)),
}));
export const modelLists = models.map((m) => ({
  slug: m.slug,
  list: list(
    { kind: 'model', key: m.value },
    `${m.value} agents`,
    urls.model(m.slug),
    { label: 'Models', href: urls.models() },
    rowsOf(m.slugs),
    { description: `model: ${m.written.join(', ')}` },
  ),
}));

/** One list per name that several agents share. */
export const nameLists = (() => {
  const groups = new Map<string, AgentRow[]>();
  all.forEach((agent, i) => {
    if (agent.twins.count === 0) return;
    const group = groups.get(agent.twins.groupSlug);
    if (group) group.push(rows[i]!);
    else groups.set(agent.twins.groupSlug, [rows[i]!]);
  });
  return [...groups].map(([slug, members]) => ({
    slug,
    list: list(
      { kind: 'name', key: slug },
      `Agents named “${members[0]!.name}”`,
      urls.name(slug),
      { label: 'All agents', href: urls.agents() },
      members,
      {
        description:
          new Set(members.map((m) => m.name)).size > 1
            ? 'These names read alike: they differ in case, in look-alike letters or in characters nobody sees. Installed side by side, they would be confused; pick one.'
            : 'Installed side by side, only one of these would be used: pick one.',
      },
    ),
  }));
})();

/** One list per source, with install scripts, when there are several sources. */
export const sourceLists = hasManySources
  ? sources.map((s) => {
      const members = rows.filter((_, i) => all[i]!.sourceId === s.id);
      return {
        id: s.id,
        list: list({ kind: 'source', key: s.id }, s.label, urls.source(s.id), { label: 'Categories', href: urls.categories() }, members, {
          install: setInstall(urls.source(s.id), members),
          plugin: context.plugins.source(s.id),
        }),
      };
    })
  : [];

/** The home page: categories per source, and agents to start with. */
export const home = {
  agentCount: all.length,
  categoryCount: new Set(all.map((a) => a.categoryId)).size,
  groups: categoryGroups.map((g) => ({
    ...g,
    shown: homeCategories(g, hasManySources ? HOME_CATEGORIES.perSource : HOME_CATEGORIES.oneSource),
  })),
  startingPoints: startingPoints(all, (slug) => rowOf(slug)!),
  largest: categoryGroups
    .flatMap((g) => g.categories)
    .sort((a, b) => b.count - a.count || byText(a.label, b.label))
    .slice(0, 6),
};

/** The tools index, in sections by kind. */
export const toolSections = TOOL_SECTIONS.map((section) => ({
  ...section,
  entries: tools
    .filter((t) => t.kind === section.kind)
    .map((t) => ({ ...t, href: urls.tool(t.slug), count: t.slugs.length + t.inheriting })),
})).filter((s) => s.entries.length > 0);

/** The skills and models indexes. */
export const skillIndex = skills.map((s: FacetEntry) => ({ ...s, href: urls.skill(s.slug), count: s.slugs.length }));
export const modelIndex = models.map((m) => ({
  ...m,
  href: urls.model(m.slug),
  count: m.slugs.length,
  description: `model: ${m.written.join(', ')}`,
}));

/** The sources as the diagnostics page shows them: by label and repository, never by a folder of the build machine. */
export const diagnosticsSources = sources.map((source) => ({
  ...source,
  countsLine: countsLine({
    ...source,
    skippedByClaudeCode: all.filter((a) => a.sourceId === source.id && a.verdict === 'skipped').length,
    withoutPage: source.skipped,
  }),
}));

/** Every finding grouped by rule, for the diagnostics pages. */
export const diagnostics = ruleGroups(
  all,
  sources.flatMap((s) => s.skippedFiles),
  sources.flatMap((s) => s.categoryProblems),
  [...sourceRefs.values()],
  urls,
);

/** Every agent as a compact row, for sorting and filtering lists in the browser. */
export const rowsData = rowsTable(all, rows, { tools: toolFacet, skills: skillFacet, family: (a) => MODEL_LABELS[a.model.family] });

/** The install scripts of a list (a category or a source), as text. The base is known only with SITE_URL. */
export function installScripts(list: AgentList): { sh: string; ps1: string } {
  const base = siteUrl ? new URL(urls.home(), siteUrl).href : undefined;
  const items = setMembers(list).kept.map((view) => ({ slug: view.agent.slug, name: view.agent.name, sha256: view.agent.file.sha256 }));
  return { sh: installShellScript(list.title, items, base), ps1: installPowerShellScript(list.title, items, base) };
}

/** What installing a category or source writes, and which agents of the list it leaves out. */
function setInstall(firstPage: string, members: AgentRow[]): SetInstall {
  const { kept, leftOut } = setMembers({ rows: members });
  const link = (view: AgentView) => ({ label: view.agent.name, href: view.href, source: view.source.label });
  return {
    scripts: installSet(firstPage),
    count: kept.length,
    leftOut: leftOut.map(({ agent, instead }) => ({
      agent: { label: agent.agent.name, href: agent.href },
      source: agent.source.label,
      instead: link(instead),
    })),
  };
}

/**
 * The agents a list's install scripts write (one per file name and per name, the first in catalogue order), and
 * the ones they leave out, each with the agent installed in its place: one agents folder holds one of each.
 */
export function setMembers(list: Pick<AgentList, 'rows'>): { kept: AgentView[]; leftOut: { agent: AgentView; instead: AgentView }[] } {
  return installableAgents(
    list.rows.map((row) => viewBySlug.get(row.slug)!),
    (view) => ({ name: view.agent.name, fileName: view.fileName }),
  );
}

/** The static paths of a list's pages. */
export { listPaths } from './lib/views/lists.ts';

/** The commands of a set's install box: running its scripts from this site. */
export function setScriptCommands(scripts: { sh: string; ps1: string }) {
  const origin = commandOrigin(siteUrl);
  return scriptCommands({ sh: `${origin}${scripts.sh}`, ps1: `${origin}${scripts.ps1}` }, `${origin}${urls.home()}`);
}

/** A set's install scripts run for each other tool, for its install box. */
export function setOtherToolCommands(scripts: { sh: string; ps1: string }): OtherToolRow[] {
  const origin = commandOrigin(siteUrl);
  return otherToolSetRows({ sh: `${origin}${scripts.sh}`, ps1: `${origin}${scripts.ps1}` }, `${origin}${urls.home()}`);
}

/** The pages of one rule's findings. */
export const rulePagesOf = rulePages;

/**
 * The tool names Claude Code knows, for the search page to mark the others in its tool filter as the tools index
 * does: a fixed list, so the page does not grow with the catalogue's odd names.
 */
export const claudeToolNames = { builtin: Object.keys(BUILTIN_TOOLS), legacy: Object.keys(LEGACY_TOOLS), inheritsAll: INHERITS_ALL_TOOLS };

/** The search page's facets: the source facet only when there are several sources. */
export const searchFacets = SEARCH_FACETS.filter((facet) => facet.key !== 'source' || hasManySources);

/** Every rule the checker applies, for the install guide. */
export const ruleTable = (Object.keys(RULES) as RuleId[]).map((id) => ({ id, ...RULES[id] }));

/** Every limit on input, for the install guide. */
export const limitTable = LIMIT_TABLE;

/** Text of a finding (message, hint, note) with its `code spans` as HTML, everything else escaped. */
export const findingHtml = inlineCodeHtml;

/** The upstream report that scoped Bash in a subagent grants the whole shell, which agent pages link to. */
export const scopedShellIssue = SCOPED_BASH_ISSUE;

/** The Claude Code release every verdict was checked against. */
export const checkedAgainst = `Claude Code ${CLAUDE_CODE_VERSION}`;

/** The plugin marketplace the catalogue is published as, when it is one. */
export const marketplace = context.plugins.about;
