/**
 * Build benchmark: builds the default catalogue and synthetic catalogues of growing size, and prints
 * wall time, peak memory, dist size and the bytes one agent page costs a visitor.
 *
 *   npm run bench                  # default catalogue, 1,000 and 10,000 synthetic agents
 *   npm run bench -- 100 1000      # other sizes
 *   npm run bench -- --corpora     # also the 7 shared corpora together
 *   npm run bench -- --warm        # also the largest size built again after one prompt, then one description, changed
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, readdirSync, statSync, mkdtempSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { writeSyntheticCatalogue, corpusDirs, CORPORA_DIR } from './synth-agents.ts';
import { buildCommand } from '../src/build/build-env.ts';
import { listSource } from '../src/build/files.ts';
import { scanSources } from '../src/build/scan.ts';
import { sourceFromDir } from '../src/build/config-file.ts';
import { findDescriptionOverlaps } from '../src/lib/check/description-overlap.ts';

/** What one benchmark build measured. */
export interface BuildFigures {
  label: string;
  outDir: string;
  agents: number;
  seconds: number;
  peakMiB: number;
  distMiB: number;
  files: number;
  page: PageWeight;
  phases: BuildPhases;
  distByPhase: Record<'pages' | 'published' | 'search', number>;
}

/** One phase of a build, from the `phase <name> at <t> s, peak <MiB> MiB` lines the build prints. */
export interface BuildPhase {
  name: string;
  /** Seconds this phase took (from the previous phase line, or from the start). */
  seconds: number;
  /** Peak memory of the build process by the end of this phase, in MiB. */
  peakMiB: number;
}

/** Where a build's time goes. */
export interface BuildPhases {
  /** The phases the build waits for, one after the other. */
  phases: BuildPhase[];
  /** Seconds since the start at which the work done beside the pages finished. */
  publishedAt: number | undefined;
  searchStartedAt: number | undefined;
  searchWrittenAt: number | undefined;
  /** Seconds Pagefind spent indexing, and its process's peak memory in MiB. */
  indexingSeconds: number | undefined;
  /** True when the build kept the previous build's search index, its records being unchanged. */
  searchKept: boolean;
  pagefindPeakMiB: number | undefined;
  /** Peak memory of the process that publishes the files and feeds Pagefind, in MiB. */
  publishingPeakMiB: number | undefined;
}

/** What each sequential phase line marks the end of, in the order the build prints them. */
export const PHASE_LABELS: Record<string, string> = {
  'content-synced': 'start-up, read, check and store agents',
  'pages-rendered': 'bundle and render pages',
  finished: 'wait for files and search index',
};

/** Picks the phases out of `astro build` output. */
export function buildPhases(log: string): BuildPhases {
  const phases: BuildPhase[] = [];
  let previous = 0;
  for (const [, name, at, peak] of log.matchAll(/phase ([\w-]+) at ([\d.]+) s, peak (\d+) MiB/g)) {
    phases.push({ name: name!, seconds: Number(at) - previous, peakMiB: Number(peak) });
    previous = Number(at);
  }
  const number = (pattern: RegExp) => {
    const match = pattern.exec(log);
    return match ? Number(match[1]) : undefined;
  };
  return {
    phases,
    publishedAt: number(/phase files-published \(in parallel\) at ([\d.]+) s/),
    searchStartedAt: number(/phase search-written \(in parallel\) at [\d.]+ s, begun at ([\d.]+) s/),
    searchWrittenAt: number(/phase search-written \(in parallel\) at ([\d.]+) s/),
    indexingSeconds: number(/for search in ([\d.]+) s/),
    searchKept: log.includes('Kept the search index of the previous build'),
    pagefindPeakMiB: number(/Pagefind peak (\d+) MiB/),
    publishingPeakMiB: number(/phase files-published \(in parallel\) at [\d.]+ s, peak (\d+) MiB/),
  };
}

