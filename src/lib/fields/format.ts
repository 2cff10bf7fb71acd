/** What the Claude Code subagent format allows (see SPEC.md): its fields, their values and the name rule. */

/** Documented frontmatter fields. */
export const STANDARD_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'description',
  'tools',
  'disallowedTools',
  'model',
  'permissionMode',
  'maxTurns',
  'skills',
  'mcpServers',
  'hooks',
  'memory',
  'background',
  'effort',
  'isolation',
  'color',
  'initialPrompt',
  'omitClaudeMd',
  'experimental',
]);

/** Fields the catalogue itself documents and uses, which are therefore not flagged. */
export const CATALOGUE_FIELDS: ReadonlySet<string> = new Set(['tags', 'author']);

/** Fields Claude Code ignores for agents that ship inside a plugin. */
export const PLUGIN_IGNORED_FIELDS: ReadonlySet<string> = new Set(['permissionMode', 'mcpServers', 'hooks', 'color', 'initialPrompt']);

/** Allowed values of enumerated fields. */
export const FIELD_VALUES: ReadonlyMap<string, readonly string[]> = new Map([
  ['permissionMode', ['default', 'acceptEdits', 'auto', 'dontAsk', 'bypassPermissions', 'plan', 'manual']],
  ['color', ['red', 'blue', 'green', 'yellow', 'purple', 'orange', 'pink', 'cyan']],
  ['effort', ['low', 'medium', 'high', 'xhigh', 'max']],
  ['memory', ['user', 'project', 'local']],
  ['isolation', ['worktree']],
]);

/** Values outside FIELD_VALUES that Claude Code 2.1.332 reads all the same: an integer `effort`, `isolation: remote`. */
export const UNDOCUMENTED_VALUES: ReadonlyMap<string, (value: string) => boolean> = new Map([
  ['effort', (value: string) => /^\d+$/.test(value)],
  ['isolation', (value: string) => value === 'remote'],
]);

const VALID_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** True when a `name` follows the documented form: lowercase letters, digits and hyphens. */
export function isValidAgentName(name: string): boolean {
  return VALID_NAME.test(name);
}

/** Descriptions longer than this get a `description-long` note: past it, a description usually carries examples or a manual. */
export const LONG_DESCRIPTION_CHARS = 1000;

/** Rough token count of English text, for showing context cost (about four characters a token). */
export function approximateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
