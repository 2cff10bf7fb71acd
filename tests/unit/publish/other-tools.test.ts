import { load } from 'js-yaml';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, test } from 'vitest';
import { normaliseTools } from '../../../src/lib/fields/tools.ts';

const parseTools = (text: string) => normaliseTools(text);
import { agentFolders, installCommand } from '../../../src/lib/publish/install.ts';
import {
  exportAgent,
  exportName,
  exportSitePath,
  notCarriedBy,
  OTHER_TOOL_INFO,
  OTHER_TOOLS,
  tomlString,
  type ExportSource,
  type OtherTool,
} from '../../../src/lib/publish/other-tools.ts';
import { otherToolRows, otherToolSetRows } from '../../../src/lib/views/other-tools.ts';
import { powerShellProblems } from '../../support/powershell.ts';

const PROMPT = 'You review.\r\nLine "two" with \\ and """ and a\ttab.\n\n## End\n';

function source(more: { tools?: string; disallowed?: string; model?: string; fields?: Record<string, string> } = {}): ExportSource {
  const tools = more.tools === undefined ? { inheritsAll: true, tools: [] } : parseTools(more.tools);
  return {
    name: 'code-reviewer',
    slug: 'code-reviewer',
    description: 'Use when: a diff is ready. "Quoted" # not a comment',
    prompt: PROMPT,
    tools: { inheritsAll: tools.inheritsAll, tools: tools.tools },
    disallowedTools: more.disallowed ? parseTools(more.disallowed).tools : [],
    model: more.model
      ? { raw: more.model, family: 'sonnet', form: /^claude-/.test(more.model) ? 'id' : 'alias' }
      : { raw: undefined, family: 'unknown', form: 'default' },
    otherFields: Object.entries(more.fields ?? {}).map(([key, value]) => ({ key, value })),
  };
}

/** The file's fields and prompt, read back with well-kept parsers. */
function readBack(file: ReturnType<typeof exportAgent>): { fields: Record<string, unknown>; prompt: string } {
  if (file.tool === 'codex') {
    const { developer_instructions: prompt, ...fields } = parseToml(file.text) as Record<string, unknown>;
    return { fields, prompt: prompt as string };
  }
  const match = /^---\n([\s\S]*?)---\n([\s\S]*)$/.exec(file.text)!;
  return { fields: load(match[1]!) as Record<string, unknown>, prompt: match[2]! };
}

describe.each(OTHER_TOOLS)('%s', (tool) => {
  test('parses, and carries the prompt byte for byte and the description as it is', () => {
    const { fields, prompt } = readBack(exportAgent(source({ tools: 'Read, Bash(git diff *)', fields: { hooks: '{"Stop":[]}' } }), tool));
    expect(prompt).toBe(PROMPT);
    expect(fields['description']).toBe(source().description);
  });

  test('is named for the agent, in the tool’s project folder', () => {
    const file = exportAgent(source(), tool);
    expect(file.path).toBe(`${OTHER_TOOL_INFO[tool].project}/code-reviewer${OTHER_TOOL_INFO[tool].extension}`);
  });

  test('a name that is no plain slug becomes the slug, in the file name and in the file', () => {
    const file = exportAgent({ ...source(), name: '<img src=x>', slug: 'img-src-x' }, tool);
    expect(file.fileName).toBe(`img-src-x${OTHER_TOOL_INFO[tool].extension}`);
    expect(file.fileName).toMatch(/^[a-z0-9-]+\.[a-z.]+$/);
  });

  test.each([
    ['hooks', { fields: { hooks: '{"PreToolUse":[]}' } }, /^hooks/],
    ['permissionMode', { fields: { permissionMode: 'acceptEdits' } }, /^permissionMode: acceptEdits/],
    ['mcpServers', { fields: { mcpServers: '["github"]' } }, /^mcpServers/],
    ['a field of the catalogue’s own', { fields: { tags: 'review' } }, /^tags: review/],
  ])('%s is not carried, and says so on the page and in the file', (_, more, line) => {
    const file = exportAgent(source(more), tool);
    expect(file.notCarried.some((l) => line.test(l))).toBe(true);
    expect(file.text).toContain(`#   ${file.notCarried[file.notCarried.length - 1]!}`);
    // The comment is a comment: the file still parses, and holds no such key.
    expect(Object.keys(readBack(file).fields)).not.toContain(Object.keys(more.fields)[0]);
  });

  test('an install command in its folders, which never replaces a file', () => {
    const info = OTHER_TOOL_INFO[tool];
    const file = exportAgent(source(), tool);
    const command = installCommand(
      [{ url: 'https://x.test/a', fileName: file.fileName }],
      'project',
      'posix',
      agentFolders(info.user, info.project),
    );
    expect(command).toContain(`d=${info.project}; f="$d/${file.fileName}"; if [ -e "$f" ]; then echo "Kept`);
  });
});

