/**
 * What the pages of a site of several sources say, checked against the files: counts that add up, labels a
 * person would write, messages without raw Markdown, one word for one meaning, links that lead somewhere, and a
 * layout that puts the agents first, on a phone too.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { FINDINGS_PER_PAGE } from '../../../src/lib/views/diagnostics.ts';
import { brokenLinks } from '../../support/site-files.ts';
import { CORPUS_FOLDERS, expectNoAxeViolations, root, scanFolders, WIDTHS } from '../support.ts';

const scan = scanFolders(...CORPUS_FOLDERS);
const OUT_DIR = path.join(root, '.cache/sites/corpora');

test('every link and source on every page leads to a file of the site; links written inside prompts to their own repository are text', () => {
  expect(brokenLinks(OUT_DIR, '/')).toEqual([]);
});

test('a category card counts every agent its page lists, and the categories page counts the pages there are', async ({ page }) => {
  await page.goto('./');
  const cards = await page.locator('[data-category]').evaluateAll((nodes) =>
    nodes.map((n) => ({
      id: (n as HTMLElement).dataset['category']!,
      total: Number(n.querySelector('[data-agent-count]')!.getAttribute('data-agent-count')),
    })),
  );
  expect(cards.length).toBeGreaterThan(10);
  for (const card of cards) expect(card.total, card.id).toBe(scan.agents.filter((a) => a.categoryId === card.id).length);
  await page.goto('categories/');
  // A card of one source's share of a category shared by several says both.
  const voltagentDataAi = scan.agents.filter((a) => a.categoryId === 'data-ai' && a.sourceId === 'voltagent').length;
  await expect(page.locator('#source-voltagent [data-category="data-ai"] [data-agent-count]')).toHaveText(
    new RegExp(`^${scan.agents.filter((a) => a.categoryId === 'data-ai').length} agents, ${voltagentDataAi} from `),
  );
  const pages = readdirSync(path.join(OUT_DIR, 'categories'), { withFileTypes: true }).filter((e) => e.isDirectory()).length;
  expect(pages).toBe(new Set(scan.agents.map((a) => a.categoryId)).size);
  await expect(page.locator('main > p').first()).toContainText(`${pages} categories`);
  await expect(page.locator('main > p').first()).toContainText('Or see every agent, A to Z.');
  // Labels as a person writes them.
  for (const label of ['CI/CD Automation', 'Git PR Workflows', 'Data & AI'])
    await expect(page.locator('main').getByRole('link', { name: label, exact: true }).first()).toBeVisible();
});

test('the diagnostics page counts pages, skips and files without a page in words that cannot be confused, and names no folder', async ({
  page,
}) => {
  await page.goto('diagnostics/');
  const text = (await page.locator('main').textContent())!;
  expect(text).not.toMatch(/\b1 (errors|warnings|notes|files|agents)\b/);
  expect(text).not.toMatch(/\d+ skipped/);
  for (const source of new Set(scan.agents.map((a) => a.sourceId))) {
    const agents = scan.agents.filter((a) => a.sourceId === source);
    const skips = agents.filter((a) => a.verdict === 'skipped').length;
    const withoutPage = scan.skipped.filter((s) => s.sourceId === source).length;
    const counts = page.locator(`[data-source="${source}"] [data-source-counts]`);
    await expect(counts).toContainText(
      `${agents.length} agent pages${skips > 0 ? ` (Claude Code skips ${skips})` : ''}, ${withoutPage} ${withoutPage === 1 ? 'file' : 'files'} without a page`,
    );
  }
  expect(text).not.toContain('tests/corpora');
  expect(text).not.toContain(root);
});

test('a rule’s page lists each file once, with all its lines, and messages show code as code, not as backticks', async ({ page }) => {
  await page.goto('diagnostics/tools-unknown/');
  const withRule = scan.agents.filter((a) => a.findings.some((f) => f.rule === 'tools-unknown'));
  const rows = await page
    .locator('main li[data-finding-source]')
    .evaluateAll((items) =>
      items.map((li) => `${(li as HTMLElement).dataset['findingSource']}/${li.querySelector('a, code')!.textContent}`),
    );
  expect(new Set(rows).size).toBe(rows.length);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.length).toBeLessThanOrEqual(withRule.length);
  // A page holds at most FINDINGS_PER_PAGE findings, however they fall into files.
  expect(await page.locator('main li[data-finding-source] span.block').count()).toBeLessThanOrEqual(FINDINGS_PER_PAGE);
  // A file with several unknown tools is one row with a message for each.
  await expect(page.locator('main li[data-finding-source]:has(span.block + span.block)').first()).toBeVisible();
  await expect(page.locator('main li code').first()).toBeVisible();
  for (const text of await page.locator('main li[data-finding-source]').allTextContents()) expect(text).not.toContain('`');
});

test('an agent whose only tools are not Claude Code tools is marked as having no tools, not as read-only', async ({ page }) => {
  const agent = scan.agents.find((a) => a.profile.length === 1 && a.profile[0] === 'no-tools' && a.tools.tools.length > 0)!;
  await page.goto(`agents/${agent.slug}/`);
  await expect(page.locator('[data-profile]')).toContainText('No tools');
  await expect(page.locator('[data-profile]')).not.toContainText('Read-only');
});

test('a category’s install box names both scripts apart and comes after the agents', async ({ page }) => {
  await page.goto('categories/data-ai/');
  await expect(page.locator('#install-all')).toContainText('install.sh, install.ps1');
  const rows = await page.locator('[data-list-rows]').boundingBox();
  const box = await page.locator('#install-all').boundingBox();
  expect(box!.y).toBeGreaterThan(rows!.y);
});

test('the install guide writes the command with two hyphens and names the JSON file as agent pages do', async ({ page }) => {
  await page.goto('about/');
  await expect(page.locator('main')).toContainText('claude --agents "$(cat agent.json)"');
  expect(await page.locator('main').textContent()).not.toMatch(/claude [–—]agents|agents\.json"\)/);
  await page.goto(`agents/${scan.agents[0]!.slug}/`);
  await expect(page.locator('main')).toContainText('claude --agents "$(cat agent.json)"');
});

for (const { name, width, height } of WIDTHS) {
  test.describe(`at ${width} px (${name})`, () => {
    test.use({ viewport: { width, height } });

    test('an agent page shows its findings before its prompt, and numbers and words are never broken inside', async ({ page }) => {
      const agent = scan.agents.find((a) => a.findings.length > 2 && a.verdict !== 'skipped')!;
      await page.goto(`agents/${agent.slug}/`);
      const findings = await page.locator('[data-findings]').boundingBox();
      const prompt = await page.locator('#prompt-heading').boundingBox();
      if (width < 1024) expect(findings!.y).toBeLessThan(prompt!.y);
      else expect(findings!.y).toBeLessThan(prompt!.y + prompt!.height + 600);
      const breakAll = await page
        .locator('main dd, main td, main th')
        .evaluateAll((cells) => cells.filter((c) => getComputedStyle(c).wordBreak === 'break-all').map((c) => c.textContent));
      expect(breakAll).toEqual([]);
    });

    test('the header is short, and the search page has one search box', async ({ page }) => {
      await page.goto('./');
      const header = await page.locator('body > header').boundingBox();
      expect(header!.height).toBeLessThanOrEqual(width < 640 ? 140 : 110);
      await page.goto('search/');
      await expect(page.getByRole('searchbox')).toHaveCount(1);
      // Every menu link is reachable on a phone, by scrolling the menu sideways if need be.
      for (const link of await page.getByRole('navigation', { name: 'Main' }).getByRole('link').all()) {
        await link.scrollIntoViewIfNeeded();
        await expect(link).toBeInViewport();
      }
    });

    for (const [label, url] of [
      ['home', './'],
      ['category with agents left out of its install', 'categories/data-ai/'],
      ['diagnostics', 'diagnostics/'],
      ['rule', 'diagnostics/tools-unknown/'],
      ['agent with code blocks', `agents/${scan.agents.find((a) => a.slug === 'hlbpa')?.slug ?? scan.agents[0]!.slug}/`],
      ['search', 'search/?q=review%20a%20pull%20request'],
    ] as const) {
      test(`the ${label} page has no axe violations`, async ({ page }) => {
        await page.goto(url);
        await page.waitForLoadState('networkidle');
        await expectNoAxeViolations(page);
      });
    }
  });
}
