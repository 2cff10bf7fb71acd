/**
 * Search benchmark: builds the 7 shared corpora and a synthetic catalogue, serves each with
 * `astro preview`, and measures in headless Chromium, for a few queries typed into the header
 * field on a fresh page: the time from the first keystroke to the first result on screen, and
 * the bytes fetched for that search (everything requested after the page loaded).
 *
 *   npm run bench:search              # corpora and 10,000 synthetic agents
 *   npm run bench:search -- 1000      # another synthetic size
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright';
import { build } from './bench.ts';
import { writeSyntheticCatalogue, corpusDirs, CORPORA_DIR } from './synth-agents.ts';
import { listSource } from '../src/lib/files.ts';

const QUERIES = ['kubernetes', 'postgres', 'security', 'react', 'terraform'];
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'];

interface SearchFigures {
  query: string;
  firstResultMs: number;
  bytes: number;
  requests: number;
}

async function serve(outDir: string, port: number): Promise<ChildProcess> {
  const astro = path.resolve('node_modules/astro/bin/astro.mjs');
  const server = spawn(process.execPath, [astro, 'preview', '--ignore-lock', '--port', String(port)], { env: { ...process.env, OUT_DIR: outDir }, stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://localhost:${port}/`)).ok) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill();
  throw new Error(`preview on port ${port} did not start`);
}

async function measure(browser: Browser, origin: string, query: string): Promise<SearchFigures> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
  const fetched: Promise<number>[] = [];
  page.on('requestfinished', (request) => fetched.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize)));
  await page.evaluate(() => {
    const w = window as unknown as { __firstResult?: number; __start?: number };
    new MutationObserver(() => {
      if (w.__firstResult === undefined && document.querySelector('#site-search-panel [data-result]')) w.__firstResult = performance.now();
    }).observe(document.body, { childList: true, subtree: true });
    document.addEventListener('keydown', () => (w.__start ??= performance.now()), { capture: true });
  });
  await page.keyboard.press('/');
  await page.keyboard.type(query, { delay: 40 });
  await page.waitForSelector('#site-search-panel [data-result]');
  await page.waitForLoadState('networkidle');
  const timing = await page.evaluate(() => {
    const w = window as unknown as { __firstResult: number; __start: number };
    return w.__firstResult - w.__start;
  });
  const sizes = await Promise.all(fetched);
  await context.close();
  return { query, firstResultMs: timing, bytes: sizes.reduce((a, b) => a + b, 0), requests: sizes.length };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).filter((a) => /^\d+$/.test(a)).map(Number);
  const corpora = corpusDirs().join(path.delimiter);
  const sites = [build('7 shared corpora', corpora, listSource(CORPORA_DIR).candidates.length)];
  for (const count of sizes.length > 0 ? sizes : [10000]) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'catalog-synth-'));
    writeSyntheticCatalogue(count, dir);
    sites.push(build(`${count} synthetic agents`, dir, count));
    rmSync(dir, { recursive: true, force: true });
  }
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  console.log('\n| site | agents | build | median time to first result | median bytes for one search | requests |');
  console.log('|---|---:|---:|---:|---:|---:|');
  let port = 4400;
  for (const site of sites) {
    const server = await serve(site.outDir, port++);
    try {
      await measure(browser, `http://localhost:${port - 1}`, 'warmup');
      const runs: SearchFigures[] = [];
      for (const query of QUERIES) runs.push(await measure(browser, `http://localhost:${port - 1}`, query));
      console.log(
        `| ${site.label} | ${site.agents} | ${site.seconds.toFixed(1)} s | ${median(runs.map((r) => r.firstResultMs)).toFixed(0)} ms | ${(median(runs.map((r) => r.bytes)) / 1024).toFixed(1)} KB | ${median(runs.map((r) => r.requests))} |`,
      );
      for (const r of runs) console.log(`|   "${r.query}" | | | ${r.firstResultMs.toFixed(0)} ms | ${(r.bytes / 1024).toFixed(1)} KB | ${r.requests} |`);
    } finally {
      server.kill();
      rmSync(site.outDir, { recursive: true, force: true });
    }
  }
  await browser.close();
}

await main();