/** Each tool's mapping table, row by row: the Claude Code side, and what the exported file holds. */
const ROWS: [OtherTool, string, Parameters<typeof source>[0], (fields: Record<string, unknown>, notCarried: string[]) => void][] = [
  ['copilot', 'name', {}, (f) => expect(f['name']).toBe('code-reviewer')],
  [
    'copilot',
    'tools as aliases',
    { tools: 'Read, Grep, Glob, Edit, Write, Bash, WebFetch, Agent, TaskCreate' },
    (f) => expect(f['tools']).toEqual(['read', 'search', 'edit', 'execute', 'web', 'agent', 'todo']),
  ],
  ['copilot', 'MCP tools as server/tool', { tools: 'mcp__github__get_issue' }, (f) => expect(f['tools']).toEqual(['github/get_issue'])],
  ['copilot', 'tools absent: every tool', {}, (f) => expect(f['tools']).toBeUndefined()],
  [
    'copilot',
    'Bash(pattern) is not carried',
    { tools: 'Bash(git diff *)' },
    (f, n) => {
      expect(f['tools']).toEqual(['execute']);
      expect(n).toContain('Bash(git diff *): Copilot has no command patterns, so execute runs any command');
    },
  ],
  [
    'copilot',
    'model is not carried',
    { model: 'opus' },
    (f, n) => {
      expect(f['model']).toBeUndefined();
      expect(n[0]).toMatch(/^model: opus/);
    },
  ],
  ['copilot', 'disallowedTools is not carried', { disallowed: 'Write' }, (_, n) => expect(n).toContain('disallowedTools: Write')],
  ['opencode', 'name is the file name, and no key', {}, (f) => expect(f['name']).toBeUndefined()],
  ['opencode', 'mode: subagent', {}, (f) => expect(f['mode']).toBe('subagent')],
  [
    'opencode',
    'a tool list without shell, edit, read or agents denies them',
    { tools: 'WebFetch' },
    (f) =>
      expect(f['permissions']).toEqual(['shell', 'edit', 'read', 'subagent'].map((action) => ({ action, resource: '*', effect: 'deny' }))),
  ],
  [
    'opencode',
    'Bash(pattern) is enforced: deny the shell, allow the pattern',
    { tools: 'Read, Edit, Agent, Bash(git diff *)' },
    (f, n) => {
      expect(f['permissions']).toEqual([
        { action: 'shell', resource: '*', effect: 'deny' },
        { action: 'shell', resource: 'git diff *', effect: 'allow' },
      ]);
      expect(n).toEqual([]);
    },
  ],
  [
    'opencode',
    'disallowedTools deny the same action',
    { disallowed: 'Bash(rm *), Write' },
    (f) =>
      expect(f['permissions']).toEqual([
        { action: 'shell', resource: 'rm *', effect: 'deny' },
        { action: 'edit', resource: '*', effect: 'deny' },
      ]),
  ],
  [
    'opencode',
    'a full model id is anthropic/<id>',
    { model: 'claude-sonnet-4-5-20250929' },
    (f) => expect(f['model']).toBe('anthropic/claude-sonnet-4-5-20250929'),
  ],
  [
    'opencode',
    'a model alias is not carried',
    { model: 'sonnet' },
    (f, n) => {
      expect(f['model']).toBeUndefined();
      expect(n[0]).toMatch(/^model: sonnet/);
    },
  ],
  ['codex', 'name and description', {}, (f) => expect(f['name']).toBe('code-reviewer')],
  ['codex', 'read-only tools: sandbox read-only', { tools: 'Read, Grep, Glob' }, (f) => expect(f['sandbox_mode']).toBe('read-only')],
  ['codex', 'tools that write: workspace-write', { tools: 'Read, Edit' }, (f) => expect(f['sandbox_mode']).toBe('workspace-write')],
  ['codex', 'the shell: workspace-write', { tools: 'Bash(git diff *)' }, (f) => expect(f['sandbox_mode']).toBe('workspace-write')],
  ['codex', 'tools absent: workspace-write, never full access', {}, (f) => expect(f['sandbox_mode']).toBe('workspace-write')],
  [
    'codex',
    'only the keys Codex knows',
    { tools: 'Read', model: 'opus', fields: { color: 'blue' } },
    (f, n) => {
      expect(Object.keys(f).sort()).toEqual(['description', 'name', 'sandbox_mode']);
      expect(n).toEqual([expect.stringMatching(/^model: opus/), expect.stringMatching(/^tools: Read/), 'color: blue']);
    },
  ],
  ['gemini', 'name as a slug', {}, (f) => expect(f['name']).toBe('code-reviewer')],
  [
    'gemini',
    'tools by Gemini’s names',
    { tools: 'Read, Write, Edit, Bash, Grep, Glob, LS, WebFetch, WebSearch' },
    (f) =>
      expect(f['tools']).toEqual([
        'read_file',
        'write_file',
        'replace',
        'run_shell_command',
        'grep_search',
        'glob',
        'list_directory',
        'web_fetch',
        'google_web_search',
      ]),
  ],
  [
    'gemini',
    'MCP tools as mcp_<server>_<tool>',
    { tools: 'mcp__github__get_issue' },
    (f) => expect(f['tools']).toEqual(['mcp_github_get_issue']),
  ],
  ['gemini', 'tools absent: ["*"]', {}, (f) => expect(f['tools']).toEqual(['*'])],
  [
    'gemini',
    'Agent is not carried',
    { tools: 'Read, Agent' },
    (f, n) => {
      expect(f['tools']).toEqual(['read_file']);
      expect(n).toContain('tools: Agent');
    },
  ],
  ['cursor', 'model absent: inherit', {}, (f) => expect(f['model']).toBe('inherit')],
  [
    'cursor',
    'another model is not carried',
    { model: 'haiku' },
    (f, n) => {
      expect(f['model']).toBeUndefined();
      expect(n[0]).toMatch(/^model: haiku/);
    },
  ],
  ['cursor', 'read-only tools: readonly', { tools: 'Read, Grep' }, (f) => expect(f['readonly']).toBe(true)],
  ['cursor', 'tools that write: not readonly', { tools: 'Read, Write' }, (f) => expect(f['readonly']).toBeUndefined()],
];

