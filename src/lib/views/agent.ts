import type { AgentFacts } from '../catalog/agent.ts';
import type { SnapshotAgent as Agent } from '../catalog/snapshot.ts';
import { categoryLabelOf, labelFromFolder, type CategoryMeta } from '../catalog/categories.ts';
import type { CleanDescription } from '../fields/description.ts';
import type { ExtraField } from '../fields/normalise.ts';
import { facetsOf } from '../search/facets.ts';
import { VERDICT_LABELS, type Verdict } from '../check/findings.ts';
import { approximateTokens } from '../fields/format.ts';
import { commandTable, safeFileName } from '../publish/install.ts';
import type { PluginLineTable, PluginLines } from './plugin-lines.ts';
import { MODEL_LABELS } from '../fields/models.ts';
import { PROFILE_LABELS } from '../fields/profile.ts';
import { CLAUDE_CODE_VERSION } from '../read/claude-code.ts';
import { RULES, type Rule, type RuleId, type Severity } from '../check/rules.ts';
import type { ToolRef } from '../fields/tools.ts';
import { visibleName } from '../text/unicode.ts';
import { sourceFileUrl, type Urls } from './urls.ts';

/** A label with the page it links to. */
export interface Link {
  label: string;
  href: string;
}

/** A source as pages name it. */
export interface SourceRef {
  id: string;
  label: string;
  repository: string | undefined;
  /** Who wrote the source's agents, when the config says. */
  author?: string | undefined;
}

/** A tool chip: the entry as written, what it is, and its tool page. */
export interface ToolChip {
  raw: string;
  name: string;
  kind: Agent['tools']['tools'][number]['kind'];
  href: string;
  /** What a reader should know about the entry that its text does not say, if anything. */
  note: string;
}

/** A finding as the agent page lists it. */
export interface FindingView {
  rule: RuleId;
  title: string;
  severity: Severity;
  line: number;
  message: string;
  hint: string;
  /** How older Claude Code releases differ, when they do. */
  olderReleases: string | undefined;
}

/** The upstream issue that says scoped Bash in a subagent grants the whole shell. */
export const SCOPED_BASH_ISSUE = 'https://github.com/anthropics/claude-code/issues/95002';

/** An agent as one row of a list: enough to choose, not the whole page. */
export interface AgentRow {
  slug: string;
  href: string;
  name: string;
  summary: string;
  categoryLabel: string;
  modelLabel: string;
  verdict: Verdict;
  verdictLabel: string;
  sourceLabel: string;
}

/** Everything an agent's page, card or row shows, ready to lay out. */
export interface AgentView {
  agent: Agent;
  /** The name as pages show it: characters nobody sees, and look-alike letters, written as escapes (visibleName). */
  displayName: string;
  row: AgentRow;
  href: string;
  rawHref: string;
  jsonHref: string;
  fileName: string;
  category: Link & { id: string };
  subPathLabel: string | undefined;
  source: SourceRef;
  upstreamUrl: string | undefined;
  /** Who wrote the agent (its `author` field, else its source's) and when its file last changed (from git). */
  provenance: { author: string | undefined; updated: string | undefined };
  model: { text: string; familyLabel: string; valid: boolean; href: string };
  toolChips: ToolChip[];
  inheritsAllHref: string | undefined;
  mcpServers: Link[];
  skills: Link[];
  tags: Link[];
  verdictLabel: string;
  /** The Claude Code release the verdict was checked against. */
  checkedAgainst: string;
  findings: FindingView[];
  bypass: boolean;
  profile: { id: string; label: string }[];
  /** Shell rules such as `Bash(git diff *)` that look like a limit but grant the whole shell in a subagent. */
  scopedShell: string[];
  /** The `disallowedTools` entries, as written. */
  deniedTools: string[];
  /** The description as readable text, and its `<example>` blocks. */
  description: CleanDescription;
  descriptionCost: { characters: number; tokens: number };
  twins: { count: number; preview: Link[]; allHref: string };
  related: AgentRow[];
  /** The `/plugin` lines of the agent's category, when the catalogue is published as a marketplace and its plugin holds the agent. */
  plugin: PluginLines | undefined;
  /** Everything above in one hash: the page is rendered again only when it changes. */
  pageKey: string;
}

