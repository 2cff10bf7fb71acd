/**
 * Writes the catalogue's agents as another tool's agent files, into a project folder:
 *
 *   npm run export -- --target copilot|opencode|codex|gemini|cursor <project-folder> [folder of agents ...]
 *
 * Each agent becomes `<project-folder>/<the tool's folder>/<name><extension>` (e.g. `.github/agents/code-reviewer.agent.md`),
 * with its prompt byte for byte and what the tool cannot carry listed in the file. Reads the sources of
 * catalog.config.json (or AGENTS_DIR), or the folders named after the project folder. A file already there is
 * kept, never replaced; agents Claude Code would skip, and a second agent of a name, are left out; each is listed.
 * Exits 1 when nothing could be written, 2 on a usage error.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadCatalogConfig, sourceFromDir } from '../src/build/config-file.ts';
import { scanSources } from '../src/build/scan.ts';
import { terminalPath } from '../src/lib/catalog/summary.ts';
import { exportAgent, OTHER_TOOL_INFO, OTHER_TOOLS, type OtherTool } from '../src/lib/publish/other-tools.ts';
import { readCommandLine, usageError } from './command-line.ts';

const USAGE = `Usage: npm run export -- --target ${OTHER_TOOLS.join('|')} <project-folder> [folder of agents ...]`;

function main(): number {
  const line = readCommandLine(USAGE, { target: { type: 'string' } });
  if ('exit' in line) return line.exit;
  const { values, positionals } = line;
  const tool = OTHER_TOOLS.find((t) => t === values.target);
  if (!tool) return usageError(USAGE, `--target must be one of ${OTHER_TOOLS.join(', ')}${values.target ? `, not ${values.target}` : ''}`);
  const [outDir, ...folders] = positionals;
  if (!outDir || outDir.trim() === '' || folders.some((f) => f.trim() === ''))
    return usageError(USAGE, 'Name the project folder to write into.');
  const root = process.cwd();
  let scan;
  try {
    scan = scanSources(folders.length > 0 ? folders.map((dir) => sourceFromDir(dir, root)) : loadCatalogConfig(root).sources);
  } catch (error) {
    return usageError(USAGE, (error as Error).message);
  }
  return write(tool, path.resolve(root, outDir), scan);
}

function write(tool: OtherTool, outDir: string, scan: ReturnType<typeof scanSources>): number {
  const sources = new Map(scan.summaries.map((s) => [s.source.id, s.source]));
  const where = (agent: { sourceId: string; file: { relPath: string } }) => terminalPath(sources.get(agent.sourceId), agent.file.relPath);
  const written: string[] = [];
  const kept: string[] = [];
  const leftOut: string[] = [];
  const taken = new Map<string, string>();
  for (const agent of scan.agents) {
    if (agent.verdict === 'skipped') {
      leftOut.push(`${where(agent)}: Claude Code skips it`);
      continue;
    }
    const file = exportAgent({ ...agent, prompt: agent.body }, tool);
    const first = taken.get(file.fileName);
    if (first) {
      leftOut.push(`${where(agent)}: ${file.path} is already written from ${first}`);
      continue;
    }
    taken.set(file.fileName, where(agent));
    const target = path.join(outDir, file.path);
    if (existsSync(target)) {
      kept.push(file.path);
      continue;
    }
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.text, { flag: 'wx' });
    written.push(file.path);
  }
  const info = OTHER_TOOL_INFO[tool];
  console.log(`Wrote ${written.length} ${info.label} agent files into ${path.join(outDir, info.project)}.`);
  for (const file of kept) console.log(`Kept ${file}: a file of that name is already there; remove it first to replace it.`);
  for (const line of leftOut) console.log(`Left out ${line}`);
  return written.length + kept.length > 0 ? 0 : 1;
}

process.exitCode = main();
