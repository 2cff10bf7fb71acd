/**
 * Moves the Claude Code release the catalogue is checked against, and shows what the move changes:
 *
 *   npm run claude-code:update                # to the latest release on npm
 *   npm run claude-code:update -- 2.1.340     # to a given release
 *
 * Both releases read every folder the conformance suite reads (the default catalogue, the fixtures and the
 * corpora); each file that one loads and the other does not, or lists differently, is printed. Then the pinned
 * version in src/lib/read/claude-code.ts is rewritten. Run `npm run test:conformance` next: where the new release
 * disagrees with the catalogue's model, the model (src/lib/read/claude-code.ts) or a rule has to change.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CLAUDE_CODE_PACKAGE, installClaudeCode, listedEntries, type ProbeFile } from './claude-code.ts';
import { CLAUDE_CODE_VERSION } from '../src/lib/read/claude-code.ts';
import { sourceFromDir } from '../src/build/config-file.ts';
import { scanSources } from '../src/build/scan.ts';

const root = path.resolve(import.meta.dirname, '..');
const versionFile = path.join(root, 'src/lib/read/claude-code.ts');

function latestVersion(): string {
  return execFileSync('npm', ['view', CLAUDE_CODE_PACKAGE, 'version'], { encoding: 'utf8' }).trim();
}

/** Whether a path is a file that can be copied (a skipped entry may be a folder, a pipe or a dangling link). */
function isFile(absPath: string): boolean {
  try {
    return statSync(absPath).isFile();
  } catch {
    return false;
  }
}

/** The files of a folder the catalogue reads, each under the name its frontmatter gives (or its path). */
function filesOf(dir: string): ProbeFile[] {
  const source = sourceFromDir(dir, root);
  const scan = scanSources([source]);
  return [
    ...scan.agents.map((a) => ({ relPath: a.file.relPath, absPath: a.file.absPath, name: a.name })),
    ...scan.skipped
      .map((s) => ({ relPath: s.relPath, absPath: path.join(source.absDir, s.relPath), name: `(skipped) ${s.relPath}` }))
      .filter((f) => isFile(f.absPath)),
  ];
}

async function main(): Promise<number> {
  const target = process.argv[2] ?? latestVersion();
  if (!/^\d+\.\d+\.\d+$/.test(target)) {
    console.error(`Not a release number: ${target}`);
    return 2;
  }
  const current = CLAUDE_CODE_VERSION;
  console.log(`Claude Code ${current} → ${target}`);
  const [before, after] = [installClaudeCode(current), installClaudeCode(target)];
  const folders = [
    'content/agents',
    'tests/fixtures/agents',
    'tests/fixtures/hostile',
    ...readdirSync(path.join(root, 'tests/corpora'))
      .sort()
      .map((c) => `tests/corpora/${c}`),
  ];
  let changed = 0;
  for (const folder of folders) {
    const files = filesOf(folder);
    const [old, now] = [await listedEntries(before, files), await listedEntries(after, files)];
    const lines = files.flatMap((file) => {
      const [a, b] = [old.byFile.get(file.relPath), now.byFile.get(file.relPath)];
      return a === b ? [] : [`  ${file.relPath}\n    ${current}: ${a ?? 'not loaded'}\n    ${target}: ${b ?? 'not loaded'}`];
    });
    for (const [release, other, listing] of [
      [current, now, old],
      [target, old, now],
    ] as const) {
      for (const entry of listing.unexplained.filter((e) => !other.unexplained.includes(e)))
        lines.push(`  (a file the catalogue names otherwise)\n    ${release}: ${entry}`);
    }
    changed += lines.length;
    console.log(`${folder}: ${files.length} files, ${lines.length} read differently`);
    for (const line of lines) console.log(line.length > 600 ? `${line.slice(0, 600)}…` : line);
  }
  const text = readFileSync(versionFile, 'utf8');
  writeFileSync(versionFile, text.replace(`CLAUDE_CODE_VERSION = '${current}'`, `CLAUDE_CODE_VERSION = '${target}'`));
  console.log(`${changed} files read differently. ${path.relative(root, versionFile)} now names ${target}; run npm run test:conformance.`);
  return 0;
}

process.exitCode = await main();
