/**
 * Build benchmark: builds the default catalogue and synthetic catalogues of growing size, and prints
 * wall time, peak memory, dist size and the bytes one agent page costs a visitor.
 *
 *   npm run bench                  # default catalogue, 1,000 and 10,000 synthetic agents
 *   npm run bench -- 100 1000      # other sizes
 *   npm run bench -- --corpora     # also the 7 shared corpora together
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, mkdtempSync, existsSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { writeSyntheticCatalogue, corpusDirs, CORPORA_DIR } from './synth-agents.ts';
import { listSource } from '../src/lib/files.ts';

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
}

/** Where a build's time goes, read from Astro's own log lines. */
export interface BuildPhases {
  /** Reading, parsing, checking and storing the agent files (content sync). */
  contentSeconds: number | undefined;
  /** Rendering every page and raw file. */
  pagesSeconds: number | undefined;
  /** Building the Pagefind index. */
  searchIndexSeconds: number | undefined;
}

function seconds(value: string, unit: string): number {
  return unit === 'ms' ? Number(value) / 1000 : Number(value);
}

/** Picks the phase timings out of `astro build` output. */
export function buildPhases(log: string): BuildPhases {
  const clock = (line: RegExp) => {
    const match = new RegExp(`(\\d\\d):(\\d\\d):(\\d\\d) ${line.source}`).exec(log);
    return match ? Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) : undefined;
  };
  const syncStart = clock(/\[content\] Syncing content/);
  const syncEnd = clock(/\[content\] Synced content/);
  const pages = /generating static routes[\s\S]*?✓ Completed in ([\d.]+)(ms|s)/.exec(log);
  const search = /for search in ([\d.]+) s/.exec(log);
  return {
    contentSeconds: syncStart !== undefined && syncEnd !== undefined ? syncEnd - syncStart : undefined,
    pagesSeconds: pages ? seconds(pages[1]!, pages[2]!) : undefined,
    searchIndexSeconds: search ? Number(search[1]) : undefined,
  };
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
    for (const m of code.toString('utf8').matchAll(/(?:^|[;}\s])import\s*(?:[\w{}*,\s]+from\s*)?["'](\.\/[^"']+)["']/g)) addScript(path.join(path.dirname(file), m[1]!));
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

/** Builds a site from a folder (or the default sources) into a temporary folder and measures it. */
export function build(label: string, agentsDir: string | undefined, agents: number): BuildFigures {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'catalog-bench-'));
  const rssFile = path.join(outDir, '.max-rss');
  const env = { ...process.env, OUT_DIR: outDir, MAX_RSS_FILE: rssFile, ...(agentsDir ? { AGENTS_DIR: agentsDir } : {}) };
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', path.join(root, 'scripts/max-rss.mjs'), astroBin, 'build'], { env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${label}: build failed\n${result.stdout}\n${result.stderr}`);
  const files = walk(outDir).filter((f) => !f.endsWith('.max-rss'));
  const distBytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const firstAgent = readdirSync(path.join(outDir, 'agents'), { withFileTypes: true }).find((e) => e.isDirectory())!.name;
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
  };
}

function kb([raw, gz]: [number, number]): string {
  return `${(raw / 1024).toFixed(1)} KB (${(gz / 1024).toFixed(1)} KB gzip)`;
}

function main(): void {
  const args = process.argv.slice(2);
  const withCorpora = args.includes('--corpora');
  const counts = args.filter((a) => /^\d+$/.test(a)).map(Number);
  const sizesToRun = counts.length > 0 ? counts : [1000, 10000];
  const runs: BuildFigures[] = [];
  // Agent files as the build counts them (README.md, SOURCE.md and the like are not agents).
  const countAgents = (dir: string) => listSource(dir).candidates.length;
  // Each build's output is measured, then deleted: a 10,000-agent site is hundreds of megabytes.
  const measured = (figures: BuildFigures) => {
    rmSync(figures.outDir, { recursive: true, force: true });
    runs.push(figures);
  };
  measured(build('default catalogue', undefined, countAgents('content/agents')));
  if (withCorpora && existsSync(CORPORA_DIR)) {
    const dirs = corpusDirs().join(path.delimiter);
    measured(build('7 shared corpora', dirs, countAgents(CORPORA_DIR)));
  }
  for (const count of sizesToRun) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'catalog-synth-'));
    writeSyntheticCatalogue(count, dir);
    measured(build(`${count} synthetic agents`, dir, count));
    rmSync(dir, { recursive: true, force: true });
  }
  console.log('\n| build | agents | wall time | peak memory | dist size | files | ms per agent |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of runs) {
    console.log(`| ${r.label} | ${r.agents} | ${r.seconds.toFixed(1)} s | ${r.peakMiB.toFixed(0)} MiB | ${r.distMiB.toFixed(1)} MiB | ${r.files} | ${((r.seconds * 1000) / r.agents).toFixed(1)} |`);
  }
  const s = (value: number | undefined) => (value === undefined ? '?' : `${value.toFixed(1)} s`);
  console.log('\nWhere the time goes (content sync has one-second resolution):');
  console.log('| build | read, check and store agents | render pages and raw files | search index | rest (start-up, bundling, writing) |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of runs) {
    const { contentSeconds, pagesSeconds, searchIndexSeconds } = r.phases;
    const rest = r.seconds - (contentSeconds ?? 0) - (pagesSeconds ?? 0) - (searchIndexSeconds ?? 0);
    console.log(`| ${r.label} | ${s(contentSeconds)} | ${s(pagesSeconds)} | ${s(searchIndexSeconds)} | ${s(rest)} |`);
  }
  console.log('\nOne agent page (HTML + CSS + JS a visitor downloads):');
  for (const r of runs) console.log(`- ${r.label}, /${r.page.path}: HTML ${kb(r.page.html)}, CSS ${kb(r.page.css)}, JS ${kb(r.page.js)}`);
}

if (import.meta.main) main();
