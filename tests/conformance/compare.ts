/**
 * Compares what the catalogue says about each file of a folder with what the real Claude Code loads from it, in
 * two steps that must both agree: the site's verdict and fields against the catalogue's model of Claude Code
 * (src/lib/read/claude-code.ts), and that model's listing of each agent against the real listing (scripts/claude-code.ts
 * shows Claude Code the files).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listedEntries, type ProbeFile } from '../../scripts/claude-code.ts';
import { claudeListingEntry, readAsClaudeCode, type ClaudeCodeReading } from '../../src/lib/read/claude-code.ts';
import { sourceFromDir } from '../../src/build/config-file.ts';
import { decodeText } from '../../src/lib/read/text.ts';
import { LIMITS } from '../../src/lib/read/limits.ts';
import { scanSources } from '../../src/build/scan.ts';
import { type ScannedAgent } from '../../src/lib/catalog/assemble.ts';

/** One file on which two of the three disagree. */
export interface Disagreement {
  /** The file, inside its folder. */
  file: string;
  /** Which two disagree: the pages and the model, or the model and Claude Code. */
  between: 'site and model' | 'model and Claude Code';
  /** What the first says. */
  expected: string;
  /** What the second says. */
  actual: string;
}

/** What one folder gave. */
export interface FolderComparison {
  files: number;
  /** Files Claude Code loaded. */
  loaded: number;
  /** What Claude Code listed for each file, by its path in the folder: the name it loaded it under, or undefined. */
  loadedAs: Map<string, string | undefined>;
  disagreements: Disagreement[];
}

interface ModelledFile extends ProbeFile {
  /** The entry the model expects in Claude Code's list, or undefined when it says Claude Code skips the file. */
  expected: string | undefined;
}

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max)}…`);
const unique = (items: readonly string[]) => [...new Set(items)];

/** What the site says about a file, in the terms of the model: skipped, or the name, description and tools it shows. */
function siteSays(agent: ScannedAgent | undefined): string {
  if (!agent || agent.verdict === 'skipped') return 'skipped';
  const tools = agent.tools.inheritsAll ? 'every tool' : agent.tools.tools.map((t) => t.raw).join(', ');
  return `${agent.name} | ${agent.description} | ${tools}`;
}

/** The same, from the model, with the site's limits applied (each of them a finding on the page). */
function modelSays(reading: ClaudeCodeReading): string {
  const agent = reading.agent;
  if (!agent) return 'skipped';
  const tools =
    agent.tools === undefined
      ? 'every tool'
      : unique(agent.tools)
          .slice(0, LIMITS.tools)
          .map((t) => cut(t, LIMITS.fieldChars))
          .join(', ');
  return `${cut(agent.name, LIMITS.fieldChars)} | ${cut(agent.description, LIMITS.descriptionChars)} | ${tools}`;
}

/** Every file the catalogue read from the folder (pages and skipped files), with the model's reading of it. */
function probeFiles(
  agents: readonly ScannedAgent[],
  skipped: readonly { relPath: string }[],
  absDir: string,
): { files: ModelledFile[]; disagreements: Disagreement[] } {
  const byPath = new Map(agents.map((agent) => [agent.file.relPath, agent]));
  const files: ModelledFile[] = [];
  const disagreements: Disagreement[] = [];
  for (const relPath of [...byPath.keys(), ...skipped.map((s) => s.relPath)].sort()) {
    const absPath = byPath.get(relPath)?.file.absPath ?? path.join(absDir, relPath);
    let bytes: Buffer;
    try {
      bytes = readFileSync(absPath);
    } catch {
      continue; // A folder that could not be listed, a pipe: nothing Claude Code could read either.
    }
    const reading = readAsClaudeCode({ relPath, bytes: bytes.length, text: decodeText(bytes).text });
    const site = siteSays(byPath.get(relPath));
    const model = modelSays(reading);
    if (site !== model) disagreements.push({ file: relPath, between: 'site and model', expected: site, actual: model });
    const written = reading.fields?.get('name');
    const name = reading.agent?.name ?? (typeof written === 'string' ? written : `(no name) ${relPath}`);
    files.push({ relPath, absPath, name, expected: reading.agent && claudeListingEntry(reading.agent) });
  }
  return { files, disagreements };
}

/** Scans a folder as the catalogue does and compares each file with the model and with what Claude Code loads. */
export async function compareFolder(binary: string, dir: string, root: string): Promise<FolderComparison> {
  const source = sourceFromDir(dir, root);
  const scan = scanSources([source]);
  const { files, disagreements } = probeFiles(scan.agents, scan.skipped, source.absDir);
  const { byFile, unexplained } = await listedEntries(binary, files);
  const loadedAs = new Map<string, string | undefined>();
  for (const file of files) {
    const actual = byFile.get(file.relPath);
    loadedAs.set(file.relPath, actual === undefined ? undefined : file.name);
    if (actual !== file.expected)
      disagreements.push({
        file: file.relPath,
        between: 'model and Claude Code',
        expected: file.expected ?? 'skipped',
        actual: actual ?? 'not loaded',
      });
  }
  for (const entry of unexplained)
    disagreements.push({ file: '(no file the model names)', between: 'model and Claude Code', expected: 'nothing', actual: entry });
  const loaded = [...loadedAs.values()].filter((name) => name !== undefined).length;
  return {
    files: files.length,
    loaded,
    loadedAs,
    disagreements: disagreements.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
  };
}
