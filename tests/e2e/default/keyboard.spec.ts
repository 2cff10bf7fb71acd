import { test, expect } from '@playwright/test';
import { scanFolder, bytesOf, readClipboard } from '../support.ts';

const scan = scanFolder('content/agents');

test('the skip link is the first stop and moves focus to the main content', async ({ page }) => {
  await page.goto('./');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('a keyboard user reaches an agent and copies it without a mouse', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./');
  const target = page.locator('[data-category="research"] a');
  for (let i = 0; i < 40 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(target).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/categories\/research\/$/);

  const agent = scan.agents.find((a) => a.categoryId === 'research')!;
  await page.goto(`agents/${agent.slug}/`);
  const copy = page.locator('copy-button[data-target="raw-definition"] button');
  for (let i = 0; i < 40 && !(await copy.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(copy).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(copy).toHaveText('Copied');
  expect(Buffer.from(await readClipboard(page)).equals(bytesOf(agent.file.absPath))).toBe(true);
});

test('the theme toggle works from the keyboard', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('./');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