test.each(ROWS)('%s: %s', (tool, _, more, check) => {
  const file = exportAgent(source(more), tool);
  check(readBack(file).fields, file.notCarried);
});

test.each(OTHER_TOOLS)('every row of the %s mapping table has a case above', (tool) => {
  expect(ROWS.filter((r) => r[0] === tool).length).toBeGreaterThanOrEqual(OTHER_TOOL_INFO[tool].mapping.length);
});

test('exportName keeps a plain name and falls back to the slug', () => {
  expect([
    exportName({ name: 'a-b', slug: 'x' }),
    exportName({ name: 'A B', slug: 'a-b-2' }),
    exportName({ name: '../x', slug: '' }),
  ]).toEqual(['a-b', 'a-b-2', 'agent']);
});

test.each(['plain', 'quote " and \\ backslash', 'line\nbreak\r\n', '\u0000\u001f\u007f', 'emoji 🙂 and \u2028'])(
  'tomlString %j reads back exactly',
  (text) => {
    expect(parseToml(`v = ${tomlString(text)}`)['v']).toBe(text);
  },
);

describe('the rows the pages show', () => {
  const rows = otherToolRows(source({ tools: 'Read, Bash(git diff *)' }), (sitePath) => `/base/${sitePath}`, 'https://x.test');
  const setRows = otherToolSetRows(
    { sh: 'https://x.test/base/categories/core/install.sh', ps1: "https://x.test/it's/install.ps1" },
    'https://x.test/base/',
  );

  test.each(OTHER_TOOLS)('%s: an agent’s row downloads its file, installs it in either shell, and lists what is not carried', (tool) => {
    const row = rows.find((r) => r.tool === tool)!;
    const file = exportAgent(source({ tools: 'Read, Bash(git diff *)' }), tool);
    expect(row.download).toEqual({ href: `/base/${exportSitePath('code-reviewer', tool)}`, fileName: file.fileName });
    expect(row.notCarried).toEqual(file.notCarried);
    const folders = agentFolders(OTHER_TOOL_INFO[tool].user, OTHER_TOOL_INFO[tool].project);
    for (const shell of ['posix', 'powershell'] as const)
      expect(row.install[shell]).toBe(
        installCommand([{ url: `https://x.test${row.download!.href}`, fileName: file.fileName }], 'project', shell, folders),
      );
    expect(powerShellProblems(row.install.powershell)).toEqual([]);
    expect(row.install.powershell).toContain(`"${OTHER_TOOL_INFO[tool].project.replaceAll('/', '\\')}"`);
  });

  test.each(OTHER_TOOLS)('%s: a set’s row runs its install scripts with the tool named', (tool) => {
    const row = setRows.find((r) => r.tool === tool)!;
    expect(row.download).toBeUndefined();
    expect(row.install.posix).toBe(
      `curl -fsSL 'https://x.test/base/categories/core/install.sh' | sh -s -- --project --tool ${tool} --base 'https://x.test/base/'`,
    );
    expect(row.install.powershell).toBe(
      `& ([scriptblock]::Create((Invoke-RestMethod 'https://x.test/it''s/install.ps1'))) -Scope Project -Tool ${tool} -Base 'https://x.test/base/'`,
    );
    expect(powerShellProblems(row.install.powershell)).toEqual([]);
  });

  test('notCarriedBy lists what the file lists, without making it', () => {
    for (const tool of OTHER_TOOLS)
      expect(notCarriedBy(source({ fields: { hooks: '{}' } }), tool)).toEqual(
        exportAgent(source({ fields: { hooks: '{}' } }), tool).notCarried,
      );
  });
});
