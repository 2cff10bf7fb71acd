import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { scanFolder, bytesOf, readClipboard } from '../support.ts';

const scan = scanFolder('content/agents');
const agent = scan.agents.find((a) => a.name === 'backend-developer')!;

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

test('copying a definition puts the file’s exact bytes on the clipboard, with visible feedback', async ({ page }) => {
  await page.goto(`agents/${agent.slug}/`);
  const button = page.locator('copy-button[data-target="raw-definition"] button');
  await expect(button).toHaveText('Copy definition');
  await button.click();
  await expect(button).toHaveText('Copied');
  await expect(page.getByRole('status').first()).toHaveText('Copied to clipboard');
  expect(Buffer.from(await readClipboard(page), 'utf8').equals(bytesOf(agent.file.absPath))).toBe(true);
});

test('copying still works where the Clipboard API is missing', async ({ page, context }) => {
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
  await page.goto(`agents/${agent.slug}/`);
  expect(await page.evaluate(() => navigator.clipboard)).toBeUndefined();
  await page.getByRole('button', { name: 'Copy definition' }).click();
  await expect(page.locator('copy-button[data-target="raw-definition"] button')).toHaveText('Copied');
  const reader = await context.newPage();
  await reader.goto('./');
  expect(await readClipboard(reader)).toBe(readFileSync(agent.file.absPath, 'utf8'));
});

test('the install commands each copy a one-line command for the project and the user folder', async ({ page }) => {
  await page.goto(`agents/${agent.slug}/`);
  await page.getByRole('button', { name: 'Copy command: for this project' }).click();
  const project = await readClipboard(page);
  expect(project).toMatch(new RegExp(`^mkdir -p \\.claude/agents && curl -fsSL '[^']+/agents/${agent.slug}\\.md' -o \\.claude/agents/${agent.name}\\.md$`));
  await page.getByRole('button', { name: 'Copy command: for all your projects' }).click();
  const user = await readClipboard(page);
  expect(user).toMatch(new RegExp(`^mkdir -p ~/\\.claude/agents && curl -fsSL '[^']+' -o ~/\\.claude/agents/${agent.name}\\.md$`));
});

test('downloading saves <name>.md with the source file’s bytes', async ({ page }) => {
  await page.goto(`agents/${agent.slug}/`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: `Download ${agent.name}.md` }).click()]);
  expect(download.suggestedFilename()).toBe(`${agent.name}.md`);
  expect(readFileSync(await download.path()).equals(bytesOf(agent.file.absPath))).toBe(true);
});

test('every agent has a page and a raw URL byte-equal to its source file', async ({ request }) => {
  expect(scan.agents.length).toBeGreaterThanOrEqual(12);
  for (const each of scan.agents) {
    const page = await request.get(`agents/${each.slug}/`);
    expect(page.status(), each.slug).toBe(200);
    const raw = await request.get(`agents/${each.slug}.md`);
    expect(raw.status(), each.slug).toBe(200);
    expect(raw.headers()['content-type']).toMatch(/^text\/markdown/);
    expect((await raw.body()).equals(bytesOf(each.file.absPath)), each.slug).toBe(true);
  }
});
