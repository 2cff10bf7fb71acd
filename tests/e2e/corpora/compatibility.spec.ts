import { readdirSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { scanSources } from '../../../src/lib/scan.ts';
import { sourceFromDir } from '../../../src/lib/sources.ts';
import { RULES } from '../../../src/lib/rules.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const scan = scanSources(readdirSync(path.join(root, '../shared/corpora')).sort().map((dir) => sourceFromDir(path.join('../shared/corpora', dir), root)));

const cases = [
  ['a file strict YAML rejects', scan.agents.find((a) => a.findings.some((f) => f.rule === 'yaml-invalid'))!, 'Claude Code skips it'],
  ['a file with VS Code tool names', scan.agents.find((a) => a.verdict === 'warnings' && a.findings.some((f) => f.rule === 'tools-unknown'))!, 'Loads with warnings'],
  ['a file with a retired tool name', scan.agents.find((a) => a.verdict === 'warnings' && a.findings.some((f) => f.rule === 'tools-legacy'))!, 'Loads with warnings'],
  ['a clean file', scan.agents.find((a) => a.verdict === 'clean')!, 'Loads cleanly'],
] as const;

for (const [label, agent, verdict] of cases) {
  test(`the compatibility panel gives a verdict and each finding with its line and fix, for ${label}`, async ({ page }) => {
    await page.goto(`agents/${agent.slug}/`);
    const panel = page.getByRole('region', { name: 'Compatibility' });
    await expect(panel).toContainText(verdict);
    await expect(panel.locator('[data-rule]')).toHaveCount(agent.findings.length);
    for (const [index, finding] of agent.findings.entries()) {
      const item = panel.locator('[data-rule]').nth(index);
      await expect(item).toHaveAttribute('data-rule', finding.rule);
      await expect(item).toContainText(`line ${finding.line}`);
      await expect(item).toContainText(RULES[finding.rule].hint);
    }
    await expect(panel).toContainText(/Permission profile: /);
    await expect(panel).toContainText(`${agent.description.length} characters`);
  });
}

test('cards carry a compatibility badge that matches the agent page', async ({ page }) => {
  const agent = cases[0][1];
  await page.goto(`categories/${agent.categoryId}/`);
  await expect(page.locator(`[data-agent-card="${agent.slug}"] [data-verdict]`)).toHaveAttribute('data-verdict', agent.verdict);
});
