import { test } from '@playwright/test';
import { expectNoAxeViolations } from '../support.ts';

/** One page of every type. Each page and theme is its own test, so a slow page cannot time out the others. */
const PAGES = [
  ['home', './'],
  ['categories', 'categories/'],
  ['category', 'categories/languages/'],
  ['A to Z', 'agents/'],
  ['agent', 'agents/backend-developer/'],
  ['agent with MCP tools', 'agents/issue-tracker-researcher/'],
  ['tools', 'tools/'],
  ['tool', 'tools/bash/'],
  ['skills', 'skills/'],
  ['models', 'models/'],
  ['diagnostics', 'diagnostics/'],
  ['install guide', 'about/'],
  ['search with results', 'search/?q=review&tool=Bash'],
  ['bundle', 'bundle/?agents=backend-developer,security-auditor'],
  ['404', 'no/such/page/'],
] as const;

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });
    for (const [label, path] of PAGES) {
      test(`the ${label} page has no axe violations`, async ({ page }) => {
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        await expectNoAxeViolations(page);
      });
    }

    test('the header search panel with results has no axe violations', async ({ page }) => {
      await page.goto('./');
      await page.getByRole('searchbox', { name: 'Search agents' }).fill('postgres');
      await page.locator('#site-search-panel [data-result]').first().waitFor();
      await expectNoAxeViolations(page);
    });
  });
}
