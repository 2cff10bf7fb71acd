/**
 * Search benchmark, in headless Chromium against production builds served by `astro preview`.
 *
 *   npm run bench:search                 # relevance on the 7 corpora, then speed on the corpora and 10,000 synthetic agents
 *   npm run bench:search -- --relevance  # relevance only
 *   npm run bench:search -- 1000         # speed at another synthetic size
 *
 * Relevance: every query of tests/fixtures/search-relevance.json on the search page of the corpora
 * build; mean reciprocal rank of the first accepted agent, and how many queries have one in the top 3 and 5.
 * Speed: queries typed into the header field of a freshly loaded page; time to the first result, from the `/`
 * shortcut and from the first letter when the field was reached with the pointer; bytes fetched for that first
 * search, and bytes for a second search on the same page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { listSource } from '../src/build/files.ts';
import { build } from './bench.ts';
import { rankQueries, relevanceQueries, scoreRanks } from './relevance.ts';
import { corpusDirs, CORPORA_DIR, writeSyntheticCatalogue } from './synth-agents.ts';

const QUERIES = ['kubernetes', 'postgres', 'security', 'react', 'terraform'];
const SECOND_QUERY = 'docker';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
];

interface SearchFigures {
  query: string;
  firstResultMs: number;
  /** From the first letter, when the field was reached with the pointer. */
  pointerFirstResultMs: number;
  /** From the third letter, when the header starts searching, on the same page. */
  pointerFromSearchMs: number;
  firstBytes: number;
  laterBytes: number;
}

async function serve(outDir: string, port: number): Promise<ChildProcess> {
  const astro = path.resolve('node_modules/astro/bin/astro.mjs');
  const server = spawn(process.execPath, [astro, 'preview', '--ignore-lock', '--port', String(port)], {
    env: { ...process.env, OUT_DIR: outDir },
    stdio: 'ignore',
  });
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

/**
 * How someone reaches the header field: the `/` shortcut and typing at once (the clock starts at `/`), or
 * the pointer, a click and typing a moment later (the clock starts at the first letter).
 */
type Approach = 'shortcut' | 'pointer';

/** What a person takes between clicking the field and the first letter; the site starts loading the engine when the pointer reaches the field. */
const POINTER_PAUSE_MS = 300;

/** Types a query into the header field and returns when its first result is on screen, with the bytes fetched meanwhile. */
async function typeQuery(
  page: Page,
  query: string,
  bytes: Promise<number>[],
  approach: Approach = 'shortcut',
): Promise<{ ms: number; fromSearchMs: number; bytes: number }> {
  bytes.length = 0;
  await page.evaluate(() => {
    const w = window as unknown as { __firstResult?: number; __start?: number; __searchStart?: number };
    delete w.__firstResult;
    delete w.__start;
    delete w.__searchStart;
    const list = document.querySelector('#site-search-panel [data-search-results]')!;
    list.replaceChildren();
    new MutationObserver((_, observer) => {
      if (w.__firstResult === undefined && list.querySelector('[data-result]')) {
        w.__firstResult = performance.now();
        observer.disconnect();
      }
    }).observe(list, { childList: true, subtree: true });
    document.addEventListener('keydown', () => (w.__start ??= performance.now()), { capture: true, once: true });
    // The header searches from the third letter on (searchDelay): the engine's own share of the wait starts there.
    const input = document.querySelector<HTMLInputElement>('#site-search-input')!;
    const third = () => {
      if (input.value.trim().length < 3) return;
      w.__searchStart = performance.now();
      input.removeEventListener('input', third);
    };
    input.addEventListener('input', third);
  });
  if (approach === 'pointer') {
    await page.hover('#site-search-input');
    await page.click('#site-search-input');
    await page.waitForTimeout(POINTER_PAUSE_MS);
  } else {
    await page.keyboard.press('/');
    await page.keyboard.press('Control+a');
  }
  await page.keyboard.type(query, { delay: 40 });
  await page.waitForFunction(() => (window as unknown as { __firstResult?: number }).__firstResult !== undefined);
  await page.waitForLoadState('networkidle');
  const times = await page.evaluate(() => {
    const w = window as unknown as { __firstResult: number; __start: number; __searchStart: number };
    return { ms: w.__firstResult - w.__start, fromSearchMs: w.__firstResult - w.__searchStart };
  });
  return { ...times, bytes: (await Promise.all(bytes)).reduce((a, b) => a + b, 0) };
}

/** A freshly loaded home page in a context of its own, so nothing is cached, and the bytes it fetches. */
async function freshPage(browser: Browser, origin: string): Promise<{ page: Page; bytes: Promise<number>[]; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
  const bytes: Promise<number>[] = [];
  page.on('requestfinished', (request) => bytes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize)));
  return { page, bytes, close: () => context.close() };
}

