import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { scanSources, type ScanResult } from '../../src/lib/scan.ts';
import { sourceFromDir } from '../../src/lib/sources.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** What the site should show, read from the same folder the site was built from. */
export function scanFolder(dir: string): ScanResult {
  return scanSources([sourceFromDir(dir, root)]);
}

/** A file's exact bytes. */
export function bytesOf(absPath: string): Buffer {
  return readFileSync(absPath);
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