/**
 * An agent's install and remove commands, per shell and scope. Made when its page renders rather than
 * kept in its view: they are the largest part of a view (14 MB for 10,000 agents) and follow from its
 * raw file's address, its file name and the site's origin, which the page key already covers.
 */
export function agentCommands(view: Pick<AgentView, 'rawHref' | 'fileName' | 'agent'>, origin: string): ReturnType<typeof commandTable> {
  return commandTable([{ url: `${origin}${view.rawHref}`, fileName: view.fileName, sha256: view.agent.file.sha256 }]);
}

/** What building the views needs from the rest of the catalogue. */
export interface ViewContext {
  urls: Urls;
  categories: ReadonlyMap<string, CategoryMeta>;
  sources: ReadonlyMap<string, SourceRef>;
  hasManySources: boolean;
  /** The origin commands download from: SITE_URL's, or the placeholder the page fills in. */
  origin: string;
  /** The `/plugin` lines of each category, source and agent. */
  plugins: PluginLineTable;
  /** Facet value → slug of its page, per facet. */
  facetSlugs: { tool: ReadonlyMap<string, string>; skill: ReadonlyMap<string, string>; model: ReadonlyMap<string, string> };
}

/** A shell entry with a command rule, which reads as a limit and is none in a subagent. */
function isScopedShell(tool: ToolRef): boolean {
  return (tool.name === 'Bash' || tool.name === 'PowerShell') && tool.rule !== undefined && tool.rule !== '' && tool.rule !== '*';
}

/** What a tool chip says besides its text: what the name is to Claude Code, and what the entry really grants. */
function toolNote(tool: ToolRef): string {
  if (tool.impliedBy === 'memory') return 'added by memory';
  if (isScopedShell(tool)) return 'the whole shell in a subagent';
  return { builtin: '', mcp: 'MCP', legacy: 'retired name', unknown: 'not a Claude Code tool' }[tool.kind];
}

/** Names longer than this are cut in lists (the agent's own page shows it whole), so a list page's size stays bounded. */
export const ROW_NAME_CHARS = 120;

const cutName = (name: string) => (name.length > ROW_NAME_CHARS ? `${name.slice(0, ROW_NAME_CHARS - 1)}…` : name);

/** The row of an agent in lists. */
export function agentRow(agent: AgentFacts, context: ViewContext): AgentRow {
  return {
    slug: agent.slug,
    href: context.urls.agent(agent.slug),
    name: cutName(visibleName(agent.name)),
    summary: agent.summary,
    categoryLabel: categoryLabelOf(agent, context.categories),
    modelLabel: agent.model.raw ?? 'inherit (default)',
    verdict: agent.verdict,
    verdictLabel: VERDICT_LABELS[agent.verdict],
    sourceLabel: context.sources.get(agent.sourceId)?.label ?? agent.sourceId,
  };
}

