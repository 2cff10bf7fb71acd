import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { buildCommand, isRoutineBuildLine } from '../../../src/build/build-env.ts';
import { filesContaining } from '../../support/site-files.ts';

const root = path.resolve(import.meta.dirname, '../../..');

const MEMORY_ENV = { MIMALLOC_PURGE_DELAY: '0', MALLOC_ARENA_MAX: '2', NODE_OPTIONS: '--max-semi-space-size=16' };
test.each([
  ['nothing', [], {}, { nodeArgs: ['astro.mjs', 'build'], env: MEMORY_ENV }],
  ['Astro options', ['--verbose'], {}, { nodeArgs: ['astro.mjs', 'build', '--verbose'], env: MEMORY_ENV }],
  [
    'a low-memory build',
    ['--low-memory', '--verbose'],
    {},
    { nodeArgs: ['--optimize-for-size', 'astro.mjs', 'build', '--verbose'], env: MEMORY_ENV },
  ],
  // V8 takes the last value of a flag given twice, so the caller's comes after ours.
  [
    "the caller's NODE_OPTIONS",
    [],
    { NODE_OPTIONS: ' --max-semi-space-size=64 --trace-gc ' },
    {
      nodeArgs: ['astro.mjs', 'build'],
      env: { ...MEMORY_ENV, NODE_OPTIONS: '--max-semi-space-size=16 --max-semi-space-size=64 --trace-gc' },
    },
  ],
  [
    "the caller's allocator settings and other variables",
    [],
    { MIMALLOC_PURGE_DELAY: '100', AGENTS_DIR: 'x' },
    { nodeArgs: ['astro.mjs', 'build'], env: { ...MEMORY_ENV, MIMALLOC_PURGE_DELAY: '100', AGENTS_DIR: 'x' } },
  ],
] as const)('npm run build starts Astro with the memory settings, given %s', (_, args, env, expected) => {
  expect(buildCommand(args, env, 'astro.mjs')).toEqual(expected);
});

/** Builds the fixtures (or the folder `env` names) through npm run build; `timeoutMs` stops a build that hangs. */
function buildFixtures(env: Record<string, string>, timeoutMs?: number) {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'catalog-build-'));
  // Through npm run build, so the process that starts Astro with its memory settings is covered too.
  const result = spawnSync('npm', ['run', 'build'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, AGENTS_DIR: 'tests/fixtures/agents', OUT_DIR: outDir, ...env },
    ...(timeoutMs === undefined ? {} : { timeout: timeoutMs }),
  });
  const built = existsSync(path.join(outDir, 'index.html'));
  rmSync(outDir, { recursive: true, force: true });
  return { code: result.status, output: result.stdout + result.stderr, built, error: result.error };
}

test('bad files do not take the build down, and the build ends with a summary', { timeout: 120_000 }, () => {
  const { code, output, built } = buildFixtures({});
  expect(code).toBe(0);
  expect(built).toBe(true);
  expect(output).toMatch(
    /agents \(tests\/fixtures\/agents\): 10 agent pages \(Claude Code skips 1\), 2 files without a page; 5 errors, 11 warnings, 7 notes/,
  );
  expect(output).toContain('no page for tests/fixtures/agents/messy/no-frontmatter.md:1 [frontmatter-missing]');
  // What a user needs, and not Astro's list of every route or the build's internal phases.
  expect(output).not.toMatch(/├─|generating static routes|\] phase /);
  expect(output).toContain('page(s) built in');
});

test.each([
  ['22:53:22   ├─ /404.html22:53:22   ├─ /about/index.html', true],
  [' (+3ms) ', true],
  [' generating static routes ', true],
  ['22:53:21 [subagent-catalog-build] phase content-synced at 1.59 s, peak 297 MiB', true],
  ['22:53:21 [build] directory: /work/main/dist/', true],
  ['\u001b[2m22:53:22\u001b[22m \u001b[34m[vite]\u001b[39m \u001b[32m✓ built in 880ms\u001b[39m', true],
  ['', true],
  ['22:53:23 [subagent-catalog-build] Subagent Catalog (content/agents): 186 agent pages, 0 files without a page; 0 errors', false],
  ['22:53:23 [build] 494 page(s) built in 2.89s', false],
  ['22:53:23 [WARN] [vite] something a user should see', false],
  ['error   Cannot find module', false],
])('isRoutineBuildLine(%j) is %s', (line, routine) => expect(isRoutineBuildLine(line)).toBe(routine));

