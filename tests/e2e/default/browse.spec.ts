import { test, expect } from '@playwright/test';
import { exportName } from '../../../src/lib/publish/other-tool-files.ts';
import { PAGE_SIZE } from '../../../src/lib/views/lists.ts';
import { expectNoHorizontalScroll, scanFolders, WIDTHS } from '../support.ts';

const scan = scanFolders('content/agents');
const categoryIds = [...new Set(scan.agents.map((a) => a.categoryId))];

for (const { name, width, height } of WIDTHS) {
  test.describe(`at ${width} px (${name})`, () => {
    test.use({ viewport: { width, height } });

    test('the home page offers search, a place to start and every category with its count', async ({ page }) => {
      await page.goto('./');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Subagent Catalog');
      await expect(page.getByRole('search', { name: 'Agents' }).getByRole('searchbox')).toBeVisible();
      await expect(page.locator('[data-starting-points] [data-row]')).toHaveCount(6);
      for (const id of categoryIds) {
        const count = scan.agents.filter((a) => a.categoryId === id).length;
        await expect(page.locator(`[data-category="${id}"] [data-agent-count]`)).toHaveAttribute('data-agent-count', String(count));
      }
      await expectNoHorizontalScroll(page);
    });

    test('every list page of the site fits the screen', async ({ page }) => {
      for (const path of [
        'categories/',
        'agents/',
        'tools/',
        'skills/',
        'models/',
        'diagnostics/',
        'about/',
        'bundle/',
        'search/?q=review',
        `categories/${categoryIds[0]}/`,
        'tools/bash/',
      ]) {
        await page.goto(path);
        await expectNoHorizontalScroll(page);
      }
    });
  });
}

test('the categories page lists every category with its description and count', async ({ page }) => {
  await page.goto('categories/');
  await expect(page.locator('[data-category]')).toHaveCount(categoryIds.length);
  await expect(page.locator('[data-category="quality-security"]')).toContainText('Quality & Security');
  await expect(page.locator('[data-category="quality-security"] p').first()).not.toBeEmpty();
});

test('a category page lists its agents by name, with install commands for all of them', async ({ page, request }) => {
  const id = 'languages';
  const members = scan.agents
    .filter((a) => a.categoryId === id)
    .map((a) => a.name)
    .sort();
  await page.goto(`categories/${id}/`);
  await expect(page.locator('[data-list-rows] [data-row]')).toHaveCount(members.length);
  expect(await page.locator('[data-list-rows] [data-row] a').first().textContent()).toBe(members[0]);
  await expect(page.locator('#install-all')).toContainText(`Install all ${members.length} agents`);
  // The agents come first, on the first screen of a desktop and of a phone; the install box follows the list.
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(viewport);
    const firstRow = await page.locator('[data-list-rows] [data-row]').first().boundingBox();
    expect(firstRow!.y + firstRow!.height).toBeLessThan(viewport.height);
  }
  expect(await page.locator('[data-list-rows] ~ #install-all, list-controls ~ #install-all').count()).toBe(1);
  await page.getByRole('link', { name: 'Install them all' }).click();
  await expect(page.locator('#install-all')).toBeInViewport();
  const script = await request.get(`categories/${id}/install.sh`);
  expect(script.status()).toBe(200);
  for (const agent of scan.agents.filter((a) => a.categoryId === id))
    expect(await script.text()).toContain(`\nput ${agent.name}.md ${agent.slug} ${exportName(agent)}\n`);
});

test('the A to Z list holds every agent, and its filter and sort work in the browser', async ({ page }) => {
  await page.goto('agents/');
  await expect(page.locator('[data-list-total]')).toHaveAttribute('data-list-total', String(scan.agents.length));
  await expect(page.locator('[data-list-rows] [data-row]')).toHaveCount(Math.min(PAGE_SIZE, scan.agents.length));
  await expect(page.getByRole('navigation', { name: 'Pages' })).toBeVisible();
  const filter = page.getByRole('searchbox', { name: 'Filter this list' });
  await filter.fill('postgres');
  const expected = scan.agents.filter((a) => `${a.name} ${a.summary}`.toLowerCase().includes('postgres')).map((a) => a.slug);
  await expect(page.locator('[data-list-status]')).toHaveText(`${expected.length} agent${expected.length === 1 ? '' : 's'} match.`);
  expect(
    await page.locator('[data-list-rows] [data-row]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset['row'])),
  ).toEqual(expect.arrayContaining(expected));
  await filter.fill('');
  await page.getByLabel('Sort by').selectOption('category');
  await expect(page.locator('[data-list-status]')).toHaveText(`${scan.agents.length} agents match.`);
  const firstCategory = [...new Set(scan.agents.map((a) => scan.categories.get(a.categoryId)!.label.toLowerCase()))].sort()[0]!;
  expect((await page.locator('[data-list-rows] [data-row] p').nth(1).textContent())!.toLowerCase()).toContain(firstCategory);
});

test('the second page of the A to Z list starts where the first ended', async ({ page }) => {
  expect(scan.agents.length).toBeGreaterThan(PAGE_SIZE);
  await page.goto('agents/');
  const lastOnFirstPage = await page.locator('[data-list-rows] [data-row]').last().getAttribute('data-row');
  await page.goto('agents/page/2/');
  await expect(page.locator('[data-list-rows] [data-row]')).toHaveCount(Math.min(PAGE_SIZE, scan.agents.length - PAGE_SIZE));
  // Names are unique in the default catalogue, so the lower-cased name alone orders the list.
  const slugsByName = [...scan.agents].sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1)).map((a) => a.slug);
  expect(await page.locator('[data-list-rows] [data-row]').first().getAttribute('data-row')).toBe(
    slugsByName[slugsByName.indexOf(lastOnFirstPage!) + 1],
  );
  await expect(page.getByRole('link', { name: 'Previous' })).toHaveAttribute('href', /\/agents\/$/);
});

test('the tools index groups tools by what they are, with counts that match the tool pages', async ({ page }) => {
  await page.goto('tools/');
  await expect(page.locator('[data-tool-section="builtin"]')).toBeVisible();
  const bashCount = scan.agents.filter((a) => a.tools.tools.some((t) => t.name === 'Bash')).length;
  await expect(page.locator('[data-tool-section="builtin"] [data-facet-value="Bash"]')).toHaveAttribute('data-count', String(bashCount));
  await page.locator('[data-facet-value="Bash"] a').click();
  await expect(page.locator('[data-list-total]')).toHaveAttribute('data-list-total', String(bashCount));
});

test('an unknown address shows the 404 page with a way back', async ({ page }) => {
  const response = await page.goto('no/such/page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('link', { name: 'Every agent, A to Z' }).click();
  await expect(page).toHaveURL(/\/agents\/$/);
});

test('the theme can follow the system, or be light or dark, and the choice is kept', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./');
  const theme = page.getByRole('combobox', { name: 'Theme' });
  await expect(theme).toHaveValue('system');
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const darkBackground = await background();
  await theme.selectOption('light');
  expect(await background()).not.toBe(darkBackground);
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('light');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBeUndefined();
  expect(await background()).toBe(darkBackground);
});
