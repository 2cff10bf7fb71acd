import { readdirSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { scanSources } from '../../../src/lib/scan.ts';
import { sourceFromDir } from '../../../src/lib/sources.ts';
import { bytesOf } from '../support.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const corporaDir = path.join(root, '../shared/corpora');
// The same relative folders the test build used, so diagnostics name files the same way.
const scan = scanSources(readdirSync(corporaDir).sort().map((dir) => sourceFromDir(path.join('../shared/corpora', dir), root)));

test('every readable corpus file has a page and a raw URL byte-equal to its source', async ({ request }) => {
  test.setTimeout(180_000);
  expect(scan.agents.length).toBeGreaterThan(1200);
  const crlf = scan.agents.filter((a) => a.file.lineEndings === 'crlf');
  const noFinalNewline = scan.agents.filter((a) => !a.file.finalNewline);
  expect(crlf.length).toBeGreaterThan(0);
  expect(noFinalNewline.length).toBeGreaterThan(0);
  for (const agent of scan.agents) {
    const raw = await request.get(`agents/${agent.slug}.md`);
    expect(raw.status(), agent.slug).toBe(200);
    expect((await raw.body()).equals(bytesOf(agent.file.absPath)), agent.file.displayPath).toBe(true);
  }
  for (const agent of [...crlf, ...noFinalNewline.slice(0, 20)]) {
    expect((await request.get(`agents/${agent.slug}/`)).status(), agent.slug).toBe(200);
  }
});

test('the diagnostics page lists every skipped corpus file with its reason', async ({ page }) => {
  await page.goto('diagnostics/');
  expect(scan.skipped.length).toBeGreaterThan(0);
  for (const skipped of scan.skipped) {
    const item = page.locator(`[data-skipped-file="${skipped.file.displayPath}"]`);
    await expect(item).toContainText(skipped.findings[0]!.rule);
  }
  for (const summary of scan.summaries) {
    await expect(page.locator(`[data-source="${summary.source.id}"]`)).toContainText(`${summary.pages} pages, ${summary.skipped} skipped`);
  }
});

test('agents with a shared name have distinct pages that link to each other', async ({ page }) => {
  const name = 'backend-architect';
  const twins = scan.agents.filter((a) => a.name === name);
  expect(twins.length).toBeGreaterThan(2);
  for (const twin of twins) {
    await page.goto(`agents/${twin.slug}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.locator('[data-twin]')).toHaveCount(twins.length - 1);
    expect(await page.locator('#raw-definition').textContent()).toBe(twin.raw);
  }
});

test('markup in corpus descriptions and prompts is inert text', async ({ page }) => {
  const risky = scan.agents.filter((a) => /<(script|img|iframe|example|commentary|details|style)\b/i.test(a.raw)).slice(0, 25);
  expect(risky.length).toBeGreaterThan(5);
  for (const agent of risky) {
    await page.goto(`agents/${agent.slug}/`);
    await expect(page.locator('article').locator('img, iframe, example, commentary, details:not(.mb-6), style, [onerror], [onload]')).toHaveCount(0);
    const scripts = await page.locator('article script').evaluateAll((nodes) => nodes.map((n) => n.textContent ?? ''));
    expect(scripts.every((code) => code.includes('copy-button') || code.includes('theme-toggle') || code === '')).toBe(true);
  }
  const withExamples = scan.agents.find((a) => a.examples.length > 0)!;
  await page.goto(`agents/${withExamples.slug}/`);
  await expect(page.getByText(`Examples from the description (${withExamples.examples.length})`)).toBeVisible();
});
