/**
 * Writes a synthetic catalogue of N agents, made from the shared corpora with unique names.
 *
 *   node scripts/synth-agents.ts <count> <out-dir> [corpora-dir]
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { scanSources } from '../src/build/scan.ts';
import { sourceFromDir } from '../src/build/config-file.ts';

/** The seven public corpora, copied into the repository for the tests (each with its SOURCE.md and LICENSE). */
export const CORPORA_DIR = 'tests/corpora';

/** The folder of each corpus, sorted. */
export function corpusDirs(corporaDir = CORPORA_DIR): string[] {
  return readdirSync(corporaDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(corporaDir, entry.name))
    .sort();
}

/** Writes `count` agent files into `outDir`, cycling through the corpus agents and renaming each uniquely. */
export function writeSyntheticCatalogue(count: number, outDir: string, corporaDir = CORPORA_DIR): void {
  const root = process.cwd();
  const sources = corpusDirs(corporaDir).map((dir) => sourceFromDir(dir, root));
  const templates = scanSources(sources).agents.filter((agent) => agent.strictParse);
  rmSync(outDir, { recursive: true, force: true });
  for (let index = 0; index < count; index++) {
    const template = templates[index % templates.length]!;
    const name = `synth-${index}-${template.slug}`.slice(0, 80);
    const lines = readFileSync(template.file.absPath, 'utf8').split('\n');
    lines[template.nameLine - 1] = `name: ${name}${lines[template.nameLine - 1]!.endsWith('\r') ? '\r' : ''}`;
    const folder = path.join(outDir, `${template.sourceId}-${template.categoryId}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `${name}.md`), lines.join('\n'));
  }
}

if (import.meta.main) {
  const [count, outDir, corporaDir] = process.argv.slice(2);
  if (!count || !outDir) {
    console.error('Usage: node scripts/synth-agents.ts <count> <out-dir> [corpora-dir]');
    process.exit(2);
  }
  writeSyntheticCatalogue(Number(count), outDir, corporaDir);
  console.log(`Wrote ${count} agents to ${outDir}`);
}
