import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { locateFrontmatter } from '../../../src/lib/read/frontmatter.ts';
import { CORPUS_FOLDERS, resultSlugs, root, scanFolders, waitForCount } from '../support.ts';

const scan = scanFolders(...CORPUS_FOLDERS);
const bySlug = new Map(scan.agents.map((a) => [a.slug, a]));
const relevance = JSON.parse(readFileSync(path.join(root, 'tests/fixtures/search-relevance.json'), 'utf8')) as {
  query: string;
  accept: string[];
}[];

/** The text of a frontmatter field as written in the source file, continuation lines included. */
function fieldText(absPath: string, field: string): string {
  const lines = locateFrontmatter(readFileSync(absPath, 'utf8'))?.yaml.split('\n') ?? [];
  const start = lines.findIndex((l) => l.startsWith(`${field}:`));
  if (start < 0) return '';
  const end = lines.findIndex((l, i) => i > start && /^\S/.test(l));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

async function collect(page: Page): Promise<{ count: number; slugs: string[] }> {
  const count = await waitForCount(page);
  const more = page.getByRole('button', { name: 'Show more results' });
  for (let i = 0; i < 2 && (await more.isVisible()); i++) {
    const before = (await resultSlugs(page)).length;
    await more.click();
    await expect.poll(async () => (await resultSlugs(page)).length).toBeGreaterThan(before);
  }
  return { count, slugs: await resultSlugs(page) };
}

type Agent = (typeof scan.agents)[number];
for (const [param, value, expectedOf, inSource] of [
  // An agent that inherits every tool can run Bash as much as one that lists it (unless disallowedTools takes it away).
  [
    'tool',
    'Bash',
    (a: Agent) => (a.tools.inheritsAll ? !a.disallowedTools.some((t) => t.raw === 'Bash') : a.tools.tools.some((t) => t.name === 'Bash')),
    (p: string) => /\bBash\b/.test(fieldText(p, 'tools')) || fieldText(p, 'tools').replace(/^tools:\s*/, '') === '',
  ],
  [
    'mcp',
    'context7',
    (a: Agent) => a.tools.tools.some((t) => t.mcpServer === 'context7'),
    (p: string) => fieldText(p, 'tools').includes('mcp__context7__'),
  ],
  ['model', 'Haiku', (a: Agent) => a.model.family === 'haiku', (p: string) => /haiku/i.test(fieldText(p, 'model'))],
  ['tool', 'Inherits all tools', (a: Agent) => a.tools.inheritsAll, (p: string) => fieldText(p, 'tools').replace(/^tools:\s*/, '') === ''],
] as const) {
  test(`${param}=${value} narrows results to agents whose files really have it`, async ({ page }) => {
    await page.goto(`search/?${param}=${encodeURIComponent(value)}`);
    const { count, slugs } = await collect(page);
    expect(count).toBe(scan.agents.filter(expectedOf).length);
    for (const slug of slugs) expect(inSource(bySlug.get(slug)!.file.absPath), slug).toBe(true);
  });
}

test('a text query combined with a filter finds matching agents only, and each result names its source', async ({ page }) => {
  await page.goto('search/?q=kubernetes&model=Sonnet');
  const { count, slugs } = await collect(page);
  expect(count).toBeGreaterThan(0);
  for (const slug of slugs) expect(bySlug.get(slug)!.model.family).toBe('sonnet');
  await expect(page.locator('main [data-result]').first()).toContainText('from ');
});

test('agents that share a name are shown together, not one after another', async ({ page }) => {
  await page.goto('search/?q=code%20reviewer');
  await waitForCount(page);
  const names = await page.locator('main [data-result] a[data-result-link]').allTextContents();
  expect(new Set(names).size).toBe(names.length);
  await expect(page.locator('main [data-result] [data-twin-result]').first()).toBeVisible();
});

test('in the header, agents that share a name make one row, and five rows are still filled', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('searchbox', { name: 'Search agents' }).fill('code reviewer');
  const rows = page.locator('#site-search-panel [data-result]');
  await expect(rows).toHaveCount(5);
  expect(new Set(await rows.locator('a[data-result-link]').allTextContents()).size).toBe(5);
  await expect(rows.locator('[data-twin-result]').first()).toBeVisible();
});

test('a query whose words no agent mentions says so', async ({ page }) => {
  await page.goto('search/?q=xylophonist');
  expect(await waitForCount(page)).toBe(0);
  await expect(page.locator('main [data-search-status]')).toContainText(/No agent|No agents/);
});

// The last two once failed: "my" is in no record, and the joined-name search for "writeunittests" fell back to "write".
for (const query of [
  'prompt engineer',
  'code reviewer',
  'database admin',
  'error detective',
  'review my pull request',
  'write unit tests',
]) {
  test(`"${query}" puts an agent a person would accept in the top 3`, async ({ page }) => {
    const accept = new Set(relevance.find((r) => r.query === query)!.accept);
    await page.goto(`search/?q=${encodeURIComponent(query)}`);
    await waitForCount(page);
    const top = await page
      .locator('main [data-result] a[data-result-link]')
      .evaluateAll((links) => links.slice(0, 3).map((l) => l.textContent ?? ''));
    expect(
      top.some((name) => accept.has(name)),
      top.join(', '),
    ).toBe(true);
  });
}

test('an exact name puts that agent, and its twins, first', async ({ page }) => {
  await page.goto('search/?q=prompt%20engineer');
  await waitForCount(page);
  await expect(page.locator('main [data-result] a[data-result-link]').first()).toHaveText('prompt-engineer');
});

test('the home page’s own example finds the code reviewers, after the few agents that say every word', async ({ page }) => {
  await page.goto('./');
  const example = /e\.g\. (.+)$/.exec((await page.locator('#home-search').getAttribute('placeholder')) ?? '')![1]!;
  await page.locator('#home-search').fill(example);
  await page.locator('#home-search').press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=/);
  const { count, slugs } = await collect(page);
  await expect(page.locator('main [data-search-status]')).toContainText(/match every word; \d+ more match some of them\./);
  expect(count).toBeGreaterThan(20);
  const names = slugs.slice(0, 20).map((slug) => bySlug.get(slug)!.name);
  expect(names.filter((name) => name.includes('code-review')).length, names.join(', ')).toBeGreaterThanOrEqual(5);
});
