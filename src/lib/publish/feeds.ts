import { escapeHtml } from '../text/markdown.ts';
import type { AgentRecord } from './open-data.ts';
import { visibleName, withoutHiddenCharacters, xmlSafe } from '../text/unicode.ts';

/**
 * Text for one line of Markdown that can only be read as text: hidden characters removed, whitespace collapsed,
 * and every character that makes Markdown inside a line (links, emphasis, code, HTML) escaped, so a name or
 * description from a file can never become a link to somewhere else. It never starts a line, so list and heading
 * marks need no escape.
 */
export function markdownText(text: string): string {
  return withoutHiddenCharacters(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_{}[\]()<>~]/g, (char) => `\\${char}`);
}

/** How many agents the Atom feed carries: the newest ones. */
export const FEED_ENTRIES = 100;

/** The site's title, as feeds and metadata name it. */
export const SITE_TITLE = 'Subagent Catalog';

/**
 * `llms.txt` (llmstxt.org): a title, a summary, then one section per category listing each agent's
 * raw file with its summary line. The full variant carries every description instead.
 */
export function llmsTxt(records: readonly AgentRecord[], options: { full: boolean }): string {
  const byCategory = new Map<string, AgentRecord[]>();
  for (const record of records) {
    const group = byCategory.get(record.category.label);
    if (group) group.push(record);
    else byCategory.set(record.category.label, [record]);
  }
  const lines = [
    `# ${SITE_TITLE}`,
    '',
    `> ${records.length} Claude Code subagents. Each link is the agent file byte for byte: save it in .claude/agents/ (one project) or ~/.claude/agents/ (every project).`,
    '',
    options.full
      ? 'Every agent with its full description.'
      : `Each agent with its summary; ${SITE_TITLE} also publishes llms-full.txt with every full description, and agents.json with every field.`,
  ];
  for (const [label, group] of [...byCategory].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    lines.push('', `## ${markdownText(label)}`, '');
    for (const r of group)
      lines.push(`- [${markdownText(visibleName(r.name))}](${r.rawUrl}): ${markdownText(options.full ? r.description : r.summary)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** An agent with the date its file last changed, from git. */
export interface DatedRecord {
  record: AgentRecord;
  updated: string;
}

/**
 * An Atom feed of the newest agents by the date git gives for their files. Sources that are not in git
 * have no dates: the feed names them instead of inventing any, and leaves their agents out. The feed's own
 * date is its newest entry's, so two builds of the same input give the same bytes.
 */
export function atomFeed(
  dated: readonly DatedRecord[],
  options: { siteUrl: string; feedUrl: string; undatedSources: readonly string[] },
): string {
  const newest = [...dated]
    .sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : a.record.slug < b.record.slug ? -1 : 1))
    .slice(0, FEED_ENTRIES);
  const updated = newest[0]?.updated ?? '1970-01-01T00:00:00Z';
  const subtitle =
    options.undatedSources.length > 0
      ? `Newest agents first. No dates for ${options.undatedSources.join(', ')}: not in git, so not listed here.`
      : 'Newest agents first, by the date their files last changed in git.';
  const entry = ({ record, updated: when }: DatedRecord) =>
    [
      '  <entry>',
      `    <title>${escapeHtml(visibleName(record.name))}</title>`,
      `    <id>tag:subagent-catalog,2026:agent:${escapeHtml(record.slug)}</id>`,
      `    <link href="${escapeHtml(record.url)}"/>`,
      `    <link rel="alternate" type="text/markdown" href="${escapeHtml(record.rawUrl)}"/>`,
      `    <updated>${when}</updated>`,
      `    <category term="${escapeHtml(record.category.label)}"/>`,
      `    <summary>${escapeHtml(record.description)}</summary>`,
      '  </entry>',
    ].join('\n');
  const feed = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${SITE_TITLE}</title>`,
    `  <subtitle>${escapeHtml(subtitle)}</subtitle>`,
    '  <id>tag:subagent-catalog,2026:feed</id>',
    `  <link href="${escapeHtml(options.siteUrl)}"/>`,
    `  <link rel="self" href="${escapeHtml(options.feedUrl)}"/>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${SITE_TITLE}</name></author>`,
    ...newest.map(entry),
    '</feed>',
    '',
  ].join('\n');
  // One control character or lone surrogate from a file would make the whole feed ill-formed, and readers drop it all.
  return xmlSafe(feed);
}

/** `robots.txt`: everything may be crawled; the sitemap is named when the site's address is known. */
export function robotsTxt(sitemapUrl: string | undefined): string {
  return `User-agent: *\nAllow: /\n${sitemapUrl ? `\nSitemap: ${sitemapUrl}\n` : ''}`;
}