/** Builds one agent's view; `rowOf` resolves the slugs of twins and related agents. */
export function agentView(
  agent: Agent,
  related: readonly AgentRow[],
  rowOf: (slug: string) => AgentRow | undefined,
  context: ViewContext,
): Omit<AgentView, 'pageKey'> {
  const { urls } = context;
  const row = agentRow(agent, context);
  const source = context.sources.get(agent.sourceId) ?? { id: agent.sourceId, label: agent.sourceId, repository: undefined };
  const facets = facetsOf({ ...agent, categoryLabel: row.categoryLabel, sourceLabel: source.label });
  const link = (facet: keyof ViewContext['facetSlugs'], value: string, to: (slug: string) => string): Link => ({
    label: value,
    href: to(context.facetSlugs[facet].get(value) ?? ''),
  });
  const fileName = safeFileName(agent.name, agent.slug);
  const twinLabel = (twin: AgentRow) => `${twin.name} in ${twin.categoryLabel}${context.hasManySources ? ` (${twin.sourceLabel})` : ''}`;
  return {
    agent,
    displayName: visibleName(agent.name),
    row,
    href: row.href,
    rawHref: urls.raw(agent.slug),
    jsonHref: urls.agentJson(agent.slug),
    fileName,
    category: { id: agent.categoryId, label: row.categoryLabel, href: urls.category(agent.categoryId) },
    subPathLabel: agent.subPath.length > 0 ? agent.subPath.map(labelFromFolder).join(' / ') : undefined,
    source,
    upstreamUrl: sourceFileUrl(source.repository, agent.file.relPath),
    provenance: { author: authorOf(agent.otherFields, source.author), updated: agent.updated?.slice(0, 10) },
    model: {
      text: row.modelLabel,
      familyLabel: MODEL_LABELS[agent.model.family],
      valid: agent.model.valid,
      href: link('model', facets.model, urls.model).href,
    },
    toolChips: agent.tools.tools.map((t) => ({
      raw: t.raw,
      name: t.name,
      kind: t.kind,
      href: link('tool', t.name, urls.tool).href,
      note: toolNote(t),
    })),
    inheritsAllHref: agent.tools.inheritsAll ? link('tool', facets.tool[0]!, urls.tool).href : undefined,
    mcpServers: facets.mcp.map((server) => ({ label: server, href: urls.search(`?mcp=${encodeURIComponent(server)}`) })),
    skills: agent.skills.map((s) => link('skill', s.trim().toLowerCase(), urls.skill)),
    tags: agent.tags.map((t) => link('skill', t, urls.skill)),
    verdictLabel: row.verdictLabel,
    checkedAgainst: `Claude Code ${CLAUDE_CODE_VERSION}`,
    findings: agent.findings.map((f) => {
      const rule: Rule = RULES[f.rule];
      return {
        rule: f.rule,
        title: rule.title,
        severity: f.severity,
        line: f.line,
        message: f.message,
        hint: f.hint,
        olderReleases: rule.olderReleases?.note,
      };
    }),
    bypass: agent.findings.some((f) => f.rule === 'permission-bypass'),
    profile: agent.profile.map((p) => ({ id: p, label: PROFILE_LABELS[p] })),
    scopedShell: agent.tools.tools.filter(isScopedShell).map((t) => t.raw),
    deniedTools: agent.disallowedTools.map((t) => t.raw),
    description: { text: agent.descriptionText, examples: agent.examples },
    descriptionCost: { characters: agent.description.length, tokens: approximateTokens(agent.description) },
    twins: {
      count: agent.twins.count,
      preview: agent.twins.preview.flatMap((slug) => {
        const twin = rowOf(slug);
        return twin ? [{ label: twinLabel(twin), href: twin.href }] : [];
      }),
      allHref: urls.name(agent.twins.groupSlug),
    },
    related: [...related],
    plugin: context.plugins.agent(agent),
  };
}

/**
 * Who wrote an agent: its file's `author` field (text, or the `name` of an object as plugin.json writes it), else
 * its source's author from the config. A field that names no one (a list, a number, blank) falls back too.
 */
export function authorOf(fields: readonly Pick<ExtraField, 'key' | 'value'>[], sourceAuthor: string | undefined): string | undefined {
  const value = fields.find((f) => f.key === 'author')?.value.trim() ?? '';
  let named = value;
  if (value.startsWith('{') || value.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(value);
      const name = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as { name?: unknown }).name : undefined;
      named = typeof name === 'string' ? name.trim() : '';
    } catch {
      named = '';
    }
  } else if (/^-?\d/.test(value) && Number.isFinite(Number(value))) named = '';
  return named === '' ? sourceAuthor : named.replace(/\s+/g, ' ');
}
