/**
 * The hostile site: tests/fixtures/hostile plus what git cannot hold (a pipe, a name that is not UTF-8,
 * an oversized file, a 10 MB paragraph, link loops and links out of the folder), built by
 * scripts/build-test-sites.ts. That the build finished at all is the first test.
 */
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { root, scanFolders } from '../support.ts';
import { filesContaining } from '../../support/site-files.ts';

const scan = scanFolders('.cache/hostile-src');

test('every hostile file is on the site or on the diagnostics page, and the neighbours survive', async ({ page, request }) => {
  expect(scan.agents.length).toBeGreaterThan(10);
  for (const agent of scan.agents) expect((await request.get(`agents/${agent.slug}/`)).status(), agent.file.relPath).toBe(200);
  await page.goto('diagnostics/');
  for (const skipped of scan.skipped) await expect(page.locator(`[data-skipped-file="${skipped.relPath}"]`)).toHaveCount(1);
  const rules = new Set([...scan.agents, ...scan.skipped].flatMap((e) => e.findings.map((f) => f.rule)));
  for (const rule of [
    'yaml-unreadable',
    'yaml-alias-cycle',
    'limit-prompt-nesting',
    'limit-prompt-size',
    'limit-list-length',
    'limit-file-size',
    'file-special',
    'file-name-invalid',
    'symlink-loop',
    'symlink-outside',
    'encoding-invalid',
    'frontmatter-cut',
    'file-too-large',
  ] as const) {
    expect(rules.has(rule), rule).toBe(true);
  }
  await expect(page.locator('[data-source] details')).toContainText('node_modules');
  await expect(page.locator('[data-source] details')).toContainText('.hidden');
});

test('prompts past the limits are shown as plain text, and the raw file is still complete', async ({ page, request }) => {
  for (const name of ['deep-quote', 'huge-paragraph']) {
    const agent = scan.agents.find((a) => a.name === name)!;
    await page.goto(`agents/${agent.slug}/`);
    await expect(page.locator('.prose pre.prompt-plain')).toBeVisible();
    const raw = await request.get(`agents/${agent.slug}.md`);
    expect((await raw.body()).length).toBe(agent.file.bytes);
  }
});

test('names, categories and folders longer than a file name allows still get pages', async ({ page }) => {
  for (const agent of scan.agents.filter((a) => a.file.relPath.startsWith('lengths/'))) {
    expect(agent.slug.length).toBeLessThan(100);
    await page.goto(`agents/${agent.slug}/`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
});

test('no script from a hostile file runs anywhere on the site', async ({ page }) => {
  const injector = scan.agents.find((a) => a.file.relPath === 'markup/injector.md')!;
  for (const path of [`agents/${injector.slug}/`, 'agents/', 'categories/markup/', 'diagnostics/', `search/?q=injector`]) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), path).toBeUndefined();
    await expect(page.locator('main img, main style, main a[href^="javascript:" i]')).toHaveCount(0);
  }
});

test('no file of the site holds a path of the build machine: not the project folder, not a source folder', () => {
  expect(filesContaining(path.join(root, '.cache/sites/hostile'), [root])).toEqual([]);
});
