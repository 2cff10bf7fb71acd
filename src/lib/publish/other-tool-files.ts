/**
 * Where each other tool reads agent files, and what the site names an agent's file for it: what the pages,
 * the bundle (in the browser) and the export need, without the formats themselves (other-tools.ts).
 */
import { slugify } from '../catalog/slugs.ts';

/** The tools an agent can be exported to. */
export const OTHER_TOOLS = ['copilot', 'opencode', 'codex', 'gemini', 'cursor'] as const;
export type OtherTool = (typeof OTHER_TOOLS)[number];

/** A tool's name, its project folder and its user folder (under the home folder), and its file extension. */
export interface OtherToolFolders {
  label: string;
  project: string;
  user: string;
  extension: string;
}

export const OTHER_TOOL_FOLDERS: Readonly<Record<OtherTool, OtherToolFolders>> = {
  copilot: { label: 'GitHub Copilot', project: '.github/agents', user: '.copilot/agents', extension: '.agent.md' },
  opencode: { label: 'OpenCode', project: '.opencode/agents', user: '.config/opencode/agents', extension: '.md' },
  codex: { label: 'Codex', project: '.codex/agents', user: '.codex/agents', extension: '.toml' },
  gemini: { label: 'Gemini CLI', project: '.gemini/agents', user: '.gemini/agents', extension: '.md' },
  cursor: { label: 'Cursor', project: '.cursor/agents', user: '.cursor/agents', extension: '.md' },
};

/** A name every tool takes as a file name and an id: the agent's own when it is a plain slug, else its slug. */
export function exportName(source: { name: string; slug: string }): string {
  return /^[a-z0-9][a-z0-9-]{0,99}$/.test(source.name) ? source.name : slugify(source.slug, 'agent');
}

/** The file name of an agent's file for `tool`, e.g. `code-reviewer.agent.md`. */
export function exportFileName(source: { name: string; slug: string }, tool: OtherTool): string {
  return `${exportName(source)}${OTHER_TOOL_FOLDERS[tool].extension}`;
}

/** What follows an agent's slug in the site path of its file for `tool`, e.g. `.copilot.md`. */
export function exportSiteSuffix(tool: OtherTool): string {
  return `.${tool}${tool === 'codex' ? '.toml' : '.md'}`;
}

/** Where the site publishes an agent's file for `tool`, relative to its base. */
export function exportSitePath(slug: string, tool: OtherTool): string {
  return `agents/${slug}${exportSiteSuffix(tool)}`;
}
