import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { unzipSync } from 'fflate';
import { installClaudeCode, validatePlugin } from '../../../scripts/claude-code.ts';
import { CLAUDE_CODE_VERSION } from '../../../src/lib/read/claude-code.ts';
import { marketplaceSchema, type MarketplaceManifest } from '../../../src/lib/publish/plugin-manifests.ts';
import { bytesOf, expectNoAxeViolations, readClipboard, scanConfig } from '../support.ts';

/** The address scripts/build-test-sites.ts builds this site for; the site itself is served on a random local port. */
const SITE = 'https://agents.example/catalog/';
const MARKETPLACE = `${SITE}marketplace.json`;
const scan = scanConfig('tests/fixtures/served.config.json');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const bySha = new Map(scan.agents.map((a) => [a.file.sha256, a]));
const loads = scan.agents.filter((a) => a.verdict !== 'skipped');

test.describe('the served marketplace', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'served-marketplace-'));
  test.afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  test('every archive downloads with its sha256, holds each agent file byte for byte, and Claude Code validates it all', async ({
    request,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const response = await request.get('marketplace.json');
    expect(response.status()).toBe(200);
    const manifest: MarketplaceManifest = marketplaceSchema.parse(await response.json());
    expect(manifest).toMatchObject({ name: 'fixture-agents', owner: { name: 'Acme' } });
    const categories = [...new Set(loads.map((a) => a.categoryId))].sort();
    expect(manifest.plugins.map((p) => p.name).sort()).toEqual([...categories, 'all-fixtures'].sort());

    const claude = installClaudeCode(CLAUDE_CODE_VERSION);
    writeFileSync(path.join(tmp, 'marketplace.json'), JSON.stringify(manifest));
    const validated = validatePlugin(claude, path.join(tmp, 'marketplace.json'));
    expect(validated, validated.output).toMatchObject({ success: true, errors: [], warnings: [] });

    for (const plugin of manifest.plugins) {
      const source = plugin.source as { source: string; url: string; sha256: string };
      expect(source.source).toBe('archive');
      expect(source.url).toBe(`${SITE}plugins/${plugin.name}.zip`);
      // The archive's https address, fetched from the local server that stands in for it.
      const archive = await request.get(new URL(source.url.slice(SITE.length), baseURL).href);
      expect(archive.status()).toBe(200);
      const bytes = await archive.body();
      expect(sha256(bytes)).toBe(source.sha256);

      const files = unzipSync(bytes);
      const agentFiles = Object.entries(files).filter(([name]) => name.startsWith('agents/'));
      for (const [name, fileBytes] of agentFiles) {
        const agent = bySha.get(sha256(fileBytes));
        expect(agent, `${plugin.name}/${name} is no agent file of the source`).toBeDefined();
        expect(Buffer.from(fileBytes).equals(bytesOf(agent!.file.absPath))).toBe(true);
      }
      const expected = loads.filter((a) => plugin.name === 'all-fixtures' || a.categoryId === plugin.name).map((a) => a.name);
      // One agent per name: a later file of a name the plugin holds is left out (and listed in its README).
      expect(agentFiles.map(([, b]) => bySha.get(sha256(b))!.name).sort()).toEqual([...new Set(expected)].sort());

      const dir = path.join(tmp, plugin.name);
      for (const [name, fileBytes] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), fileBytes);
      }
      const result = validatePlugin(claude, dir);
      expect(result, result.output).toMatchObject({ success: true, errors: [], warnings: [] });
      expect(result.agents).toHaveLength(agentFiles.length);
    }
  });
});

test.describe('the /plugin lines', () => {
  test.beforeEach(async ({ context }) => context.grantPermissions(['clipboard-read', 'clipboard-write']));

  test('a category page shows its plugin’s two lines against the served marketplace, and the copy button copies them', async ({ page }) => {
    await page.goto('categories/messy/');
    const box = page.locator('[data-plugin-lines]');
    await expect(box.locator('code').first()).toHaveText(`/plugin marketplace add ${MARKETPLACE}`);
    await expect(box.locator('code').nth(1)).toHaveText('/plugin install messy@fixture-agents');
    await box.getByRole('button', { name: 'Copy the marketplace line' }).click();
    expect(await readClipboard(page)).toBe(`/plugin marketplace add ${MARKETPLACE}`);
    await box.getByRole('button', { name: 'Copy the plugin install line' }).click();
    expect(await readClipboard(page)).toBe('/plugin install messy@fixture-agents');
    // What the plugin leaves out is listed, and can be read by keyboard.
    await box.locator('[data-plugin-left-out] summary').focus();
    await page.keyboard.press('Enter');
    await expect(box.locator('[data-plugin-left-out] li').first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('the list of all agents shows the plugin of the whole source', async ({ page }) => {
    await page.goto('agents/');
    await expect(page.locator('[data-plugin-lines] code').nth(1)).toHaveText('/plugin install all-fixtures@fixture-agents');
  });

  test('an agent page shows its category’s plugin when the plugin holds it, and none when Claude Code skips it', async ({ page }) => {
    const held = loads.find((a) => a.categoryId === 'messy' && a.file.relPath === 'messy/crlf-agent.md')!;
    await page.goto(`agents/${held.slug}/`);
    await expect(page.locator('#install [data-plugin-lines] code').nth(1)).toHaveText('/plugin install messy@fixture-agents');
    const skipped = scan.agents.find((a) => a.verdict === 'skipped')!;
    await page.goto(`agents/${skipped.slug}/`);
    await expect(page.locator('#install [data-plugin-lines]')).toHaveCount(0);
  });
});
