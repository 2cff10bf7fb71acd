import { describe, expect, test } from 'vitest';
import { createUrls, joinBase, sourceFileUrl } from '../../src/lib/urls.ts';
import { commandTable, installCommand, powerShellQuote, removeCommand, safeFileName, shellQuote } from '../../src/lib/install.ts';

test.each([
  ['/', '/agents/x/', '/agents/x/'],
  ['/catalog/', '/agents/x/', '/catalog/agents/x/'],
  ['/catalog', 'agents/x.md', '/catalog/agents/x.md'],
  ['/catalog/', '/', '/catalog/'],
])('joinBase(%j, %j)', (base, path, url) => expect(joinBase(base, path)).toBe(url));

describe('createUrls', () => {
  const urls = createUrls('/sub/');
  test.each([
    [urls.home(), '/sub/'],
    [urls.category('data-ai'), '/sub/categories/data-ai/'],
    [urls.agent('a--b'), '/sub/agents/a--b/'],
    [urls.raw('a--b'), '/sub/agents/a--b.md'],
    [urls.tool('bash'), '/sub/tools/bash/'],
    [urls.skill('sql'), '/sub/skills/sql/'],
    [urls.model('haiku'), '/sub/models/haiku/'],
    [urls.search('?q=x'), '/sub/search/?q=x'],
    [urls.pagefind(), '/sub/pagefind/pagefind.js'],
  ])('%s is %s', (actual, expected) => expect(actual).toBe(expected));
});

test.each([
  ['code-reviewer', 'code-reviewer', 'code-reviewer.md'],
  ['x'.repeat(150), 'x-slug', 'x-slug.md'],
  ['dot.', 'dot', 'dot.md'],
  ['CSharpExpert', 'csharpexpert', 'CSharpExpert.md'],
  ['4.1-Beast', '4-1-beast', '4.1-Beast.md'],
  ['a; rm -rf ~', 'a-rm-rf', 'a-rm-rf.md'],
  ['../../etc/passwd', 'etc-passwd', 'etc-passwd.md'],
  ['<img src=x>', 'img-src-x', 'img-src-x.md'],
  ['CON', 'con-agent', 'con-agent.md'],
  ['aux', 'aux-agent', 'aux-agent.md'],
  ['nul.x', 'nul-x', 'nul-x.md'],
  ['com1', 'com1-agent', 'com1-agent.md'],
  ['LPT9', 'lpt9-agent', 'lpt9-agent.md'],
  ['con.txt', 'con-txt', 'con-txt.md'],
  ['a"b*c|d:e', 'a-b-c-d-e', 'a-b-c-d-e.md'],
  ['console', 'console', 'console.md'],
])('safeFileName(%j) is %j, a name Linux, macOS and Windows can all hold', (name, slug, file) => expect(safeFileName(name, slug)).toBe(file));

test.each([
  ['plain', "'plain'"],
  ["it's", "'it'\\''s'"],
  ['$(x) `y`', "'$(x) `y`'"],
])('shellQuote(%j)', (text, quoted) => expect(shellQuote(text)).toBe(quoted));

test.each([
  ['plain', "'plain'"],
  ["it's", "'it''s'"],
  ['$(x)', "'$(x)'"],
])('powerShellQuote(%j)', (text, quoted) => expect(powerShellQuote(text)).toBe(quoted));

describe('install and remove commands', () => {
  const one = [{ url: 'https://x.test/agents/a.md', fileName: 'a.md' }];
  const two = [...one, { url: "https://x.test/it's/b.md", fileName: 'b.md' }];
  test.each([
    [one, 'user', 'posix', "curl -fsSL --create-dirs -o ~/.claude/agents/a.md 'https://x.test/agents/a.md'"],
    [one, 'project', 'posix', "curl -fsSL --create-dirs -o .claude/agents/a.md 'https://x.test/agents/a.md'"],
    [two, 'user', 'posix', "curl -fsSL --create-dirs -o ~/.claude/agents/a.md 'https://x.test/agents/a.md' -o ~/.claude/agents/b.md 'https://x.test/it'\\''s/b.md'"],
    [one, 'project', 'powershell', `$d = ".claude\\agents"; New-Item -ItemType Directory -Force $d | Out-Null; @(@('https://x.test/agents/a.md','a.md')) | ForEach-Object { Invoke-WebRequest -Uri $_[0] -OutFile (Join-Path $d $_[1]) }`],
  ] as const)('installCommand(%j, %s, %s)', (items, scope, shell, command) => expect(installCommand(items, scope, shell)).toBe(command));

  test.each([
    [two, 'user', 'posix', 'rm -f ~/.claude/agents/a.md ~/.claude/agents/b.md'],
    [one, 'user', 'powershell', 'Remove-Item -ErrorAction SilentlyContinue "$HOME\\.claude\\agents\\a.md"'],
  ] as const)('removeCommand(%j, %s, %s)', (items, scope, shell, command) => expect(removeCommand(items, scope, shell)).toBe(command));

  test('the command table offers both scopes in both shells', () => {
    const table = commandTable(one);
    expect(Object.keys(table)).toEqual(['posix', 'powershell']);
    for (const shell of ['posix', 'powershell'] as const) expect(Object.keys(table[shell])).toEqual(['user', 'project']);
  });
});

test.each([
  [undefined, 'a/b.md', undefined],
  ['https://github.com/o/r/blob/main/agents', 'core dev/a b.md', 'https://github.com/o/r/blob/main/agents/core%20dev/a%20b.md'],
])('sourceFileUrl(%j, %j)', (repository, rel, url) => expect(sourceFileUrl(repository, rel)).toBe(url));
