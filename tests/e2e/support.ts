import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { loadCatalogConfig, sourceFromDir } from '../../src/build/config-file.ts';
import { scanSources } from '../../src/build/scan.ts';
import { type ScanResult } from '../../src/lib/catalog/assemble.ts';

/** The project root. */
export const root = path.resolve(import.meta.dirname, '../..');

/** What the site should show, read from the same folders the site was built from. */
export function scanFolders(...dirs: string[]): ScanResult {
  return scanSources(dirs.map((dir) => sourceFromDir(dir, root)));
}

/** The folders of the seven public collections in tests/corpora, which the corpora site is built from. */
export const CORPUS_FOLDERS = readdirSync(path.join(root, 'tests/corpora'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => `tests/corpora/${e.name}`)
  .sort();

/** What a site built from a config file should show. */
export function scanConfig(configFile: string): ScanResult {
  return scanSources(loadCatalogConfig(root, { CATALOG_CONFIG: configFile }).sources);
}

/** A file's exact bytes. */
export function bytesOf(absPath: string): Buffer {
  return readFileSync(absPath);
}

/** Runs a copied command with sh in a new scratch folder that is also its HOME, as a visitor would paste it; returns the folder. */
export function runInTemp(command: string, prefix = 'install-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  execFileSync('sh', ['-c', command], { cwd: dir, env: { ...process.env, HOME: dir }, stdio: 'pipe', timeout: 60_000 });
  return dir;
}

/** Reads the clipboard as text in the page (the context must have clipboard permissions). */
export async function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Asserts axe finds no accessibility violations on the current page. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Asserts nothing on the page is wider than the viewport (no sideways scrolling on phones). */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** The two widths every layout test runs at: a phone and a laptop. */
export const WIDTHS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;

/** The slugs of the results on the search page or in the header panel, in order. */
export async function resultSlugs(page: Page, scope = 'main'): Promise<string[]> {
  const urls = await page.locator(`${scope} [data-result]`).evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset['result']!));
  return urls.map((u) => /\/agents\/([^/]+)\/$/.exec(u)![1]!);
}

/** Waits for the search page to finish a search, and returns its result count. */
export async function waitForCount(page: Page): Promise<number> {
  const status = page.locator('main [data-search-status][data-count]');
  await expect(status).toBeAttached({ timeout: 30_000 });
  return Number(await status.getAttribute('data-count'));
}
