/**
 * Hard limits on untrusted input. Each one is enforced by a named rule (its `rule` below), and
 * the README lists them with their values. Past a limit a file still gets a page wherever that is
 * safe (the value or prompt is cut, the raw download stays complete); otherwise it is skipped.
 */
export const LIMITS = {
  /** Files larger than this are skipped without being parsed. Rule `limit-file-size`. */
  fileBytes: 16 * 1024 * 1024,
  /** A frontmatter block larger than this is not parsed; the file is skipped. Rule `limit-frontmatter-size`. */
  frontmatterBytes: 64 * 1024,
  /** YAML values expanded through aliases are shown up to this many; the rest are shown empty. Rule `limit-yaml-expansion`. */
  yamlNodes: 10_000,
  /** YAML values nested deeper than this are shown empty. Rule `limit-yaml-depth`. */
  yamlDepth: 32,
  /** Frontmatter fields past this many are not shown. Rule `limit-frontmatter-keys`. */
  frontmatterKeys: 200,
  /** `description` longer than this is cut for display. Rule `limit-field-length`. */
  descriptionChars: 10_000,
  /** `name`, each tool, tag, skill, `category` and `model` longer than this is cut. Rule `limit-field-length`. */
  fieldChars: 256,
  /** Tools past this many are dropped. Rule `limit-list-length`. */
  tools: 200,
  /** Tags or skills past this many are dropped. Rule `limit-list-length`. */
  tags: 50,
  /** Prompts longer than this are shown as plain text, cut here. Rule `limit-prompt-size`. */
  promptBytes: 256 * 1024,
  /** Prompts nesting quotes or lists deeper than this are shown as plain text. Rule `limit-prompt-nesting`. */
  promptNesting: 32,
  /** Folders deeper than this below a source are not read. Rule `limit-folder-depth`. */
  folderDepth: 16,
  /** Entries past this many in one source are not read. Rule `limit-file-count`. */
  filesPerSource: 200_000,
  /** Slugs and ids in page paths are cut to this many characters, plus a short hash. Keeps every path under 255 bytes. */
  slugChars: 80,
} as const;

/** The README table of limits: rule id, value and what happens past it. */
export const LIMIT_TABLE: readonly { rule: string; value: string; past: string }[] = [
  { rule: 'limit-file-size', value: '16 MiB per file', past: 'skipped' },
  { rule: 'limit-frontmatter-size', value: '64 KiB of frontmatter', past: 'skipped' },
  {
    rule: 'limit-yaml-expansion',
    value: `${LIMITS.yamlNodes.toLocaleString('en')} YAML values after aliases`,
    past: 'the rest shown empty',
  },
  { rule: 'limit-yaml-depth', value: `${LIMITS.yamlDepth} levels of YAML nesting`, past: 'deeper values shown empty' },
  { rule: 'limit-frontmatter-keys', value: `${LIMITS.frontmatterKeys} frontmatter fields`, past: 'the rest not shown' },
  {
    rule: 'limit-field-length',
    value: `description ${LIMITS.descriptionChars.toLocaleString('en')} characters; name, tool, tag, skill, category, model ${LIMITS.fieldChars}`,
    past: 'cut',
  },
  { rule: 'limit-list-length', value: `${LIMITS.tools} tools, ${LIMITS.tags} tags or skills`, past: 'the rest dropped' },
  { rule: 'limit-prompt-size', value: '256 KiB of prompt', past: 'shown as plain text, cut' },
  { rule: 'limit-prompt-nesting', value: `${LIMITS.promptNesting} levels of quotes or lists`, past: 'shown as plain text' },
  { rule: 'limit-folder-depth', value: `${LIMITS.folderDepth} folder levels`, past: 'deeper folders not read' },
  { rule: 'limit-file-count', value: `${LIMITS.filesPerSource.toLocaleString('en')} entries per source`, past: 'the rest not read' },
  {
    rule: '(slugs)',
    value: `${LIMITS.slugChars} characters + a hash`,
    past: 'cut, with a hash to stay unique, so every path stays under 255 bytes',
  },
];
