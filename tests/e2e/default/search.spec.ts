import { test, expect, type Page } from '@playwright/test';
import { scanFolder } from '../support.ts';
import { facetsOf } from '../../../src/lib/facets.ts';

const scan = scanFolder('content/agents');
const slugOf = (url: string) => /\/agents\/([^/]+)\/$/.exec(new URL(url, 'http://x').pathname)![1]!;
const agentOf = (url: string) => scan.agents.find((a) => a.slug === slugOf(url))!;

async function resultUrls(page: Page): Promise<string[]> {
  return page.locator('main [data-result]').evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset['result']!));
}

async function waitForCount(page: Page): Promise<number> {
  const status = page.locator('main [data-search-status][data-count]');
  await expect(status).toBeVisible();
  return Number(await status.getAttribute('data-count'));
}

test('typing in the header search shows matching agents with category, model and tools', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('searchbox', { name: 'Search agents' }).fill('postgres');
  const panel = page.locator('#site-search-panel');
  await expect(panel).toBeVisible();
  const first = panel.locator('[data-result]').first();
  await expect(first).toBeVisible();
  await expect(panel.locator('[data-result="/agents/postgres-query-tuner/"]')).toBeVisible();
  const tuner = panel.locator('[data-result="/agents/postgres-query-tuner/"]');
  await expect(tuner.locator('mark').first()).toBeVisible();
  await expect(tuner).toContainText('Data & AI');
  await expect(tuner).toContainText('Read');
  await tuner.getByRole('link').click();
  await expect(page).toHaveURL(/\/agents\/postgres-query-tuner\/$/);
});

test('the / and Ctrl+K shortcuts focus the search field and Escape closes the results', async ({ page }) => {
  await page.goto('categories/research/');
  const field = page.getByRole('searchbox', { name: 'Search agents' });
  await page.keyboard.press('/');
  await expect(field).toBeFocused();
  await page.keyboard.type('review');
  await expect(page.locator('#site-search-panel [data-result]').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('#site-search-panel')).toBeHidden();
  await expect(field).not.toBeFocused();
  await page.keyboard.press('Control+k');
  await expect(field).toBeFocused();
  await page.keyboard.type('postgres');
  await expect(page.locator('#site-search-panel [data-result="/agents/postgres-query-tuner/"]')).toBeVisible();
});

test('a query on the search page finds the agents that mention it', async ({ page }) => {
  await page.goto('search/?q=terraform');
  const count = await waitForCount(page);
  const urls = await resultUrls(page);
  expect(count).toBeGreaterThan(0);
  expect(urls).toContain('/agents/terraform-engineer/');
  for (const url of urls) expect(agentOf(url).raw.toLowerCase()).toContain('terraform');
});

for (const [facet, value, has] of [
  ['tool', 'Bash', (a: (typeof scan.agents)[number]) => a.tools.tools.some((t) => t.name === 'Bash')],
  ['tool', 'WebFetch', (a: (typeof scan.agents)[number]) => a.tools.tools.some((t) => t.name === 'WebFetch')],
  ['model', 'Haiku', (a: (typeof scan.agents)[number]) => a.model.raw === 'haiku'],
  ['skill', 'postgresql', (a: (typeof scan.agents)[number]) => a.tags.includes('postgresql')],
] as const) {
  test(`the ${facet} filter ${value} lists exactly the agents that have it`, async ({ page }) => {
    await page.goto(`search/?${facet}=${encodeURIComponent(value)}`);
    const count = await waitForCount(page);
    const expected = scan.agents.filter(has).map((a) => `/agents/${a.slug}/`).sort();
    expect(count).toBe(expected.length);
    const more = page.getByRole('button', { name: 'Show more results' });
    while (await more.isVisible()) {
      const before = (await resultUrls(page)).length;
      await more.click();
      await expect.poll(async () => (await resultUrls(page)).length).toBeGreaterThan(before);
    }
    expect((await resultUrls(page)).sort()).toEqual(expected);
  });
}

test('filters combine with a query and live in the URL, and the back button restores the search', async ({ page }) => {
  await page.goto('search/');
  await page.getByLabel('Text').fill('review');
  await expect(page).toHaveURL(/\?q=review$/);
  const all = await waitForCount(page);
  await page.locator('[data-facet="tool"]').getByLabel('Edit').check();
  await expect(page).toHaveURL(/\?q=review&tool=Edit$/);
  await expect.poll(() => waitForCount(page)).toBeLessThan(all);
  for (const url of await resultUrls(page)) expect(agentOf(url).tools.tools.map((t) => t.name)).toContain('Edit');
  await page.goBack();
  await expect(page).toHaveURL(/\?q=review$/);
  await expect.poll(() => waitForCount(page)).toBe(all);
  await expect(page.locator('[data-facet="tool"]').getByLabel('Edit')).not.toBeChecked();

  await page.goto('search/?q=review&tool=Edit');
  await expect(page.getByLabel('Text')).toHaveValue('review');
  await expect(page.locator('[data-facet="tool"]').getByLabel('Edit')).toBeChecked();
});

