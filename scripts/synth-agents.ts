/**
 * Writes a synthetic catalogue of N agents, made from the shared corpora with unique names.
 *
 *   node scripts/synth-agents.ts <count> <out-dir> [corpora-dir]
 */
import { mkdirSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { scanSources } from '../src/lib/scan.ts';
import { sourceFromDir } from '../src/lib/sources.ts';

/** Default location of the shared corpora, relative to the project root. */
export const CORPORA_DIR = '../shared/corpora';

/** Writes `count` agent files into `outDir`, cycling through the corpus agents and renaming each uniquely. */
export function writeSyntheticCatalogue(count: number, outDir: string, corporaDir = CORPORA_DIR): void {
  const root = process.cwd();
  const sources = readdirSync(corporaDir).sort().map((dir) => sourceFromDir(path.join(corporaDir, dir), root));
  const templates = scanSources(sources).agents.filter((agent) => agent.strictParse);
  rmSync(outDir, { recursive: true, force: true });
  for (let index = 0; index < count; index++) {
    const template = templates[index % templates.length]!;
    const name = `synth-${index}-${template.slug}`.slice(0, 80);
    const lines = template.raw.split('\n');
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
