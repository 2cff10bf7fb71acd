import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import matter from 'gray-matter';
import { scanFolder, expectNoAxeViolations, expectNoHorizontalScroll } from '../support.ts';

const scan = scanFolder('content/agents');
const categoryFile = matter(`---\n${readFileSync('content/agents/categories.yaml', 'utf8')}\n---\n`, {}).data as Record<
  string,
  { label: string; description: string; order: number }
>;
const categories = Object.entries(categoryFile).sort((a, b) => a[1].order - b[1].order);

test('the home page lists every category with its label, description and agent count', async ({ page }) => {
  await page.goto('./');
  const cards = page.locator('[data-category]');
  await expect(cards).toHaveCount(categories.length);
  for (const [index, [id, meta]] of categories.entries()) {
    const card = cards.nth(index);
    await expect(card).toHaveAttribute('data-category', id);
    await expect(card.getByRole('heading')).toHaveText(meta.label);
    await expect(card).toContainText(meta.description.trim());
    const count = scan.agents.filter((a) => a.categoryId === id).length;
    await expect(card).toContainText(`${count} agent`);
  }
});

test('a visitor goes from the home page to a category to an agent', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: 'Core Development' }).click();
  await expect(page).toHaveURL(/\/categories\/core-development\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Core Development');
  const agent = scan.agents.find((a) => a.name === 'backend-developer')!;
  await expect(page.locator('[data-agent-card]')).toHaveCount(scan.agents.filter((a) => a.categoryId === 'core-development').length);
  await page.getByRole('link', { name: 'backend-developer', exact: true }).click();
  await expect(page).toHaveURL(/\/agents\/backend-developer\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('backend-developer');
  await expect(page.locator('main')).toContainText(agent.descriptionText);
});

test('an agent page shows its category, model, tools, tags, prompt and raw definition', async ({ page }) => {
  const agent = scan.agents.find((a) => a.name === 'backend-developer')!;
  await page.goto(`agents/${agent.slug}/`);
  const details = page.getByRole('complementary', { name: 'Agent details' });
  await expect(details.getByRole('link', { name: 'Core Development' })).toBeVisible();
  await expect(details.locator('[data-model-family]')).toContainText(agent.model.raw ?? 'inherit');
  await expect(details.locator('[data-tool]')).toHaveText(agent.tools.tools.map((t) => t.raw));
  for (const tag of agent.tags) await expect(details).toContainText(tag);
  await expect(page.locator('.prose h3').first()).toBeVisible();
  expect(await page.locator('#raw-definition').textContent()).toBe(agent.raw);
});

test('cards show a summary, the model and tool chips', async ({ page }) => {
  await page.goto('categories/quality-security/');
  const agent = scan.agents.find((a) => a.name === 'code-reviewer')!;
  const card = page.locator(`[data-agent-card="${agent.slug}"]`);
  await expect(card).toContainText(agent.summary);
  await expect(card.locator('[data-model-family]')).toBeVisible();
  await expect(card.locator('[data-tool]')).toHaveCount(Math.min(agent.tools.tools.length, 6));
});

test('an unknown address shows the 404 page, which leads back home', async ({ page }) => {
  const response = await page.goto('no/such/page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('link', { name: 'Back to all categories' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Subagent Catalog');
});

test('the pages have no accessibility violations, in light and dark mode', async ({ page }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const path of ['./', 'categories/core-development/', 'agents/backend-developer/', 'about/', 'diagnostics/', 'no-such-page/']) {
      await page.goto(path);
      await expectNoAxeViolations(page);
    }
  }
});

test('the layout fits a phone screen without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ['./', 'categories/core-development/', 'agents/backend-developer/', 'diagnostics/']) {
    await page.goto(path);
    await expectNoHorizontalScroll(page);
  }
});

test('dark mode follows the system and the toggle overrides it across pages', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./');
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const dark = await background();
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  expect(await background()).not.toBe(dark);
  await page.goto('categories/research/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'false');
});

test('pages ship no JavaScript beyond search, the copy button and the theme toggle', async ({ page }) => {
  const scripts: { url: string; bytes: number }[] = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script' && response.status() === 200) {
      scripts.push({ url: response.url(), bytes: (await response.body()).length });
    }
  });
  await page.goto('./');
  await page.waitForLoadState('networkidle');
  const homeScripts = [...scripts];
  const inline = (await page.locator('script:not([src])').evaluateAll((nodes) => nodes.map((n) => n.textContent ?? ''))).join('\n');
  expect(inline).not.toMatch(/copy-button/);
  // Only the search field's bootstrap loads up front; the search code itself waits until the field is used.
  const paths = homeScripts.map((s) => new URL(s.url).pathname).sort();
  expect(paths).toEqual([expect.stringMatching(/^\/_astro\/SiteSearch\..*\.js$/), expect.stringMatching(/^\/_astro\/preload-helper\..*\.js$/)]);
  expect(homeScripts.reduce((n, s) => n + s.bytes, 0)).toBeLessThan(3 * 1024);
  await page.goto('agents/backend-developer/');
  const agentCode = (await page.locator('script').evaluateAll((nodes) => nodes.map((n) => n.textContent ?? ''))).join('\n');
  expect(agentCode).toMatch(/copy-button/);
});
