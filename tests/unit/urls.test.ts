import { describe, expect, test } from 'vitest';
import { createUrls, joinBase, sourceFileUrl } from '../../src/lib/urls.ts';
import { installCommands, safeFileName, shellQuote } from '../../src/lib/shell.ts';

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
  ['CSharpExpert', 'csharpexpert', 'CSharpExpert.md'],
  ['4.1-Beast', '4-1-beast', '4.1-Beast.md'],
  ['a; rm -rf ~', 'a-rm-rf', 'a-rm-rf.md'],
  ['../../etc/passwd', 'etc-passwd', 'etc-passwd.md'],
  ['<img src=x>', 'img-src-x', 'img-src-x.md'],
])('safeFileName(%j) is %j', (name, slug, file) => expect(safeFileName(name, slug)).toBe(file));

test.each([
  ['plain', "'plain'"],
  ["it's", "'it'\\''s'"],
  ['$(x) `y`', "'$(x) `y`'"],
])('shellQuote(%j)', (text, quoted) => expect(shellQuote(text)).toBe(quoted));

test('installCommands put the file in the project and the user folder', () => {
  expect(installCommands('https://x.test/agents/a.md', 'a.md')).toEqual({
    project: "mkdir -p .claude/agents && curl -fsSL 'https://x.test/agents/a.md' -o .claude/agents/a.md",
    user: "mkdir -p ~/.claude/agents && curl -fsSL 'https://x.test/agents/a.md' -o ~/.claude/agents/a.md",
  });
});

test.each([
  [undefined, 'a/b.md', undefined],
  ['https://github.com/o/r/blob/main/agents', 'core dev/a b.md', 'https://github.com/o/r/blob/main/agents/core%20dev/a%20b.md'],
])('sourceFileUrl(%j, %j)', (repository, rel, url) => expect(sourceFileUrl(repository, rel)).toBe(url));
