import path from 'node:path';
import { test, expect } from '@playwright/test';
import { bytesOf, CORPUS_FOLDERS, expectNoHorizontalScroll, root, scanFolders, WIDTHS } from '../support.ts';
import { filesContaining } from '../../support/site-files.ts';

const scan = scanFolders(...CORPUS_FOLDERS);

test('every agent file of the seven corpora is a page or a skipped file on the diagnostics page', async ({ page, request }) => {
  expect(scan.agents.length + scan.skipped.length).toBe(1237);
  for (const agent of scan.agents.filter((_, i) => i % 25 === 0)) {
    expect((await request.get(`agents/${agent.slug}/`)).status(), agent.slug).toBe(200);
    expect((await (await request.get(`agents/${agent.slug}.md`)).body()).equals(bytesOf(agent.file.absPath)), agent.slug).toBe(true);
  }
  await page.goto('diagnostics/');
  for (const skipped of scan.skipped)
    await expect(page.locator(`[data-source="${skipped.sourceId}"] [data-skipped-file="${skipped.relPath}"]`)).toBeVisible();
});

test('a name shared by several agents links to one list of all of them', async ({ page }) => {
  const shared = scan.agents.filter((a) => a.twins.count >= 3)[0]!;
  await page.goto(`agents/${shared.slug}/`);
  await expect(page.locator('[data-twins-all]')).toHaveText(`All ${shared.twins.count + 1} agents named “${shared.name}”`);
  await page.locator('[data-twins-all]').click();
  await expect(page.locator('[data-list-total]')).toHaveAttribute('data-list-total', String(shared.twins.count + 1));
  await expect(page.locator('[data-row] [data-source]').first()).toBeVisible();
});

for (const { name, width, height } of WIDTHS) {
  test.describe(`at ${width} px (${name})`, () => {
    test.use({ viewport: { width, height } });

    test('the home page groups categories by source, with readable labels, and stays short', async ({ page }) => {
      await page.goto('./');
      await expect(page.locator('[data-source-group]')).toHaveCount(7);
      await expect(page.locator('[data-source-group="voltagent"]')).toContainText('Business & Product');
      await expect(page.locator('[data-source-group="voltagent"]')).toContainText('Quality & Security');
      await expect(page.locator('[data-source-group="voltagent"]').getByRole('link', { name: /^All 10 categories/ })).toBeVisible();
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(height).toBeLessThan(width < 500 ? 16_000 : 7_000);
      await expectNoHorizontalScroll(page);
    });

    test('the categories page lists every category of every source', async ({ page }) => {
      await page.goto('categories/');
      const categories = new Set(scan.agents.map((a) => `${a.sourceId}/${a.categoryId}`));
      await expect(page.locator('[data-category]')).toHaveCount(categories.size);
      await expect(page.locator('#source-voltagent')).toContainText('Data & AI');
      await expectNoHorizontalScroll(page);
    });

    test('the diagnostics page groups findings by rule and fits the screen', async ({ page }) => {
      await page.goto('diagnostics/');
      const rule = page.locator('tr[data-rule="tools-unknown"]');
      await expect(rule.locator('[data-count]')).toHaveText(
        String([...scan.agents, ...scan.skipped].flatMap((a) => a.findings).filter((f) => f.rule === 'tools-unknown').length),
      );
      await expectNoHorizontalScroll(page);
      await rule.getByRole('link').click();
      await expect(page.locator('main li').first()).toContainText('is not a Claude Code tool');
      expect(await page.locator('main li').first().textContent()).not.toContain('tests/corpora');
      await expectNoHorizontalScroll(page);
    });
  });
}

test('the diagnostics page filters rules by source and severity', async ({ page }) => {
  await page.goto('diagnostics/');
  await page.getByLabel('Source').selectOption('wshobson');
  const wshobson = scan.agents.filter((a) => a.sourceId === 'wshobson').flatMap((a) => a.findings);
  const byRule = new Map<string, number>();
  for (const f of wshobson) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
  for (const [rule, count] of byRule) await expect(page.locator(`tr[data-rule="${rule}"] [data-count]`)).toHaveText(String(count));
  await page.getByLabel('info').uncheck();
  await expect(page.locator('tr[data-rule="field-nonstandard"]')).toBeHidden();
});

test('no file of the site holds a path of the build machine: not the project folder, not a source folder', () => {
  expect(filesContaining(path.join(root, '.cache/sites/corpora'), [root])).toEqual([]);
});
