/**
 * Builds the production sites the e2e tests run against:
 * the default catalogue (dist/), the fixture folder under a base path, and the 7 shared corpora together.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { corpusDirs } from './synth-agents.ts';

const astro = path.resolve('node_modules/astro/bin/astro.mjs');
const corpora = corpusDirs().join(path.delimiter);

const sites: { label: string; env: Record<string, string> }[] = [
  { label: 'default catalogue', env: {} },
  { label: 'fixtures under /catalog/', env: { AGENTS_DIR: 'tests/fixtures/agents', OUT_DIR: '.cache/sites/fixtures', BASE_PATH: '/catalog/' } },
  { label: '7 shared corpora', env: { AGENTS_DIR: corpora, OUT_DIR: '.cache/sites/corpora' } },
];

for (const site of sites) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [astro, 'build'], { env: { ...process.env, ...site.env }, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (result.status !== 0) {
    console.log(result.stdout);
    process.exit(result.status ?? 1);
  }
  const summary = result.stdout.split('\n').filter((line) => line.includes('[subagent-catalog-report]') && line.includes('agent pages'));
  console.log(`built ${site.label} in ${((performance.now() - started) / 1000).toFixed(1)} s\n  ${summary.join('\n  ')}`);
}