async function measure(browser: Browser, origin: string, query: string): Promise<SearchFigures> {
  const byShortcut = await freshPage(browser, origin);
  const first = await typeQuery(byShortcut.page, query, byShortcut.bytes);
  const later = await typeQuery(byShortcut.page, SECOND_QUERY, byShortcut.bytes);
  await byShortcut.close();
  const byPointer = await freshPage(browser, origin);
  const pointer = await typeQuery(byPointer.page, query, byPointer.bytes, 'pointer');
  await byPointer.close();
  return {
    query,
    firstResultMs: first.ms,
    pointerFirstResultMs: pointer.ms,
    pointerFromSearchMs: pointer.fromSearchMs,
    firstBytes: first.bytes,
    laterBytes: later.bytes,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function relevance(browser: Browser, origin: string): Promise<void> {
  const ranks = await rankQueries(browser, origin, relevanceQueries());
  const score = scoreRanks(ranks);
  console.log(
    `\nRelevance on the 7 corpora (${score.queries} queries): mean reciprocal rank ${score.mrr.toFixed(3)}, accepted agent in the top 3 for ${score.top3} (${((score.top3 / score.queries) * 100).toFixed(0)} %), top 5 for ${score.top5}`,
  );
  for (const r of ranks.filter((x) => x.rank !== 1))
    console.log(`  "${r.query}": rank ${r.rank ?? 'none'}; first results: ${r.top.join(', ')}`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const onlyRelevance = args.includes('--relevance');
  const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
  const sites = [build('7 corpora', corpusDirs().join(path.delimiter), listSource(CORPORA_DIR).candidates.length)];
  if (!onlyRelevance) {
    for (const count of sizes.length > 0 ? sizes : [10000]) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'catalog-synth-'));
      writeSyntheticCatalogue(count, dir);
      sites.push(build(`${count} synthetic agents`, dir, count));
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  let port = 4400;
  const table: string[] = [
    `\n| site | agents | first result after \`/\` | by pointer (click ${POINTER_PAUSE_MS} ms before typing): after the first letter | after the third, when the search starts | first search | a later search |`,
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const [index, site] of sites.entries()) {
    const origin = `http://localhost:${port}`;
    const server = await serve(site.outDir, port++);
    try {
      if (index === 0) await relevance(browser, origin);
      if (onlyRelevance) continue;
      await measure(browser, origin, 'warmup');
      const runs: SearchFigures[] = [];
      for (const query of QUERIES) runs.push(await measure(browser, origin, query));
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      const ms = (n: number) => `${n.toFixed(0)} ms`;
      table.push(
        `| ${site.label} | ${site.agents} | ${ms(median(runs.map((r) => r.firstResultMs)))} | ${ms(median(runs.map((r) => r.pointerFirstResultMs)))} | ${ms(median(runs.map((r) => r.pointerFromSearchMs)))} | ${kb(median(runs.map((r) => r.firstBytes)))} | ${kb(median(runs.map((r) => r.laterBytes)))} |`,
      );
      for (const r of runs)
        table.push(
          `|   "${r.query}" | | ${ms(r.firstResultMs)} | ${ms(r.pointerFirstResultMs)} | ${ms(r.pointerFromSearchMs)} | ${kb(r.firstBytes)} | ${kb(r.laterBytes)} |`,
        );
    } finally {
      server.kill();
      rmSync(site.outDir, { recursive: true, force: true });
    }
  }
  if (!onlyRelevance) console.log(table.join('\n'));
  await browser.close();
}

await main();