test('npm run build:low-memory builds the same site, trading time for memory', { timeout: 120_000 }, () => {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'catalog-build-'));
  const result = spawnSync('npm', ['run', 'build:low-memory'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, AGENTS_DIR: 'tests/fixtures/agents', OUT_DIR: outDir },
  });
  const built = ['index.html', 'agents.json', 'pagefind/pagefind.js'].filter((file) => existsSync(path.join(outDir, file)));
  rmSync(outDir, { recursive: true, force: true });
  expect(result.status, result.stdout + result.stderr).toBe(0);
  expect(built).toEqual(['index.html', 'agents.json', 'pagefind/pagefind.js']);
  expect(result.stdout).toMatch(/agents \(tests\/fixtures\/agents\): 10 agent pages \(Claude Code skips 1\), 2 files without a page/);
});

// Before any file is read and before the publishing process starts: the build must stop, not wait.
test('a build of a folder that does not exist stops at once, naming the folder', { timeout: 120_000 }, () => {
  const { code, output, error } = buildFixtures({ AGENTS_DIR: 'tests/fixtures/nope' }, 60_000);
  expect(error).toBeUndefined();
  expect(code).not.toBe(0);
  expect(output).toContain('Agents folder not found: tests/fixtures/nope');
  expect(output).toContain('Check AGENTS_DIR, or the "dir" of each source in catalog.config.json');
});

