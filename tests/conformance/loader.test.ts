import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { installClaudeCode, loadedAgents, splitListing } from '../../scripts/claude-code.ts';
import { CLAUDE_CODE_VERSION, keptOfSameName } from '../../src/lib/read/claude-code.ts';
import { sourceFromDir } from '../../src/build/config-file.ts';
import { scanSources } from '../../src/build/scan.ts';
import { LOADER_CASES } from './cases.ts';
import { compareFolder, type FolderComparison } from './compare.ts';

const root = path.resolve(import.meta.dirname, '../..');
const corpora = readdirSync(path.join(root, 'tests/corpora'))
  .sort()
  .map((name) => `tests/corpora/${name}`);

let binary = '';
beforeAll(() => {
  binary = installClaudeCode(CLAUDE_CODE_VERSION);
}, 600_000);

test.each(['content/agents', 'tests/fixtures/agents', 'tests/fixtures/hostile', ...corpora])(
  `Claude Code ${CLAUDE_CODE_VERSION} loads from %s exactly what the catalogue says, with the same name, description and tools`,
  async (folder) => {
    const result = await compareFolder(binary, folder, root);
    console.log(
      `${folder}: ${result.files} files compared, ${result.loaded} loaded by Claude Code ${CLAUDE_CODE_VERSION}, ${result.disagreements.length} disagreements`,
    );
    expect(result.disagreements).toEqual([]);
  },
);

describe(`what Claude Code ${CLAUDE_CODE_VERSION} does with one file`, () => {
  let dir = '';
  let result: FolderComparison | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'loader-cases-'));
    for (const { file, text } of LOADER_CASES) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    result = await compareFolder(binary, dir, root);
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the catalogue agrees with it on every case', () => expect(result?.disagreements).toEqual([]));
  test.each(LOADER_CASES.map((c) => [c.file, c.why, c] as const))('%s (%s)', (_file, _why, { file, loads }) =>
    expect(result?.loadedAs.get(file) ?? false).toBe(loads),
  );
});

describe(`where Claude Code ${CLAUDE_CODE_VERSION} looks, and which file wins`, () => {
  const scratch: string[] = [];
  afterAll(() => {
    for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  });
  /** A scratch folder with these files (path → text). */
  const folderWith = (files: Record<string, string>) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'loader-facts-'));
    scratch.push(dir);
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    return dir;
  };
  const agent = (name: string, description: string) => `---\nname: ${name}\ndescription: ${description}\n---\nThe prompt.\n`;
  const listed = async (project: string, home?: string) =>
    splitListing(await loadedAgents(binary, project, home ? { home } : {}), ['same', 'mine', 'hidden', 'readme']);

  test('of files in one folder with the same name, the last by path wins, as keptOfSameName says', async () => {
    const files = {
      '.claude/agents/a.md': agent('same', 'from a.md'),
      '.claude/agents/m/sub.md': agent('same', 'from m/sub.md'),
      '.claude/agents/z.md': agent('same', 'from z.md'),
      '.claude/agents/B.md': agent('same', 'from B.md'),
    };
    const entries = await listed(folderWith(files));
    const kept = keptOfSameName(Object.keys(files).map((f) => f.slice('.claude/agents/'.length)));
    expect(kept).toBe('z.md');
    expect(entries.get('same')).toBe(`same: from ${kept} (Tools: All tools)`);
  });

  test("a project's agent wins over the user's agent of the same name", async () => {
    const project = folderWith({ '.claude/agents/mine.md': agent('mine', 'from the project') });
    const home = folderWith({ '.claude/agents/mine.md': agent('mine', 'from the user folder') });
    expect((await listed(project, home)).get('mine')).toBe('mine: from the project (Tools: All tools)');
  });

  // Documented exceptions: Claude Code reads these, and the catalogue leaves them out on purpose (README, "What is read").
  test('Claude Code reads hidden folders and README.md too; the catalogue lists them as ignored, so a collection can keep documentation and tooling there', async () => {
    const dir = folderWith({
      '.claude/agents/.hidden/x.md': agent('hidden', 'in a hidden folder'),
      '.claude/agents/README.md': agent('readme', 'a readme with frontmatter'),
    });
    const entries = await listed(dir);
    expect([entries.has('hidden'), entries.has('readme')]).toEqual([true, true]);
    const scan = scanSources([sourceFromDir(path.join(dir, '.claude/agents'), root)]);
    expect(scan.agents).toEqual([]);
    expect(scan.summaries[0]!.ignored).toEqual([
      { relPath: '.hidden', reason: 'hidden' },
      { relPath: 'README.md', reason: 'documentation' },
    ]);
  });
});
