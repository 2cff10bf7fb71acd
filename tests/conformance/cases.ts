/**
 * What Claude Code does with one file, case by case: the questions its loader answers, each written as a file
 * and what the release of CLAUDE_CODE_VERSION did with it (measured by the conformance suite, which runs it).
 * `loads` is the name it lists the agent under, or false when it skips the file.
 */
export interface LoaderCase {
  /** Path inside `.claude/agents/`. */
  file: string;
  text: string;
  loads: string | false;
  /** What the case shows. */
  why: string;
}

const agent = (name: string, ...lines: string[]) => `---\nname: ${name}\n${lines.join('\n')}\n---\nThe prompt.\n`;

export const LOADER_CASES: readonly LoaderCase[] = [
  // Where the frontmatter is.
  { file: 'fm-plain.md', text: agent('fm-plain', 'description: A plain file.'), loads: 'fm-plain', why: 'the usual form' },
  {
    file: 'fm-crlf.md',
    text: '---\r\nname: fm-crlf\r\ndescription: CRLF line endings.\r\n---\r\nThe prompt.\r\n',
    loads: 'fm-crlf',
    why: 'CRLF line endings',
  },
  {
    file: 'fm-bom.md',
    text: '\uFEFF---\nname: fm-bom\ndescription: A byte order mark first.\n---\nThe prompt.\n',
    loads: 'fm-bom',
    why: 'a BOM before the first ---',
  },
  {
    file: 'fm-no-final-newline.md',
    text: '---\nname: fm-no-final-newline\ndescription: No final newline.\n---',
    loads: 'fm-no-final-newline',
    why: 'nothing after the closing ---',
  },
  {
    file: 'fm-opener-space.md',
    text: '--- \nname: fm-opener-space\ndescription: Spaces after the opening dashes.\n---\nThe prompt.\n',
    loads: 'fm-opener-space',
    why: 'spaces after the opening ---',
  },
  {
    file: 'fm-closer-indented.md',
    text: '---\nname: fm-closer-indented\ndescription: An indented closing line.\n  ---\nThe prompt.\n',
    loads: 'fm-closer-indented',
    why: 'the block ends at the first --- anywhere',
  },
  {
    file: 'fm-closer-text.md',
    text: '---\nname: fm-closer-text\ndescription: Text after the closing dashes.\n---more\nThe prompt.\n',
    loads: 'fm-closer-text',
    why: 'a --- followed by text still ends the block',
  },
  {
    file: 'fm-cut-in-value.md',
    text: '---\nname: fm-cut-in-value\ndescription: Use --- as a separator\ntools: Read\n---\nThe prompt.\n',
    loads: 'fm-cut-in-value',
    why: 'a --- inside a value ends the block there, and tools is lost',
  },
  {
    file: 'fm-four-dashes.md',
    text: '----\nname: fm-four-dashes\ndescription: Four dashes.\n----\nThe prompt.\n',
    loads: false,
    why: '---- is not an opening line',
  },
  {
    file: 'fm-opener-word.md',
    text: '---yaml\nname: fm-opener-word\ndescription: A word after the dashes.\n---\nThe prompt.\n',
    loads: false,
    why: '---yaml is not an opening line',
  },
  {
    file: 'fm-dots.md',
    text: '---\nname: fm-dots\ndescription: Closed by dots.\n...\nThe prompt.\n',
    loads: false,
    why: '... does not close the block',
  },
  {
    file: 'fm-indented.md',
    text: '  ---\n  name: fm-indented\n  description: An indented block.\n  ---\nThe prompt.\n',
    loads: false,
    why: 'an indented block is not seen',
  },
  {
    file: 'fm-blank-first.md',
    text: '\n---\nname: fm-blank-first\ndescription: A blank line first.\n---\nThe prompt.\n',
    loads: false,
    why: 'a blank line before the block hides it',
  },
  {
    file: 'fm-unclosed.md',
    text: '---\nname: fm-unclosed\ndescription: Never closed.\nThe prompt.\n',
    loads: false,
    why: 'no closing ---',
  },
  { file: 'fm-none.md', text: 'name: fm-none\ndescription: No dashes at all.\n', loads: false, why: 'no frontmatter' },

  // YAML that does not parse, and Claude Code's second reading with values quoted.
  {
    file: 'yaml-colon.md',
    text: agent('yaml-colon', 'description: Use when: a colon follows.'),
    loads: 'yaml-colon',
    why: 'an unquoted ": " is quoted and read',
  },
  {
    file: 'yaml-star.md',
    text: agent('yaml-star', 'description: *bold* claims'),
    loads: 'yaml-star',
    why: 'a value starting with * is quoted and read',
  },
  {
    file: 'yaml-comment-kept.md',
    text: agent('yaml-comment-kept', 'description: Use when: x # not a comment now'),
    loads: 'yaml-comment-kept',
    why: 'once quoted, a # is part of the value',
  },
  {
    file: 'yaml-flow-open.md',
    text: agent('yaml-flow-open', 'description: Flow list left open.', 'tools: [Read, Grep'),
    loads: 'yaml-flow-open',
    why: 'an unclosed [ becomes a tool name',
  },
  {
    file: 'yaml-crlf-colon.md',
    text: '---\r\nname: yaml-crlf-colon\r\ndescription: Use when: CRLF and a colon.\r\n---\r\nThe prompt.\r\n',
    loads: false,
    why: 'with CRLF the second reading quotes nothing',
  },
  {
    file: 'yaml-tab.md',
    text: agent('yaml-tab', 'description: A tab-indented line.', '\tindented: x'),
    loads: false,
    why: 'a tab-indented line that does not belong to a value',
  },
  {
    file: 'yaml-unterminated.md',
    text: agent('yaml-unterminated', 'description: "never closed'),
    loads: false,
    why: 'an unterminated quote',
  },
  {
    file: 'yaml-quoted-then-text.md',
    text: agent('yaml-quoted-then-text', 'description: "quoted" then text'),
    loads: false,
    why: 'text after a closing quote',
  },
  {
    file: 'yaml-colon-at-end.md',
    text: agent('yaml-colon-at-end', 'description: a value that ends with a colon:'),
    loads: false,
    why: 'a colon at the end is no ": ", so the second reading does not quote it',
  },
  {
    file: 'yaml-continued-key.md',
    text: agent('yaml-continued-key', 'description: x: y', '  continued: here'),
    loads: false,
    why: 'an indented key: value under a value',
  },
  {
    file: 'yaml-stray-line.md',
    text: agent('yaml-stray-line', 'description: x: y', 'a stray line'),
    loads: false,
    why: 'a line that is no key: value',
  },
  {
    file: 'yaml-repeated-key.md',
    text: agent('yaml-repeated-key', 'description: The first value.', 'description: The last value.'),
    loads: 'yaml-repeated-key',
    why: 'a repeated key keeps its last value',
  },
  {
    file: 'yaml-anchor.md',
    text: agent('yaml-anchor', 'description: &d Anchored text.', 'other: *d'),
    loads: 'yaml-anchor',
    why: 'anchors and aliases are read',
  },
  {
    file: 'yaml-cycle.md',
    text: agent('yaml-cycle', 'description: A value that contains itself.', 'x: &a [*a]'),
    loads: 'yaml-cycle',
    why: 'a cyclic alias elsewhere does not stop the file',
  },
  {
    file: 'yaml-merge.md',
    text: '---\nname: yaml-merge\nbase: &b {description: From a merge key.}\n<<: *b\n---\nThe prompt.\n',
    loads: 'yaml-merge',
    why: 'merge keys are read',
  },
  {
    file: 'yaml-tag.md',
    text: agent('yaml-tag', 'description: !custom A tag is dropped.'),
    loads: 'yaml-tag',
    why: 'an unknown tag is read as if absent',
  },
  { file: 'yaml-date.md', text: agent('yaml-date', 'description: 2024-01-01 10:00:00'), loads: 'yaml-date', why: 'a timestamp stays text' },
  {
    file: 'yaml-deep.md',
    text: agent('yaml-deep', 'description: Deep nesting elsewhere.', `x: ${'['.repeat(40)}${']'.repeat(40)}`),
    loads: 'yaml-deep',
    why: 'deep nesting is read',
  },
  {
    file: 'yaml-list-document.md',
    text: '---\n- name: yaml-list-document\n- description: A list, not a mapping.\n---\nThe prompt.\n',
    loads: false,
    why: 'frontmatter that is a list has no name',
  },

  // name and description.
  { file: 'name-missing.md', text: '---\ndescription: No name.\n---\nThe prompt.\n', loads: false, why: 'no name' },
  { file: 'name-empty.md', text: agent('""', 'description: An empty name.'), loads: false, why: 'an empty name' },
  { file: 'name-number.md', text: agent('12345', 'description: A number as the name.'), loads: false, why: 'a name that is a number' },
  { file: 'name-list.md', text: agent('[name-list]', 'description: A list as the name.'), loads: false, why: 'a name that is a list' },
  {
    file: 'name-file-differs.md',
    text: agent('name-other-than-file', 'description: The name is not the file name.'),
    loads: 'name-other-than-file',
    why: 'the name, not the file name, counts',
  },
  { file: 'name-upper.md', text: agent('NameUpper', 'description: Upper-case letters.'), loads: 'NameUpper', why: 'any case is accepted' },
  {
    file: 'name-spaced.md',
    text: agent('name with spaces', 'description: Spaces inside.'),
    loads: 'name with spaces',
    why: 'spaces inside are accepted',
  },
  {
    file: 'name-padded.md',
    text: agent('"  name-padded  "', 'description: Spaces around.'),
    loads: '  name-padded  ',
    why: 'spaces around are kept',
  },
  {
    file: 'name-colon.md',
    text: agent('"name:scoped"', 'description: A colon.'),
    loads: false,
    why: 'a colon is reserved for plugin scopes',
  },
  {
    file: 'name-fullwidth-colon.md',
    text: agent('name\uFF1Afullwidth', 'description: A full-width colon.'),
    loads: false,
    why: 'a character that NFKC reads as a colon',
  },
  { file: 'name-dash.md', text: agent('"-name-dash"', 'description: A leading dash.'), loads: false, why: 'a leading dash' },
  {
    file: 'name-256.md',
    text: agent(`n256-${'x'.repeat(251)}`, 'description: 256 characters.'),
    loads: `n256-${'x'.repeat(251)}`,
    why: 'a name of 256 characters',
  },
  {
    file: 'name-257.md',
    text: agent(`n257-${'x'.repeat(252)}`, 'description: 257 characters.'),
    loads: false,
    why: 'a name over 256 characters',
  },
  {
    file: 'name-lone-surrogate.md',
    text: agent('"lone\\uDFFF"', 'description: A lone surrogate in the name.'),
    loads: false,
    why: 'a lone surrogate in the name',
  },
  {
    file: 'desc-lone-surrogate.md',
    text: agent('desc-lone-surrogate', 'description: "half a character \\uD800 here"'),
    loads: false,
    why: 'a lone surrogate in the description',
  },
  {
    file: 'tags-lone-surrogate.md',
    text: agent('tags-lone-surrogate', 'description: A lone surrogate elsewhere.', 'tags: ["x\\uD83D"]'),
    loads: 'tags-lone-surrogate',
    why: 'a lone surrogate in another field does not stop the file',
  },
  {
    file: 'name-control.md',
    text: agent('"name\\x01control"', 'description: "a control \\x1b character"'),
    loads: 'name\u0001control',
    why: 'control characters are kept',
  },
  {
    file: 'name-lookalike.md',
    text: agent('c\u043Ede-reviewer', 'description: A Cyrillic o.'),
    loads: 'c\u043Ede-reviewer',
    why: 'a look-alike name is another name',
  },
  { file: 'desc-missing.md', text: '---\nname: desc-missing\n---\nThe prompt.\n', loads: false, why: 'no description' },
  { file: 'desc-empty.md', text: agent('desc-empty', 'description:'), loads: false, why: 'an empty description' },
  { file: 'desc-number.md', text: agent('desc-number', 'description: 42'), loads: false, why: 'a description that is a number' },
  { file: 'desc-bool.md', text: agent('desc-bool', 'description: true'), loads: false, why: 'a description that is true' },
  {
    file: 'desc-spaces.md',
    text: agent('desc-spaces', 'description: "   "'),
    loads: 'desc-spaces',
    why: 'a description of spaces only is accepted',
  },
  {
    file: 'desc-block.md',
    text: agent('desc-block', 'description: |', '  First line.', '  Second line.'),
    loads: 'desc-block',
    why: 'a block scalar keeps its line breaks',
  },
  {
    file: 'desc-escaped-newline.md',
    text: agent('desc-escaped-newline', 'description: First part.\\nSecond part.'),
    loads: 'desc-escaped-newline',
    why: 'a written-out \\n becomes a line break',
  },

  // tools.
  {
    file: 'tools-list.md',
    text: agent('tools-list', 'description: Tools as a list.', 'tools:', '  - Read', '  - Grep'),
    loads: 'tools-list',
    why: 'a YAML list',
  },
  {
    file: 'tools-spaces.md',
    text: agent('tools-spaces', 'description: Tools split at spaces.', 'tools: Read Grep Bash(git diff *)'),
    loads: 'tools-spaces',
    why: 'spaces separate tools outside parentheses',
  },
  {
    file: 'tools-star.md',
    text: agent('tools-star', 'description: A star.', 'tools: "*"'),
    loads: 'tools-star',
    why: '* means every tool',
  },
  {
    file: 'tools-empty-list.md',
    text: agent('tools-empty-list', 'description: An empty list.', 'tools: []'),
    loads: 'tools-empty-list',
    why: 'listed as All tools, though the agent gets none',
  },
  {
    file: 'tools-blank.md',
    text: agent('tools-blank', 'description: Nothing after tools.', 'tools:'),
    loads: 'tools-blank',
    why: 'tools with no value',
  },
  {
    file: 'tools-number.md',
    text: agent('tools-number', 'description: A number.', 'tools: 5'),
    loads: 'tools-number',
    why: 'a value that is not text gives no tools',
  },
  {
    file: 'tools-mixed.md',
    text: agent('tools-mixed', 'description: Entries that are not text.', 'tools: [Read, 5, {a: b}, Grep]'),
    loads: 'tools-mixed',
    why: 'entries that are not text are dropped',
  },
  {
    file: 'tools-unknown.md',
    text: agent('tools-unknown', 'description: Names from other tools.', 'tools: Read, pytest, edit/editFiles, codebase'),
    loads: 'tools-unknown',
    why: 'unknown names are kept as written',
  },
  {
    file: 'tools-agent-list.md',
    text: agent('tools-agent-list', 'description: Agent with names.', 'tools: Agent(worker, researcher), Task, Read'),
    loads: 'tools-agent-list',
    why: 'Agent(...) and Task are listed as written',
  },
  {
    file: 'tools-mcp.md',
    text: agent('tools-mcp', 'description: MCP names.', 'tools: mcp__github__get_issue, mcp__github, mcp__x__*, mcp_bad'),
    loads: 'tools-mcp',
    why: 'MCP names',
  },
  {
    file: 'tools-repeated.md',
    text: agent('tools-repeated', 'description: A tool twice.', 'tools: Read, Grep, Read'),
    loads: 'tools-repeated',
    why: 'repeats are listed twice',
  },
  {
    file: 'tools-disallowed.md',
    text: agent('tools-disallowed', 'description: A denylist.', 'disallowedTools: Bash, Write'),
    loads: 'tools-disallowed',
    why: 'All tools except …',
  },
  {
    file: 'tools-both.md',
    text: agent('tools-both', 'description: Both lists.', 'tools: Read, Bash, Write', 'disallowedTools: Bash'),
    loads: 'tools-both',
    why: 'the denylist is taken from the allowlist',
  },
  {
    file: 'tools-memory.md',
    text: agent('tools-memory', 'description: Memory adds tools.', 'tools: Grep', 'memory: project'),
    loads: 'tools-memory',
    why: 'memory adds Write, Edit and Read',
  },

  // hooks.
  {
    file: 'hooks-documented.md',
    text: agent(
      'hooks-documented',
      'description: Hooks as documented.',
      'hooks:',
      '  PreToolUse:',
      '    - matcher: Bash',
      '      hooks:',
      '        - type: command',
      '          command: ./check.sh',
    ),
    loads: 'hooks-documented',
    why: 'the documented shape',
  },
  {
    file: 'hooks-flat-list.md',
    text: agent('hooks-flat-list', 'description: A flat list of commands.', 'hooks:', '  - command: echo hi'),
    loads: false,
    why: 'a list where the event map belongs',
  },
  {
    file: 'hooks-matcher.md',
    text: agent(
      'hooks-matcher',
      'description: A single matcher.',
      'hooks:',
      '  matcher: Bash',
      '  hooks:',
      '    - type: command',
      '      command: echo',
    ),
    loads: false,
    why: 'a matcher where the event map belongs',
  },
  {
    file: 'hooks-string.md',
    text: agent('hooks-string', 'description: Hooks as text.', 'hooks: echo hi'),
    loads: false,
    why: 'hooks that are text',
  },
  {
    file: 'hooks-top-level.md',
    text: agent(
      'hooks-top-level',
      'description: PreToolUse outside hooks.',
      'PreToolUse:',
      '  - matcher: Bash',
      '    hooks:',
      '      - type: command',
      '        command: echo',
    ),
    loads: false,
    why: 'guard hooks outside hooks:',
  },
  {
    file: 'hooks-unknown-event.md',
    text: agent(
      'hooks-unknown-event',
      'description: An unknown event.',
      'hooks:',
      '  NotAnEvent:',
      '    - hooks:',
      '        - type: command',
      '          command: echo',
    ),
    loads: 'hooks-unknown-event',
    why: 'an unknown event is dropped',
  },
  {
    file: 'hooks-bad-post.md',
    text: agent(
      'hooks-bad-post',
      'description: A broken PostToolUse entry.',
      'hooks:',
      '  PostToolUse:',
      '    - hooks:',
      '        - type: nope',
    ),
    loads: 'hooks-bad-post',
    why: 'a broken entry of another event is dropped',
  },
  {
    file: 'hooks-bad-pre.md',
    text: agent(
      'hooks-bad-pre',
      'description: A broken PreToolUse entry.',
      'hooks:',
      '  PreToolUse:',
      '    - hooks:',
      '        - type: nope',
    ),
    loads: false,
    why: 'a broken guard hook drops the agent',
  },
  {
    file: 'hooks-pre-no-command.md',
    text: agent(
      'hooks-pre-no-command',
      'description: A command hook without a command.',
      'hooks:',
      '  PreToolUse:',
      '    - matcher: Bash',
      '      hooks:',
      '        - type: command',
    ),
    loads: false,
    why: 'a command hook needs command',
  },

  // Other fields do not stop a file.
  {
    file: 'fields-odd-values.md',
    text: agent(
      'fields-odd-values',
      'description: Values outside the documented sets.',
      'model: Claude Sonnet 4.5',
      'color: magenta',
      'permissionMode: nope',
      'effort: 3',
      'isolation: remote',
      'maxTurns: many',
      'skills: one',
    ),
    loads: 'fields-odd-values',
    why: 'bad values are ignored, not fatal',
  },
  {
    file: 'fields-mcp-inline.md',
    text: agent(
      'fields-mcp-inline',
      'description: An inline MCP server.',
      'mcpServers:',
      '  - local:',
      '      command: sh',
      '      args: ["-c", "echo"]',
    ),
    loads: 'fields-mcp-inline',
    why: 'inline MCP servers',
  },

  // Files.
  {
    file: 'sub/folder/nested.md',
    text: agent('nested-folder', 'description: In a subfolder.'),
    loads: 'nested-folder',
    why: 'subfolders are read',
  },
  {
    file: 'upper-extension.MD',
    text: agent('upper-extension', 'description: An upper-case extension.'),
    loads: false,
    why: 'only .md in lower case is read',
  },
  {
    file: 'too-large.md',
    text: `${agent('too-large', 'description: Over one MiB.')}${'x'.repeat(1024 * 1024)}\n`,
    loads: false,
    why: 'files over 1 MiB are not read',
  },
  {
    file: 'just-under.md',
    text: `${agent('just-under', 'description: Just under one MiB.')}${'x'.repeat(1024 * 1024 - 200)}\n`,
    loads: 'just-under',
    why: 'a file of nearly 1 MiB is read',
  },
];
