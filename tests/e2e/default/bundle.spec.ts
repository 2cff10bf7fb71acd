import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { unzipSync } from 'fflate';
import { approximateTokens } from '../../../src/lib/fields/format.ts';
import { readClipboard, scanFolders } from '../support.ts';

const scan = scanFolders('content/agents');
const [first, second, third] = ['backend-developer', 'security-auditor', 'issue-tracker-researcher'].map((name) =>
  scan.agents.find((a) => a.name === name)!,
);

test.beforeEach(async ({ context }) => context.grantPermissions(['clipboard-read', 'clipboard-write']));

test('agents go into the bundle from a list, a search result and an agent page', async ({ page }) => {
  await page.goto('agents/');
  await page.getByRole('button', { name: `Add to bundle: ${first!.name}` }).click();
  await expect(page.locator('[data-bundle-count]')).toHaveText('(1)');
  await page.goto(`search/?q=${second!.name.replace(/-/g, ' ')}`);
  await page
    .locator(`[data-result="/agents/${second!.slug}/"]`)
    .getByRole('button', { name: /^Add to bundle/ })
    .click();
  await page.goto(`agents/${third!.slug}/`);
  const button = page.getByRole('button', { name: `Add to bundle: ${third!.name}` });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('[data-bundle-count]')).toHaveText('(3)');
});

test('the bundle shows its cost, permissions and MCP servers, and gives a .zip of the exact files', async ({ page }) => {
  const slugs = [first!, second!, third!].map((a) => a.slug);
  await page.goto(`bundle/?agents=${slugs.join(',')}`);
  await expect(page.locator('[data-bundle-status]')).toHaveAttribute('data-count', '3');
  for (const slug of slugs) await expect(page.locator(`[data-bundle-agent="${slug}"]`)).toBeVisible();
  const tokens = [first!, second!, third!].reduce((n, a) => n + approximateTokens(a.description), 0);
  await expect(page.locator('[data-bundle-summary]')).toHaveAttribute('data-tokens', String(tokens));
  await expect(page.locator('[data-bundle-summary]')).toContainText('github');
  await expect(page.locator('[data-bundle-summary]')).toContainText('Runs shell');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .zip' }).click()]);
  expect(download.suggestedFilename()).toBe('claude-agents.zip');
  const files = unzipSync(readFileSync(await download.path()));
  expect(Object.keys(files).sort()).toEqual([first!, second!, third!].map((a) => `${a.name}.md`).sort());
  for (const agent of [first!, second!, third!])
    expect(Buffer.from(files[`${agent.name}.md`]!).equals(readFileSync(agent.file.absPath)), agent.name).toBe(true);
});

test('the bundle is shared by its address, copies as claude --agents JSON, and empties', async ({ page, context }) => {
  await page.goto(`bundle/?agents=${first!.slug},${second!.slug}`);
  await expect(page.locator('[data-bundle-status]')).toHaveAttribute('data-count', '2');
  const copied = page.locator('[data-bundle-copy-status]');
  await page.getByRole('button', { name: 'Copy a link to this bundle' }).click();
  await expect(copied).toHaveText('Copied the link');
  const link = await readClipboard(page);
  expect(link).toContain(`agents=${first!.slug}%2C${second!.slug}`);
  await page.getByRole('button', { name: 'Copy as claude --agents JSON' }).click();
  await expect(copied).toHaveText('Copied the claude --agents JSON');
  expect(Object.keys(JSON.parse(await readClipboard(page)) as object).sort()).toEqual([first!.name, second!.name].sort());
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.locator('[data-bundle-status]')).toHaveAttribute('data-count', '2');
  await page.getByRole('button', { name: 'Empty the bundle' }).click();
  await expect(page.locator('[data-bundle-status]')).toHaveText('The bundle is empty.');
});
