import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { scanSources } from '../../../src/lib/scan.ts';
import { sourceFromDir } from '../../../src/lib/sources.ts';
import { locateFrontmatter } from '../../../src/lib/frontmatter.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const scan = scanSources(readdirSync(path.join(root, '../shared/corpora')).sort().map((dir) => sourceFromDir(path.join('../shared/corpora', dir), root)));
const bySlug = new Map(scan.agents.map((a) => [a.slug, a]));

/** The text of a frontmatter field as written in the source file, continuation lines included. */
function fieldText(absPath: string, field: string): string {
  const block = locateFrontmatter(readFileSync(absPath, 'utf8'));
  const lines = block?.yaml.split('\n') ?? [];
  const start = lines.findIndex((l) => l.startsWith(`${field}:`));
  if (start < 0) return '';
  const end = lines.findIndex((l, i) => i > start && /^\S/.test(l));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

async function collectResults(page: Page): Promise<{ count: number; slugs: string[] }> {
  const status = page.locator('main [data-search-status][data-count]');
  await expect(status).toBeVisible({ timeout: 15_000 });
  const count = Number(await status.getAttribute('data-count'));
  const more = page.getByRole('button', { name: 'Show more results' });
  for (let i = 0; i < 2 && (await more.isVisible()); i++) {
    const before = await page.locator('main [data-result]').count();
    await more.click();
    await expect.poll(() => page.locator('main [data-result]').count()).toBeGreaterThan(before);
  }
  const urls = await page.locator('main [data-result]').evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset['result']!));
  return { count, slugs: urls.map((u) => /\/agents\/([^/]+)\/$/.exec(u)![1]!) };
}

for (const [param, value, expectedOf, inSource] of [
  ['tool', 'Bash', (a) => a.tools.tools.some((t) => t.name === 'Bash'), (p: string) => /\bBash\b/.test(fieldText(p, 'tools'))],
  ['tool', 'WebSearch', (a) => a.tools.tools.some((t) => t.name === 'WebSearch'), (p: string) => /\bWebSearch\b/.test(fieldText(p, 'tools'))],
  ['mcp', 'context7', (a) => a.tools.tools.some((t) => t.mcpServer === 'context7'), (p: string) => fieldText(p, 'tools').includes('mcp__context7__')],
  ['model', 'Haiku', (a) => a.model.family === 'haiku', (p: string) => /haiku/i.test(fieldText(p, 'model'))],
  ['model', 'Opus', (a) => a.model.family === 'opus', (p: string) => /opus/i.test(fieldText(p, 'model'))],
  ['tool', 'Inherits all tools', (a) => a.tools.inheritsAll, (p: string) => fieldText(p, 'tools') === ''],
] as const satisfies readonly [string, string, (a: (typeof scan.agents)[number]) => boolean, (p: string) => boolean][]) {
  test(`on the corpus build, ${param}=${value} narrows results to agents whose files really have it`, async ({ page }) => {
    await page.goto(`search/?${param}=${encodeURIComponent(value)}`);
    const { count, slugs } = await collectResults(page);
    expect(count).toBe(scan.agents.filter(expectedOf).length);
    expect(slugs.length).toBe(Math.min(count, 60));
    for (const slug of slugs) expect(inSource(bySlug.get(slug)!.file.absPath), slug).toBe(true);
  });
}

test('on the corpus build, a text query combined with a filter finds matching agents only', async ({ page }) => {
  await page.goto('search/?q=kubernetes&model=Sonnet');
  const { count, slugs } = await collectResults(page);
  expect(count).toBeGreaterThan(0);
  for (const slug of slugs) {
    const agent = bySlug.get(slug)!;
    expect(agent.model.family).toBe('sonnet');
    expect(agent.raw.toLowerCase()).toMatch(/kubernetes|k8s/);
  }
});

test('on the corpus build, the compatibility and permission facets narrow results', async ({ page }) => {
  await page.goto(`search/?verdict=${encodeURIComponent('Loads cleanly')}&permission=Read-only`);
  const { count, slugs } = await collectResults(page);
  expect(count).toBe(scan.agents.filter((a) => a.verdict === 'clean' && a.profile.includes('read-only')).length);
  for (const slug of slugs) {
    const agent = bySlug.get(slug)!;
    expect(agent.verdict).toBe('clean');
    expect(agent.tools.tools.map((t) => t.name).some((n) => ['Edit', 'Write', 'Bash', 'WebFetch', 'WebSearch', 'MultiEdit', 'NotebookEdit'].includes(n))).toBe(false);
  }
});

test('search results carry the compatibility verdict', async ({ page }) => {
  await page.goto(`search/?verdict=${encodeURIComponent('Claude Code skips it')}`);
  const { slugs } = await collectResults(page);
  expect(slugs.length).toBeGreaterThan(0);
  await expect(page.locator('main [data-result] [data-verdict="skipped"]')).toHaveCount(slugs.length);
  for (const slug of slugs) expect(bySlug.get(slug)!.verdict).toBe('skipped');
});

test('a site built from several sources offers a source filter', async ({ page }) => {
  await page.goto('search/?source=wshobson&tool=Bash');
  const { count, slugs } = await collectResults(page);
  expect(count).toBe(scan.agents.filter((a) => a.sourceId === 'wshobson' && a.tools.tools.some((t) => t.name === 'Bash')).length);
  for (const slug of slugs) expect(bySlug.get(slug)!.sourceId).toBe('wshobson');
  await expect(page.locator('[data-facet="source"]')).toBeVisible();
});
