import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { bytesOf, expectNoHorizontalScroll, readClipboard, scanFolders, WIDTHS } from '../support.ts';

const scan = scanFolders('content/agents');
const agent = scan.agents.find((a) => a.name === 'backend-developer')!;
const withMcp = scan.agents.find((a) => a.tools.tools.some((t) => t.kind === 'mcp'))!;

for (const { name, width, height } of WIDTHS) {
  test.describe(`at ${width} px (${name})`, () => {
    test.use({ viewport: { width, height } });

    test('verdict, model, tools and permissions come before the prompt', async ({ page }) => {
      await page.goto(`agents/${agent.slug}/`);
      const glance = page.locator('[data-at-a-glance]');
      await expect(glance.locator('[data-verdict]')).toHaveText('Loads cleanly');
      await expect(glance.locator('[data-model-family]')).toHaveText(agent.model.raw ?? 'inherit (default)');
      for (const tool of agent.tools.tools) await expect(glance.locator(`[data-tool="${tool.name}"]`)).toBeVisible();
      await expect(glance.locator('[data-profile]')).not.toBeEmpty();
      const top = async (selector: string) => (await page.locator(selector).boundingBox())!.y;
      const prompt = await top('#prompt-heading');
      expect(await top('[data-at-a-glance]')).toBeLessThan(prompt);
      expect(await top('#install')).toBeLessThan(prompt);
      await expectNoHorizontalScroll(page);
    });
  });
}

test('an agent page ends with more agents like it, and its data is published for machines', async ({ page }) => {
  await page.goto(`agents/${agent.slug}/`);
  const related = page.locator('[data-related] [data-row]');
  expect(await related.count()).toBeGreaterThan(0);
  expect(await related.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset['row']))).not.toContain(agent.slug);
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as Record<string, unknown>;
  expect(ld).toMatchObject({ '@type': 'SoftwareSourceCode', name: agent.name });
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', `${agent.name} · Subagent Catalog`);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
});

test('an agent that needs MCP servers says which, and that they are configured separately', async ({ page }) => {
  await page.goto(`agents/${withMcp.slug}/`);
  const servers = [...new Set(withMcp.tools.tools.flatMap((t) => (t.mcpServer ? [t.mcpServer] : [])))];
  for (const server of servers) await expect(page.locator('[data-mcp-servers]')).toContainText(server);
  await expect(page.locator('[data-mcp-servers]')).toContainText('configure separately');
});

test.describe('copy and download', () => {
  test.beforeEach(async ({ context }) => context.grantPermissions(['clipboard-read', 'clipboard-write']));

  test('copying a definition puts the file’s exact bytes on the clipboard, with visible feedback', async ({ page }) => {
    await page.goto(`agents/${agent.slug}/`);
    // Located by place, not by name: the name changes to "Copied" on success.
    const button = page.locator('button[data-copy][data-href$=".md"]');
    await button.click();
    await expect(button).toHaveText('Copied');
    expect(Buffer.from(await readClipboard(page), 'utf8').equals(bytesOf(agent.file.absPath))).toBe(true);
  });

  test('copying still works where the Clipboard API is missing', async ({ page, context }) => {
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
    await page.goto(`agents/${agent.slug}/`);
    const button = page.locator('button[data-copy][data-href$=".md"]');
    await button.click();
    await expect(button).toHaveText('Copied');
    const reader = await context.newPage();
    await reader.goto('./');
    expect(await readClipboard(reader)).toBe(readFileSync(agent.file.absPath, 'utf8'));
  });

  test('"Copy as claude --agents JSON" gives the agent keyed by name, with the body as its prompt', async ({ page }) => {
    await page.goto(`agents/${agent.slug}/`);
    const button = page.locator('button[data-copy][data-json-field]');
    await button.click();
    await expect(button).toHaveText('Copied');
    const json = JSON.parse(await readClipboard(page)) as Record<
      string,
      { description: string; prompt: string; tools: string[]; model?: string }
    >;
    expect(Object.keys(json)).toEqual([agent.name]);
    const value = json[agent.name]!;
    expect(value.description).toBe(agent.description);
    expect(value.tools).toEqual(agent.tools.tools.map((t) => t.raw));
    expect(readFileSync(agent.file.absPath, 'utf8').endsWith(value.prompt)).toBe(true);
  });

  test('the install commands download the file into the user and the project folder, and remove it again', async ({ page }) => {
    await page.goto(`agents/${agent.slug}/`);
    const command = async (id: string) => (await page.locator(`[data-command="${id}"] code`).textContent())!;
    expect(await command('posix-user-install')).toContain(`'http://localhost:4321/agents/${agent.slug}.md'`);
    expect(await command('powershell-user-install')).toContain(`'http://localhost:4321/agents/${agent.slug}.md'`);
    const home = mkdtempSync(path.join(os.tmpdir(), 'agent-page-'));
    const run = async (id: string) =>
      execFileSync('sh', ['-c', await command(id)], { cwd: home, env: { ...process.env, HOME: home }, encoding: 'utf8' });
    try {
      for (const scope of ['user', 'project']) {
        const file = path.join(home, '.claude/agents', `${agent.name}.md`);
        expect(await run(`posix-${scope}-install`)).toMatch(/^Installed .*backend-developer\.md\n$/);
        expect(readFileSync(file).equals(bytesOf(agent.file.absPath))).toBe(true);
        expect(await run(`posix-${scope}-remove`)).toMatch(/^Removed /);
        expect(existsSync(file)).toBe(false);
      }
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
    const copy = page.locator('[data-command="posix-project-install"] button');
    await copy.click();
    await expect(copy).toHaveText('Copied');
    expect(await readClipboard(page)).toBe(await command('posix-project-install'));
  });

  test('downloading saves <name>.md with the source file’s bytes', async ({ page }) => {
    await page.goto(`agents/${agent.slug}/`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: `Download ${agent.name}.md` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${agent.name}.md`);
    expect(readFileSync(await download.path()).equals(bytesOf(agent.file.absPath))).toBe(true);
  });
});

test('every agent has a page, a raw file byte-equal to its source, and a JSON file', async ({ request }) => {
  for (const each of scan.agents) {
    expect((await request.get(`agents/${each.slug}/`)).status(), each.slug).toBe(200);
    const raw = await request.get(`agents/${each.slug}.md`);
    expect((await raw.body()).equals(bytesOf(each.file.absPath)), each.slug).toBe(true);
    const json = (await (await request.get(`agents/${each.slug}.json`)).json()) as { sha256: string };
    expect(json.sha256).toBe(each.file.sha256);
  }
});