test('a config file with a mistake stops the build with the key, the fix and where to read more', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'catalog-config-'));
  const config = path.join(dir, 'bad.config.json');
  writeFileSync(config, JSON.stringify({ sources: [{ dir: 'content/agents', repository: 'not a url' }] }));
  try {
    const { code, output, built } = buildFixtures({ AGENTS_DIR: '', CATALOG_CONFIG: config }, 60_000);
    expect(code).not.toBe(0);
    expect(built).toBe(false);
    expect(output).toContain('sources[0].repository: must be an http(s) URL of the folder in its repository');
    expect(output).toContain('See "Configuration" in the README');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('strict mode fails the build on the first error or warning, naming the file and line', { timeout: 120_000 }, () => {
  const { code, output } = buildFixtures({ STRICT: '1' });
  expect(code).not.toBe(0);
  expect(output).toMatch(/Strict mode: \d+ finding\(s\) fail the build\. First: tests\/fixtures\/agents\/\S+\.md:\d+/);
  expect(output).toContain('npm run check:agents lists every finding with its fix');
});

test(
  'a rebuild keeps unchanged agent and list pages and search index as they are, updates changed ones and removes what is gone',
  { timeout: 240_000 },
  () => {
    const source = mkdtempSync(path.join(os.tmpdir(), 'catalog-rebuild-src-'));
    cpSync(path.join(root, 'tests/fixtures/agents/messy'), path.join(source, 'messy'), { recursive: true });
    // Alone in its category with its own tag, so nothing the second build changes appears on its page. Its
    // text beyond Latin-1 goes through the build cache's agents file, which the second build writes again.
    mkdirSync(path.join(source, 'solo'));
    writeFileSync(
      path.join(source, 'solo/kept.md'),
      '---\nname: kept-agent\ndescription: Stays the same — café ✅.\ntags: [only-here]\n---\n\nUnchanged.\n',
    );
    // Its fields stay the same and only a comment in its frontmatter changes: the page still shows the new text.
    const commented = (note: string) =>
      `---\nname: commented-agent\n# ${note}\ndescription: Only a comment changes.\n---\n\nSame prompt.\n`;
    writeFileSync(path.join(source, 'messy/commented.md'), commented('first note'));
    // Inside the project, so the build writes into the folder itself (see astro.config.mjs).
    const outDir = path.join(root, '.cache/rebuild-test');
    rmSync(outDir, { recursive: true, force: true });
    const build = () =>
      spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, AGENTS_DIR: source, OUT_DIR: outDir, SITE_URL: 'https://catalog.example' },
      });
    const sitemap = () => readFileSync(path.join(outDir, 'sitemap-0.xml'), 'utf8');
    try {
      expect(build().status).toBe(0);
      // Nothing of the build machine is published: not the source folder (outside the project here), not the project.
      expect(filesContaining(outDir, [source, realpathSync(source), root])).toEqual([]);
      const kept = path.join(outDir, 'agents/kept-agent/index.html');
      const keptList = path.join(outDir, 'categories/solo/index.html');
      const asBuilt = (file: string) => ({ text: readFileSync(file, 'utf8'), mtimeMs: statSync(file).mtimeMs });
      const keptBefore = asBuilt(kept);
      expect(keptBefore.text).toContain('Stays the same — café ✅.');
      const keptListBefore = asBuilt(keptList);
      rmSync(path.join(source, 'messy/bypass.md'));
      writeFileSync(path.join(source, 'messy/commented.md'), commented('second note'));
      writeFileSync(
        path.join(source, 'messy/empty-tools.md'),
        '---\nname: empty-tools\ndescription: Changed between the two builds.\ntools: []\n---\n\nNo tools at all.\n',
      );
      const second = build();
      expect(second.status).toBe(0);
      expect(second.stdout).toMatch(/Removed \d+ files of the previous build/);
      // Only the changed agents' raw files and JSON are written again.
      expect(second.stdout).toMatch(/raw files \(2 written, the rest unchanged\)/);
      expect(readFileSync(path.join(outDir, 'agents/commented-agent/index.html'), 'utf8')).toContain('# second note');
      for (const gone of ['agents/bypass-agent/index.html', 'agents/bypass-agent.md', 'agents/bypass-agent.json'])
        expect(existsSync(path.join(outDir, gone)), gone).toBe(false);
      expect(readFileSync(path.join(outDir, 'agents/empty-tools/index.html'), 'utf8')).toContain('Changed between the two builds.');
      expect(readFileSync(path.join(outDir, 'agents/empty-tools.md'), 'utf8')).toContain('Changed between the two builds.');
      expect(asBuilt(kept)).toEqual(keptBefore);
      expect(asBuilt(keptList)).toEqual(keptListBefore);
      // The kept page was not rendered, and the sitemap still lists it, as it lists the rendered ones.
      expect(sitemap()).toContain('<loc>https://catalog.example/agents/kept-agent/</loc>');
      expect(sitemap()).toContain('<loc>https://catalog.example/agents/empty-tools/</loc>');
      expect(sitemap()).not.toContain('bypass-agent');
      expect(readFileSync(path.join(outDir, 'categories/messy/index.html'), 'utf8')).toContain('Changed between the two builds.');
      expect(readFileSync(path.join(outDir, 'agents/index.html'), 'utf8')).not.toContain('bypass-agent');
      expect(readFileSync(path.join(outDir, 'agents.json'), 'utf8')).not.toContain('bypass-agent');
      // A description changed, so the search index was built again; a third build with nothing changed keeps it.
      expect(second.stdout).toMatch(/Indexed \d+ agents for search/);
      const searchFiles = readdirSync(path.join(outDir, 'pagefind'), { recursive: true });
      // A kept page deleted from the site is rendered again.
      rmSync(kept);
      const third = build();
      expect(third.status).toBe(0);
      expect(readFileSync(kept, 'utf8')).toBe(keptBefore.text);
      expect(sitemap()).toContain('<loc>https://catalog.example/agents/kept-agent/</loc>');
      expect(third.stdout).toContain('Kept the search index of the previous build');
      expect(readdirSync(path.join(outDir, 'pagefind'), { recursive: true })).toEqual(searchFiles);
    } finally {
      rmSync(source, { recursive: true, force: true });
      rmSync(outDir, { recursive: true, force: true });
    }
  },
);