/** Bytes of a built site by what wrote them: pages and assets, published files, the search index. */
export function distBytesByPhase(outDir: string, files: string[]): Record<'pages' | 'published' | 'search', number> {
  const totals = { pages: 0, published: 0, search: 0 };
  for (const file of files) {
    const rel = path.relative(outDir, file).split(path.sep).join('/');
    const kind = rel.startsWith('pagefind/')
      ? 'search'
      : /\.(md|json|xml|txt)$/.test(rel) || rel.startsWith('data/')
        ? 'published'
        : 'pages';
    totals[kind] += statSync(file).size;
  }
  return totals;
}

interface PageWeight {
  path: string;
  html: [number, number];
  css: [number, number];
  js: [number, number];
}

const root = process.cwd();
const astroBin = path.join(root, 'node_modules/astro/bin/astro.mjs');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

function sizes(text: string | Buffer): [number, number] {
  const buffer = typeof text === 'string' ? Buffer.from(text) : text;
  return [buffer.length, gzipSync(buffer).length];
}

/** Bytes a visitor downloads for one agent page: the HTML, its stylesheets and its scripts (inline or linked). */
export function pageWeight(outDir: string, pagePath: string): PageWeight {
  const html = readFileSync(path.join(outDir, pagePath), 'utf8');
  const local = (href: string) => path.join(outDir, href.replace(/^\/+/, '').replace(/^.*?_astro\//, '_astro/'));
  const cssFiles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => readFileSync(local(m[1]!)));
  const inlineCss = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!).join('');
  // Linked module scripts, plus the chunks they import statically (they load with the page).
  const seen = new Set<string>();
  const jsFiles: Buffer[] = [];
  const addScript = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file);
    jsFiles.push(code);
    for (const m of code.toString('utf8').matchAll(/(?:^|[;}\s])import\s*(?:[\w{}*,\s]+from\s*)?["'](\.\/[^"']+)["']/g))
      addScript(path.join(path.dirname(file), m[1]!));
  };
  for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) addScript(local(m[1]!));
  const inlineJs = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join('');
  const sum = (parts: Buffer[]) => sizes(Buffer.concat(parts));
  return {
    path: pagePath,
    html: sizes(html),
    css: sum([...cssFiles, Buffer.from(inlineCss)]),
    js: sum([...jsFiles, Buffer.from(inlineJs)]),
  };
}

/** The cache folder astro.config.mjs gives a build into `outDir`. */
function cacheDirOf(outDir: string): string {
  return path.join(root, 'node_modules/.astro', `out-${createHash('sha256').update(path.resolve(outDir)).digest('hex').slice(0, 12)}`);
}

