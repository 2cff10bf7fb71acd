/**
 * The site as an author sees it in `npm run dev`: a folder of agents outside the project, served by the dev
 * server; an edit to a file shows on the next load, verdict and all; a new file gets a page; the raw file, the
 * agent's JSON, its files for other tools, the plugin archives and the open data are served too, and the search
 * page says that search needs a build.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { test, expect } from '@playwright/test';
import { unzipSync } from 'fflate';
import { parse as parseToml } from 'smol-toml';
import { sourceFromDir } from '../../../src/build/config-file.ts';
import { pluginNameForSource } from '../../../src/lib/publish/served-marketplace.ts';
import { root } from '../support.ts';

const agent = (description: string, tools = 'Read, Grep') =>
  `---\nname: dev-reviewer\ndescription: ${description}\ntools: ${tools}\n---\n\nReview the change and report.\n`;
const PORT = 47000 + Math.floor(Math.random() * 2000);
const origin = `http://127.0.0.1:${PORT}`;
let server: ChildProcess | undefined;
let source = '';
let output = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  source = mkdtempSync(path.join(os.tmpdir(), 'dev-agents-'));
  writeFileSync(path.join(source, 'dev-reviewer.md'), agent('Use when a change needs a first review before a person looks at it.'));
  server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(PORT), '--host', '127.0.0.1'], {
    cwd: root,
    // A cache of its own (astro.config.mjs keys it by OUT_DIR), so the dev server never touches a build's.
    env: { ...process.env, AGENTS_DIR: source, OUT_DIR: '.cache/sites/dev' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`${origin}/`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(250);
  }
  throw new Error(`the dev server did not answer:\n${output}`);
});

test.afterAll(() => {
  server?.kill();
  rmSync(source, { recursive: true, force: true });
});

/** Loads the page again until `check` passes: the dev server reloads the agents in the background after an edit. */
async function eventually(check: () => Promise<void>): Promise<void> {
  await expect(async () => check()).toPass({ timeout: 60_000, intervals: [250, 500, 1000] });
}

test('an edited agent file shows its new description and verdict on the next load', async ({ page }) => {
  await page.goto(`${origin}/agents/dev-reviewer/`);
  await expect(page.locator('[data-verdict]').first()).toHaveText('Loads cleanly');
  await expect(page.locator('main')).toContainText('a first review before a person looks at it');
  writeFileSync(
    path.join(source, 'dev-reviewer.md'),
    agent('Use when a pull request needs a second reader with fresh eyes.', 'Read, codebase'),
  );
  await eventually(async () => {
    await page.reload();
    await expect(page.locator('main')).toContainText('a second reader with fresh eyes', { timeout: 1000 });
    await expect(page.locator('[data-verdict]').first()).toHaveText('Loads with warnings', { timeout: 1000 });
  });
});

test('a new agent file gets a page', async ({ page }) => {
  writeFileSync(
    path.join(source, 'dev-writer.md'),
    agent('Use when release notes need writing from merged changes.').replace('dev-reviewer', 'dev-writer'),
  );
  await eventually(async () => {
    const response = await page.goto(`${origin}/agents/dev-writer/`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('main')).toContainText('release notes need writing', { timeout: 1000 });
  });
});

test('the raw file downloads byte for byte, and the agent JSON and agents.json are served', async ({ page, request }) => {
  await page.goto(`${origin}/agents/dev-reviewer/`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download dev-reviewer.md' }).click(),
  ]);
  expect(readFileSync(await download.path()).equals(readFileSync(path.join(source, 'dev-reviewer.md')))).toBe(true);
  const json = (await (await request.get(`${origin}/agents/dev-reviewer.json`)).json()) as {
    name: string;
    claudeAgents: Record<string, { prompt: string }>;
  };
  expect(json.name).toBe('dev-reviewer');
  expect(json.claudeAgents['dev-reviewer']!.prompt).toContain('Review the change and report.');
  const all = (await (await request.get(`${origin}/agents.json`)).json()) as { agents: { slug: string }[] };
  expect(all.agents.map((a) => a.slug)).toContain('dev-reviewer');
});

test('the files for other tools and the plugin archive of the source are made from the file as it is now', async ({ request }) => {
  const bytes = readFileSync(path.join(source, 'dev-reviewer.md'));
  const codex = await request.get(`${origin}/agents/dev-reviewer.codex.toml`);
  expect(codex.status()).toBe(200);
  const toml = parseToml(await codex.text()) as { name: string; developer_instructions: string };
  expect(toml.name).toBe('dev-reviewer');
  expect(toml.developer_instructions).toContain('Review the change and report.');
  const copilot = await request.get(`${origin}/agents/dev-reviewer.copilot.md`);
  expect(await copilot.text()).toContain('name: dev-reviewer');
  expect((await request.get(`${origin}/agents/dev-reviewer.copilot.toml`)).status()).toBe(404);

  const plugin = pluginNameForSource(sourceFromDir(source, root).id);
  const archive = await request.get(`${origin}/plugins/${plugin}.zip`);
  expect(archive.status()).toBe(200);
  const files = unzipSync(new Uint8Array(await archive.body()));
  expect(JSON.parse(new TextDecoder().decode(files['.claude-plugin/plugin.json']))).toMatchObject({ name: plugin });
  expect(Buffer.from(files['agents/dev-reviewer.md']!).equals(bytes)).toBe(true);
});

test('the search page says that search needs a build', async ({ page }) => {
  await page.goto(`${origin}/search/?q=review`);
  await expect(page.locator('[data-search-dev-note]')).toContainText('Search needs a build');
  await expect(page.locator('main [data-search-status]')).toContainText('Search needs a build');
});
