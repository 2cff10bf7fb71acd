import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { expectNoHorizontalScroll, root, waitForCount, WIDTHS } from '../support.ts';

// The site built from 10,000 synthetic agents (scripts/build-test-sites.ts): lists must page, and no
// page may carry the whole catalogue.
const dist = path.join(root, '.cache/sites/scale');
const AGENTS = 10_000;
const MAX_PAGE_BYTES = 150 * 1024;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

test(`no HTML page of a ${AGENTS.toLocaleString('en')}-agent site exceeds 150 KB`, () => {
  const sizes = htmlFiles(dist).map((file) => ({ page: path.relative(dist, file), bytes: statSync(file).size }));
  const agentPages = sizes.filter((s) => /^agents\/[^/]+\/index\.html$/.test(s.page));
  expect(agentPages).toHaveLength(AGENTS);
  const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  test.info().annotations.push({ type: 'largest page', description: `${largest.page}: ${(largest.bytes / 1024).toFixed(1)} KB` });
  expect(sizes.filter((s) => s.bytes > MAX_PAGE_BYTES)).toEqual([]);
});

for (const { name, width, height } of WIDTHS) {
  test(`the A to Z list pages through all ${AGENTS.toLocaleString('en')} agents at ${width} px (${name})`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('agents/');
    const pages = page.getByRole('navigation', { name: 'Pages' });
    await expect(pages).toBeVisible();
    await pages.getByRole('link', { name: 'Next' }).click();
    await expect(page).toHaveURL(/\/agents\/page\/2\/$/);
    await expect(page.locator('[data-row]').first()).toBeVisible();
    await expectNoHorizontalScroll(page);
  });
}

test('search finds one agent among 10,000 by its exact name', async ({ page }) => {
  await page.goto('search/?q=synth-9999');
  expect(await waitForCount(page)).toBeGreaterThan(0);
  await expect(page.locator('main [data-result]').first()).toHaveAttribute('data-result', /\/agents\/synth-9999-[^/]+\/$/);
});
