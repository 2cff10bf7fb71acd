import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { resultSlugs, scanFolders, waitForCount, WIDTHS } from '../support.ts';

const scan = scanFolders('content/agents');
const bySlug = new Map(scan.agents.map((a) => [a.slug, a]));
const textOf = (slug: string) => readFileSync(bySlug.get(slug)!.file.absPath, 'utf8').toLowerCase();

test.describe('the header search', () => {
  test('results appear as you type; arrow keys move through them; Enter opens one', async ({ page }) => {
    await page.goto('./');
    const field = page.getByRole('searchbox', { name: 'Search agents' });
    await field.fill('postgres');
    const panel = page.locator('#site-search-panel');
    await expect(panel.locator('[data-result="/agents/postgres-query-tuner/"]')).toBeVisible();
    await field.press('ArrowDown');
    await expect(panel.locator('a[data-result-link]').first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(panel.locator('a[data-result-link]').nth(1)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(field).toBeFocused();
    await field.press('ArrowDown');
    const target = await panel.locator('a[data-result-link]').first().getAttribute('href');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${target}$`));
  });

  test('five rows of different agents load five results, no more', async ({ page }) => {
    const loaded: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/pagefind/fragment/')) loaded.push(request.url());
    });
    await page.goto('./');
    await page.getByRole('searchbox', { name: 'Search agents' }).fill('review');
    const rows = page.locator('#site-search-panel [data-result]');
    await expect(rows).toHaveCount(5);
    expect(new Set(await rows.locator('a[data-result-link]').allTextContents()).size).toBe(5);
    await page.waitForLoadState('networkidle');
    expect(loaded).toHaveLength(5);
  });

  test('Escape closes the panel wherever focus is in it', async ({ page }) => {
    await page.goto('./');
    const field = page.getByRole('searchbox', { name: 'Search agents' });
    await field.fill('review');
    const panel = page.locator('#site-search-panel');
    const firstResult = panel.locator('a[data-result-link]').first();
    await expect(firstResult).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await field.press('ArrowDown');
    await expect(field).toBeFocused();
    // From a result: focus goes back to the field, and the panel stays closed.
    await field.fill('reviewer');
    await expect(firstResult).toBeVisible();
    await field.press('ArrowDown');
    await expect(firstResult).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(field).toBeFocused();
    await page.waitForTimeout(500);
    await expect(panel).toBeHidden();
  });

  test('once focus leaves, no search still under way reopens the panel', async ({ page }) => {
    await page.goto('./');
    const field = page.getByRole('searchbox', { name: 'Search agents' });
    // Two letters wait before searching; leave during that wait and after it.
    const elsewhere = page.locator('footer a').first();
    await field.fill('te');
    await elsewhere.focus();
    await page.waitForTimeout(800);
    await expect(page.locator('#site-search-panel')).toBeHidden();
    // A full word searches at once; leave before its results can arrive.
    await field.fill('terraform');
    await elsewhere.focus();
    await page.waitForTimeout(800);
    await expect(page.locator('#site-search-panel')).toBeHidden();
  });

  test('the count agrees with its number: "1 agent matches", "N agents match"', async ({ page }) => {
    await page.goto('./');
    const field = page.getByRole('searchbox', { name: 'Search agents' });
    const status = page.locator('#site-search-panel [data-search-status]');
    await field.fill('kubeconform');
    await expect(status).toHaveText(/^\d+ agents? match(es)? “kubeconform”\.$/);
    const text = (await status.textContent())!;
    expect(text.startsWith('1 agent ') ? text.includes('1 agent matches') : text.includes('agents match')).toBe(true);
  });

  test('the search engine loads when the pointer reaches the field, not with the page', async ({ page }) => {
    const engine: string[] = [];
    page.on('request', (request) => {
      if (/\/pagefind\/(pagefind\.js|wasm\.)/.test(request.url())) engine.push(request.url());
    });
    await page.goto('./', { waitUntil: 'networkidle' });
    expect(engine).toEqual([]);
    const field = page.getByRole('searchbox', { name: 'Search agents' });
    await field.hover();
    await expect.poll(() => engine.some((url) => url.includes('/wasm.'))).toBe(true);
    await expect(field).not.toBeFocused();
    await field.fill('postgres');
    await expect(page.locator('#site-search-panel [data-result="/agents/postgres-query-tuner/"]')).toBeVisible();
  });

  test('/ and Ctrl+K focus the field from anywhere', async ({ page }) => {
    await page.goto('categories/');
    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox', { name: 'Search agents' })).toBeFocused();
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('Control+k');
    await expect(page.getByRole('searchbox', { name: 'Search agents' })).toBeFocused();
  });
});

test.describe('the search page', () => {
  test('a query finds the agents that mention it', async ({ page }) => {
    await page.goto('search/?q=terraform');
    expect(await waitForCount(page)).toBeGreaterThan(0);
    const slugs = await resultSlugs(page);
    expect(slugs).toContain('terraform-engineer');
    for (const slug of slugs) expect(textOf(slug)).toContain('terraform');
  });

  test('values of one filter combine with OR and stay listed; different filters combine with AND', async ({ page }) => {
    await page.goto('search/?model=Opus');
    const opus = scan.agents.filter((a) => a.model.family === 'opus').length;
    expect(await waitForCount(page)).toBe(opus);
    const models = page.locator('[data-facet="model"]');
    await expect(models.getByLabel(/^Inherit/)).toBeVisible();
    await models.getByLabel(/^Inherit/).check();
    const inherit = scan.agents.filter((a) => a.model.family === 'inherit').length;
    expect(await waitForCount(page)).toBe(opus + inherit);
    await expect(page).toHaveURL(/model=Opus&model=Inherit|model=Inherit&model=Opus/);
    await page
      .locator('[data-facet="tool"]')
      .getByLabel(/^Write/)
      .check();
    const both = scan.agents.filter(
      (a) => ['opus', 'inherit'].includes(a.model.family) && a.tools.tools.some((t) => t.name === 'Write'),
    ).length;
    expect(await waitForCount(page)).toBe(both);
  });

  test('active filters show as chips that remove them', async ({ page }) => {
    await page.goto('search/?q=review&tool=Bash');
    await waitForCount(page);
    const chip = page.getByRole('button', { name: 'Remove filter Tool: Bash' });
    await chip.click();
    await expect(page).toHaveURL(/\?q=review$/);
    await expect(chip).toHaveCount(0);
  });

  test('with nothing found, it says which filter to remove', async ({ page }) => {
    await page.goto('search/?q=terraform&model=Haiku');
    expect(await waitForCount(page)).toBe(0);
    await expect(page.locator('main [data-search-status]')).toContainText('Remove “Model: Haiku”');
  });

  test('results can be sorted by name', async ({ page }) => {
    await page.goto('search/?q=review&sort=name');
    await waitForCount(page);
    const names = await page.locator('main [data-result] a[data-result-link]').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  test('pressing "Show more" twice quickly never shows a result twice', async ({ page }) => {
    await page.goto('search/?model=Inherit');
    const count = await waitForCount(page);
    expect(count).toBeGreaterThan(40);
    const more = page.getByRole('button', { name: 'Show more results' });
    // Two clicks before anything is drawn; a pointer double-click could land its second click on a result the first drew.
    await more.evaluate((button: HTMLButtonElement) => {
      button.click();
      button.click();
    });
    await expect.poll(async () => (await resultSlugs(page)).length).toBeGreaterThanOrEqual(40);
    const slugs = await resultSlugs(page);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  for (const [facet, value, has] of [
    ['tool', 'Bash', (a: (typeof scan.agents)[number]) => a.tools.tools.some((t) => t.name === 'Bash')],
    ['model', 'Haiku', (a: (typeof scan.agents)[number]) => a.model.family === 'haiku'],
    ['skill', 'postgresql', (a: (typeof scan.agents)[number]) => a.tags.includes('postgresql')],
  ] as const) {
    test(`the ${facet} filter ${value} lists exactly the agents that have it`, async ({ page }) => {
      await page.goto(`search/?${facet}=${encodeURIComponent(value)}`);
      const expected = scan.agents
        .filter(has)
        .map((a) => a.slug)
        .sort();
      expect(await waitForCount(page)).toBe(expected.length);
      const more = page.getByRole('button', { name: 'Show more results' });
      while (await more.isVisible()) {
        const before = (await resultSlugs(page)).length;
        await more.click();
        await expect.poll(async () => (await resultSlugs(page)).length).toBeGreaterThan(before);
      }
      expect((await resultSlugs(page)).sort()).toEqual(expected);
    });
  }
});

test.describe('the search page on a phone', () => {
  test.use({ viewport: WIDTHS[0] });

  test('results come first; the filters open in a drawer and close again', async ({ page }) => {
    await page.goto('search/?q=review');
    await waitForCount(page);
    const firstResult = page.locator('main [data-result]').first();
    await expect(firstResult).toBeInViewport();
    const facets = page.locator('[data-search-facets]');
    await expect(facets).toBeHidden();
    const toggle = page.getByRole('button', { name: 'Filters' });
    await toggle.click();
    await expect(facets).toBeVisible();
    await page.locator('[data-facet="model"] input').first().check();
    await expect(page.getByRole('button', { name: /^Filters \(1\)$/ })).toBeAttached();
    await page.getByRole('button', { name: 'Show results' }).click();
    await expect(facets).toBeHidden();
    await expect(toggle).toBeFocused();
  });
});
