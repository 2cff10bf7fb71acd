import { test, expect } from '@playwright/test';

test('a script that got into a page despite the escaping does not run: the Content-Security-Policy blocks it', async ({ page }) => {
  // Serve the real page with a script injected where an escaping bug would have put it.
  await page.route('**/agents/', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      '<main',
      '<script>window.__pwned = "inline";</script><img src=x onerror="window.__pwned = \'handler\'"><main',
    );
    await route.fulfill({ response, body: html });
  });
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto('agents/');
  await expect(page.locator('h1')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(violations.length).toBeGreaterThanOrEqual(2);
});

test('the site itself runs under its policy with no violation: theme, search and copy work', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => localStorage.setItem('theme', 'dark'));
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('searchbox', { name: 'Search agents' }).fill('curl hook');
  await expect(page.locator('#site-search-panel [data-result]').first()).toBeVisible();
  await page.goto('search/?q=inline');
  await expect(page.locator('[data-search-results] > li').first()).toBeVisible();
  expect(violations).toEqual([]);
});
