import { describe, expect, test } from 'vitest';
import { createUrls, joinBase, sourceFileUrl } from '../../../src/lib/views/urls.ts';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  commandTable,
  installCommand,
  powerShellQuote,
  removeCommand,
  safeFileName,
  shellQuote,
  type InstallItem,
} from '../../../src/lib/publish/install.ts';
import { powerShellProblems } from '../../support/powershell.ts';

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
])('safeFileName(%j) is %j, a name Linux, macOS and Windows can all hold', (name, slug, file) =>
  expect(safeFileName(name, slug)).toBe(file),
);

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
  const item = (fileName: string, text: string) => ({ fileName, text, sha256: createHash('sha256').update(text).digest('hex') });

  /** Serves files as file:// URLs, so curl downloads them with no network. */
  function published(...files: ReturnType<typeof item>[]): InstallItem[] {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'published-'));
    return files.map((f) => {
      writeFileSync(path.join(dir, f.fileName), f.text);
      return { url: pathToFileURL(path.join(dir, f.fileName)).href, fileName: f.fileName, sha256: f.sha256 };
    });
  }

  test.each(['sh', 'bash'])(
    'in %s, installing keeps a file of the same name that is already there, and removing deletes only what the site published',
    (shell) => {
      const home = mkdtempSync(path.join(os.tmpdir(), 'home-'));
      const folder = path.join(home, '.claude/agents');
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, 'ai-engineer.md'), 'my own agent\n');
      const items = published(item('ai-engineer.md', 'the site’s agent\n'), item('code-reviewer.md', 'a reviewer\n'));
      const run = (command: string) =>
        execFileSync(shell, ['-c', command], { cwd: home, env: { ...process.env, HOME: home }, encoding: 'utf8' });
      const installed = run(installCommand(items, 'user', 'posix'));
      expect(installed).toContain(`Kept ${home}/.claude/agents/ai-engineer.md: a file of that name is already there`);
      expect(readFileSync(path.join(folder, 'ai-engineer.md'), 'utf8')).toBe('my own agent\n');
      expect(readFileSync(path.join(folder, 'code-reviewer.md'), 'utf8')).toBe('a reviewer\n');
      expect(readdirSync(folder).sort()).toEqual(['ai-engineer.md', 'code-reviewer.md']);
      const removed = run(removeCommand(items, 'user', 'posix'));
      expect(removed).toContain('Left');
      expect(readdirSync(folder)).toEqual(['ai-engineer.md']);
      expect(readFileSync(path.join(folder, 'ai-engineer.md'), 'utf8')).toBe('my own agent\n');
      // The project scope writes below the current folder.
      run(installCommand(items.slice(1), 'project', 'posix'));
      expect(readdirSync(path.join(home, '.claude/agents'))).toContain('code-reviewer.md');
      rmSync(home, { recursive: true, force: true });
    },
  );

  test.each(['sh', 'bash'])(
    'in %s, the one-agent command keeps the user’s file, installs once it is gone, and removes only its own bytes',
    (shell) => {
      const home = mkdtempSync(path.join(os.tmpdir(), 'home-'));
      const folder = path.join(home, '.claude/agents');
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, 'ai-engineer.md'), 'my own agent\n');
      const items = published(item('ai-engineer.md', 'the site’s agent\n'));
      const run = (command: string) =>
        execFileSync(shell, ['-c', command], { cwd: home, env: { ...process.env, HOME: home }, encoding: 'utf8' });
      expect(run(installCommand(items, 'project'))).toBe(
        'Kept .claude/agents/ai-engineer.md: a file of that name is already there; remove it first to replace it.\n',
      );
      expect(run(removeCommand(items, 'project'))).toBe('Left .claude/agents/ai-engineer.md: it is not the file this site published.\n');
      expect(readFileSync(path.join(folder, 'ai-engineer.md'), 'utf8')).toBe('my own agent\n');
      rmSync(path.join(folder, 'ai-engineer.md'));
      expect(run(installCommand(items, 'project'))).toBe('Installed .claude/agents/ai-engineer.md\n');
      expect(readFileSync(path.join(folder, 'ai-engineer.md'), 'utf8')).toBe('the site’s agent\n');
      expect(run(removeCommand(items, 'project'))).toBe('Removed .claude/agents/ai-engineer.md\n');
      expect(run(removeCommand(items, 'project'))).toBe('Not there: .claude/agents/ai-engineer.md\n');
      expect(readdirSync(folder)).toEqual([]);
      rmSync(home, { recursive: true, force: true });
    },
  );

  test.each([
    ['a name with a quote', { fileName: 'a"b.md', sha256: 'a'.repeat(64) }],
    ['a name with a dollar', { fileName: '$(id).md', sha256: 'a'.repeat(64) }],
    ['a hash that is not hex', { fileName: 'a.md', sha256: '$(id)' }],
  ])('refuses %s: nothing from a file can become shell syntax', (_label, item) => {
    expect(() => installCommand([{ url: 'https://x.test/a.md', ...item }], 'user')).toThrow(/not a safe file name/);
    expect(() => removeCommand([{ url: 'https://x.test/a.md', ...item }], 'user', 'powershell')).toThrow(/not a safe file name/);
  });

  test('a download that fails leaves no file behind and says so', () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'home-'));
    const missing = [{ url: pathToFileURL(path.join(home, 'no-such-file.md')).href, fileName: 'gone.md', sha256: '0'.repeat(64) }];
    expect(() => execFileSync('sh', ['-c', installCommand(missing, 'project', 'posix')], { cwd: home, stdio: 'pipe' })).toThrow();
    expect(readdirSync(path.join(home, '.claude/agents'))).toEqual([]);
    rmSync(home, { recursive: true, force: true });
  });

  test.each(['user', 'project'] as const)(
    'the PowerShell commands for %s parse: quotes closed, brackets balanced, no variable read as a drive',
    (scope) => {
      const items = [
        { url: "https://x.test/it's/a.md", fileName: 'a.md', sha256: 'a'.repeat(64) },
        { url: 'https://x.test/b.md', fileName: 'b.md', sha256: 'b'.repeat(64) },
      ];
      for (const command of [
        installCommand(items, scope, 'powershell'),
        removeCommand(items, scope, 'powershell'),
        installCommand(items.slice(0, 1), scope, 'powershell'),
        removeCommand(items.slice(0, 1), scope, 'powershell'),
      ]) {
        expect(powerShellProblems(command), command).toEqual([]);
      }
    },
  );

  test('the command table offers both scopes in both shells', () => {
    const table = commandTable(published(item('a.md', 'a')));
    expect(Object.keys(table)).toEqual(['posix', 'powershell']);
    for (const shell of ['posix', 'powershell'] as const) expect(Object.keys(table[shell])).toEqual(['user', 'project']);
  });
});

test.each([
  [undefined, 'a/b.md', undefined],
  ['https://github.com/o/r/blob/main/agents', 'core dev/a b.md', 'https://github.com/o/r/blob/main/agents/core%20dev/a%20b.md'],
])('sourceFileUrl(%j, %j)', (repository, rel, url) => expect(sourceFileUrl(repository, rel)).toBe(url));
