import { createHash } from 'node:crypto';
import type { AgentData } from '../catalog/agent.ts';
import { facetsOf, type AgentFacets } from './facets.ts';
import { escapeHtml } from '../text/markdown.ts';
import { TOOL_SEPARATOR } from './state.ts';
import { visibleName } from '../text/unicode.ts';

/** Weights of the parts of a record: a match in the name counts most, then the description, then tags, then the prompt. */
export const SEARCH_WEIGHTS = { name: 10, description: 4, tags: 3, prompt: 1 } as const;

/** One agent as the search index takes it: its URL and a small HTML document built from its data, not from its page. */
export interface SearchRecord {
  url: string;
  html: string;
}

/**
 * Names one search index: the engine that builds it (its version and options) and every record, in
 * order. A build whose key matches the previous one's keeps that index instead of building it again.
 */
export function searchIndexKey(records: readonly SearchRecord[], engine: string): string {
  const hash = createHash('sha256').update(engine);
  for (const { url, html } of records) hash.update(`\0${url}\0${html}`);
  return hash.digest('hex');
}

/** How much of the prompt the index takes: its opening says what the agent does; the rest mostly repeats it. */
export const SEARCH_PROMPT_CHARS = 500;

/** The first part of a prompt as plain words, for the search index: Markdown punctuation removed, whitespace collapsed. */
export function searchTextOf(body: string, maxChars = SEARCH_PROMPT_CHARS): string {
  return body
    .slice(0, maxChars * 2)
    .replace(/[#>*_`|~[\](){}<>=-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, maxChars);
}

/** What a record needs beyond the stored agent. */
export interface SearchRecordInput {
  /** The agent, with its prompt (which the content store does not keep). */
  agent: AgentData & { body: string };
  url: string;
  categoryLabel: string;
  sourceLabel: string;
}

/** The result metadata shown in search results. */
export function searchMeta({ agent, categoryLabel, sourceLabel }: SearchRecordInput): Record<string, string> {
  return {
    title: visibleName(agent.name),
    summary: agent.summary,
    category: categoryLabel,
    source: sourceLabel,
    model: agent.model.raw ?? 'inherit (default)',
    tools: agent.tools.inheritsAll ? '*' : agent.tools.tools.map((t) => t.raw).join(TOOL_SEPARATOR),
    verdict: agent.verdict,
  };
}

/**
 * The words of a name as the index takes them: the name, its parts (`prompt-engineer` also matches
 * "prompt engineer"), and its parts joined (`promptengineer`), which the browser searches for to put an
 * agent named exactly like the query first.
 */
export function nameWords(name: string): string {
  const parts = name.split(/[^\p{L}\p{N}]+/u).filter((p) => p !== '');
  if (parts.length < 2) return name;
  return `${name} ${parts.join(' ')} ${parts.join('').toLowerCase()}`;
}

/**
 * Builds the document Pagefind indexes for one agent: the name, description, tags and the start of the
 * prompt, each weighted, with the facets as filters and the result fields as metadata. Every value is
 * escaped: it comes from untrusted files.
 */
export function searchRecord(input: SearchRecordInput): SearchRecord {
  const { agent } = input;
  const facets: AgentFacets = facetsOf({ ...agent, categoryLabel: input.categoryLabel, sourceLabel: input.sourceLabel });
  const filters = (Object.entries(facets) as [string, string | string[]][]).flatMap(([key, value]) =>
    ([] as string[]).concat(value).map((v) => `<span data-pagefind-filter="${key}">${escapeHtml(v)}</span>`),
  );
  const meta = Object.entries(searchMeta(input)).map(([key, value]) => `<span data-pagefind-meta="${key}">${escapeHtml(value)}</span>`);
  const tags = [...facets.skill, input.categoryLabel].join(', ');
  const html = [
    '<html lang="en"><head><title></title></head><body><main data-pagefind-body>',
    `<h1 data-pagefind-weight="${SEARCH_WEIGHTS.name}">${escapeHtml(nameWords(agent.name))}</h1>`,
    `<p data-pagefind-weight="${SEARCH_WEIGHTS.description}">${escapeHtml(agent.descriptionText)}</p>`,
    `<p data-pagefind-weight="${SEARCH_WEIGHTS.tags}">${escapeHtml(tags)}</p>`,
    `<p data-pagefind-weight="${SEARCH_WEIGHTS.prompt}">${escapeHtml(searchTextOf(agent.body))}</p>`,
    `<div hidden data-pagefind-ignore>${filters.join('')}${meta.join('')}</div>`,
    '</main></body></html>',
  ].join('');
  // Pagefind's parser refuses a lone surrogate (a YAML escape such as "\uD800" makes one), which would stop the build.
  return { url: input.url, html: html.toWellFormed() };
}