/** Builds a site from a folder (or the default sources) into `outDir` (by default a new temporary folder) and measures it. */
export function build(
  label: string,
  agentsDir: string | undefined,
  agents: number,
  outDir = mkdtempSync(path.join(os.tmpdir(), 'catalog-bench-')),
): BuildFigures {
  const rssFile = path.join(outDir, '.max-rss');
  // The process `npm run build` starts, with its memory settings, measured from the inside.
  const command = buildCommand(
    [],
    { ...process.env, OUT_DIR: outDir, MAX_RSS_FILE: rssFile, ...(agentsDir ? { AGENTS_DIR: agentsDir } : {}) },
    astroBin,
  );
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', path.join(root, 'scripts/max-rss.mjs'), ...command.nodeArgs], {
    env: command.env,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${label}: build failed\n${result.stdout}\n${result.stderr}`);
  const files = walk(outDir).filter((f) => !f.endsWith('.max-rss'));
  const distBytes = files.reduce((n, f) => n + statSync(f).size, 0);
  // agents/page/ holds the A to Z list's later pages, not an agent.
  const firstAgent = readdirSync(path.join(outDir, 'agents'), { withFileTypes: true }).find(
    (e) => e.isDirectory() && e.name !== 'page',
  )!.name;
  return {
    label,
    outDir,
    agents,
    seconds,
    peakMiB: Number(readFileSync(rssFile, 'utf8')) / 2 ** 20,
    distMiB: distBytes / 2 ** 20,
    files: files.length,
    page: pageWeight(outDir, `agents/${firstAgent}/index.html`),
    phases: buildPhases(result.stdout),
    distByPhase: distBytesByPhase(outDir, files),
  };
}

/** What the warm benchmark measured: a cold build, then two more, each after one agent file changed. */
interface WarmFigures {
  cold: BuildFigures;
  /** A line added at the end of one prompt: the page and raw file change, the search records do not. */
  promptEnd: BuildFigures;
  /** One description changed: its search record changes too, so the search index is built again. */
  description: BuildFigures;
}

/**
 * Folders the benchmark made, removed only when every build is done. On ext4 without a journal (this project's
 * test machines) a new file skips every inode freed in the last minutes, so a build started just after another
 * build's 100,000 files were deleted pays for them (here 20,000 files took 9.2 s to write just after 20,000 were
 * deleted, and 1.9 s otherwise), and the larger build, measured last, would pay for the smaller one.
 */
const leftovers: string[] = [];

/**
 * Builds `count` synthetic agents three times into the same folder inside the project (so each build
 * finds the previous one's pages in place), changing one agent file before each of the last two.
 */
function warmRebuild(count: number): WarmFigures {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'catalog-warm-'));
  const outDir = path.join(root, '.cache/bench-warm');
  rmSync(outDir, { recursive: true, force: true });
  rmSync(cacheDirOf(outDir), { recursive: true, force: true });
  try {
    writeSyntheticCatalogue(count, dir);
    const cold = build(`${count} synthetic agents, first build`, dir, count, outDir);
    const files = listSource(dir).candidates.map((c) => c.absPath);
    appendFileSync(files[0]!, '\nOne more line for the second build.\n');
    const promptEnd = build(`${count} synthetic agents, a line added to one prompt`, dir, count, outDir);
    // A one-line description, so changing it keeps the file's YAML valid.
    const plainDescription = /^description: [^|>'"\s].*$/m;
    const described = files.slice(1).find((file) => plainDescription.test(readFileSync(file, 'utf8')))!;
    writeFileSync(
      described,
      readFileSync(described, 'utf8').replace(plainDescription, (line) => `${line} Changed for the third build.`),
    );
    const description = build(`${count} synthetic agents, one description changed`, dir, count, outDir);
    return { cold, promptEnd, description };
  } finally {
    leftovers.push(dir, outDir, cacheDirOf(outDir));
  }
}

function kb([raw, gz]: [number, number]): string {
  return `${(raw / 1024).toFixed(1)} KB (${(gz / 1024).toFixed(1)} KB gzip)`;
}

/** What the description-overlap rule costs on one catalogue, run alone on the agents a scan read. */
interface OverlapFigures {
  label: string;
  agents: number;
  pairs: number;
  milliseconds: number;
}

function overlapCost(label: string, dir: string): OverlapFigures {
  const agents = scanSources([sourceFromDir(dir, process.cwd())]).agents.map((agent) => ({
    name: agent.name,
    description: agent.descriptionText,
    prompt: agent.body,
    sourceId: agent.sourceId,
  }));
  const started = performance.now();
  const pairs = findDescriptionOverlaps(agents).length;
  return { label, agents: agents.length, pairs, milliseconds: performance.now() - started };
}

function main(): void {
  const args = process.argv.slice(2);
  const withCorpora = args.includes('--corpora');
  const counts = args.filter((a) => /^\d+$/.test(a)).map(Number);
  const sizesToRun = counts.length > 0 ? counts : [1000, 10000];
  const runs: BuildFigures[] = [];
  const overlaps: OverlapFigures[] = [overlapCost('default catalogue', 'content/agents')];
  // Agent files as the build counts them (README.md, SOURCE.md and the like are not agents).
  const countAgents = (dir: string) => listSource(dir).candidates.length;
  const measured = (figures: BuildFigures) => {
    leftovers.push(figures.outDir, cacheDirOf(figures.outDir));
    runs.push(figures);
  };
  measured(build('default catalogue', undefined, countAgents('content/agents')));
  if (withCorpora && existsSync(CORPORA_DIR)) {
    const dirs = corpusDirs().join(path.delimiter);
    measured(build('7 shared corpora', dirs, countAgents(CORPORA_DIR)));
  }
  const warm = args.includes('--warm') ? warmRebuild(Math.max(...sizesToRun)) : undefined;
  for (const count of sizesToRun) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'catalog-synth-'));
    writeSyntheticCatalogue(count, dir);
    measured(build(`${count} synthetic agents`, dir, count));
    overlaps.push(overlapCost(`${count} synthetic agents`, dir));
    leftovers.push(dir);
  }
  console.log('\n| build | agents | wall time | peak memory | dist size | files | ms per agent |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of runs) {
    console.log(
      `| ${r.label} | ${r.agents} | ${r.seconds.toFixed(1)} s | ${r.peakMiB.toFixed(0)} MiB | ${r.distMiB.toFixed(1)} MiB | ${r.files} | ${((r.seconds * 1000) / r.agents).toFixed(1)} |`,
    );
  }
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  console.log("\nWhere the time goes (each phase: seconds, and the build process's peak memory by its end). Raw files,");
  console.log(
    'JSON, open data and the search index are made by a second process while the pages render; "done at" is seconds from the start:',
  );
  console.log(
    `| build | ${Object.values(PHASE_LABELS).join(' | ')} | files done at | search index done at | Pagefind adding records, and from when | publishing process peak | Pagefind peak |`,
  );
  console.log(`|---|${'---:|'.repeat(Object.keys(PHASE_LABELS).length + 5)}`);
  const sec = (value: number | undefined) => (value === undefined ? '?' : `${value.toFixed(1)} s`);
  for (const r of warm ? [...runs, warm.cold, warm.promptEnd, warm.description] : runs) {
    const cells = Object.keys(PHASE_LABELS).map((name) => {
      const phase = r.phases.phases.find((p) => p.name === name);
      return phase ? `${phase.seconds.toFixed(1)} s, ${phase.peakMiB} MiB` : '?';
    });
    const { publishedAt, searchStartedAt, searchWrittenAt, indexingSeconds, searchKept, publishingPeakMiB, pagefindPeakMiB } = r.phases;
    const indexing = searchKept ? 'kept' : `${sec(indexingSeconds)} from ${sec(searchStartedAt)}`;
    console.log(
      `| ${r.label} | ${cells.join(' | ')} | ${sec(publishedAt)} | ${sec(searchWrittenAt)} | ${indexing} | ${publishingPeakMiB ?? '?'} MiB | ${searchKept ? '-' : `${pagefindPeakMiB ?? '?'} MiB`} |`,
    );
  }
  console.log('\nWhat each phase wrote to dist:');
  console.log('| build | pages and assets | raw files, JSON and open data | search index |');
  console.log('|---|---:|---:|---:|');
  for (const r of runs)
    console.log(`| ${r.label} | ${mib(r.distByPhase.pages)} | ${mib(r.distByPhase.published)} | ${mib(r.distByPhase.search)} |`);
  if (warm) {
    const ratio = (again: BuildFigures) =>
      `${again.seconds.toFixed(1)} s (${(again.seconds / warm.cold.seconds).toFixed(2)} of the first), peak ${again.peakMiB.toFixed(0)} MiB`;
    console.log(
      `\nBuilding ${warm.cold.agents} agents again after one file changed, against ${warm.cold.seconds.toFixed(1)} s for the first build:`,
    );
    console.log(`- a line added at the end of one prompt (the search index is kept): ${ratio(warm.promptEnd)}`);
    console.log(`- one description changed (the search index is built again): ${ratio(warm.description)}`);
  }
  console.log('\nThe description-overlap rule alone (part of the scan, in the build process):');
  for (const o of overlaps) console.log(`- ${o.label}: ${o.agents} agents, ${o.pairs} pairs, ${(o.milliseconds / 1000).toFixed(2)} s`);
  console.log('\nOne agent page (HTML + CSS + JS a visitor downloads):');
  for (const r of runs) console.log(`- ${r.label}, /${r.page.path}: HTML ${kb(r.page.html)}, CSS ${kb(r.page.css)}, JS ${kb(r.page.js)}`);
}

if (import.meta.main) {
  try {
    main();
  } finally {
    // A 10,000-agent site is over a gigabyte.
    for (const dir of leftovers) rmSync(dir, { recursive: true, force: true });
  }
}