test('an excluded tool removes every agent that has it', async ({ page }) => {
  await page.goto('search/?tool=Bash&without=Write');
  await waitForCount(page);
  const urls = await resultUrls(page);
  expect(urls.length).toBeGreaterThan(0);
  for (const url of urls) {
    const names = agentOf(url).tools.tools.map((t) => t.name);
    expect(names).toContain('Bash');
    expect(names).not.toContain('Write');
  }
});

test('the browse pages list the same counts as the search facets', async ({ page }) => {
  await page.goto('search/');
  await expect(page.locator('main [data-search-status]')).toContainText('Type to search');
  for (const [path, facet] of [
    ['tools/', 'tool'],
    ['models/', 'model'],
    ['skills/', 'skill'],
  ] as const) {
    const expected = new Map<string, number>();
    for (const agent of scan.agents) {
      const values = [facetsOf({ ...agent, categoryLabel: '', sourceLabel: '' })[facet]].flat();
      for (const v of values) expected.set(v, (expected.get(v) ?? 0) + 1);
    }
    await page.goto(path);
    const rows = await page.locator('[data-facet-value]').evaluateAll((nodes) =>
      nodes.map((n) => [(n as HTMLElement).dataset['facetValue']!, Number((n as HTMLElement).dataset['count'])] as const),
    );
    expect(new Map(rows)).toEqual(expected);
    await page.goto('search/');
    await waitForCount(page);
    const box = page.locator(`[data-facet="${facet}"]`);
    if (await box.getByRole('button', { name: /Show all/ }).isVisible()) await box.getByRole('button', { name: /Show all/ }).click();
    const facetCounts = await box.locator('label').evaluateAll((labels) =>
      labels.map((l) => [l.querySelector('span')!.textContent!, Number(l.querySelector('[data-count]')!.textContent)] as const),
    );
    expect(new Map(facetCounts)).toEqual(expected);
  }
});

test('agent chips link to the tool, skill and model pages', async ({ page }) => {
  await page.goto('agents/postgres-query-tuner/');
  await page.locator('aside [data-tool="Bash"] a').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bash');
  await expect(page.locator(`[data-agent-card="postgres-query-tuner"]`)).toBeVisible();
  await page.goto('agents/postgres-query-tuner/');
  await page.locator('aside [data-skill="postgresql"]').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('postgresql');
});

test('without JavaScript the browse pages work and the search field says it needs JavaScript', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL! });
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.getByRole('searchbox', { name: 'Search agents' })).toHaveAttribute('placeholder', 'Search (needs JavaScript)');
  await page.goto('search/');
  // innerText, because Playwright's text matchers skip <noscript> content.
  expect(await page.locator('main').innerText()).toContain('Search needs JavaScript.');
  await expect(page.getByRole('searchbox', { name: 'Text' })).toBeDisabled();
  await page.goto('tools/');
  await page.getByRole('link', { name: 'Read', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Read');
  await context.close();
});

test('the search pages and the open results panel have no accessibility violations, in light and dark mode', async ({ page }) => {
  const { expectNoAxeViolations } = await import('../support.ts');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const path of ['search/?q=review&tool=Bash', 'tools/', 'tools/bash/', 'skills/', 'models/']) {
      await page.goto(path);
      if (path.startsWith('search')) await waitForCount(page);
      await expectNoAxeViolations(page);
    }
    await page.goto('./');
    await page.getByRole('searchbox', { name: 'Search agents' }).fill('postgres');
    await expect(page.locator('#site-search-panel [data-result]').first()).toBeVisible();
    await expectNoAxeViolations(page);
  }
});

test('pages that are not searching load no search code until the field is used', async ({ page }) => {
  const loaded: string[] = [];
  page.on('request', (request) => loaded.push(request.url()));
  await page.goto('agents/backend-developer/');
  expect(loaded.filter((u) => u.includes('pagefind'))).toEqual([]);
  await page.getByRole('searchbox', { name: 'Search agents' }).focus();
  await expect.poll(() => loaded.some((u) => u.includes('pagefind.js'))).toBe(true);
});

test('a filter-only result shows the agent summary; a text result highlights the match', async ({ page }) => {
  await page.goto('search/?model=Opus');
  await waitForCount(page);
  const first = page.locator('main [data-result]').first();
  const agent = agentOf((await first.getAttribute('data-result'))!);
  await expect(first.locator('p')).toHaveText(agent.summary);
  await page.goto('search/?q=terraform');
  await waitForCount(page);
  await expect(page.locator('main [data-result] mark').first()).toHaveText(/terraform/i);
});
