import { chromium } from 'playwright';
const [url, out, w = '1280', dark, type] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: Number(w), height: 900 }, colorScheme: dark === 'dark' ? 'dark' : 'light' });
await page.goto(url);
if (type) { await page.keyboard.press('/'); await page.keyboard.type(type); }
await page.waitForTimeout(1200);
await page.screenshot({ path: out, fullPage: false });
await browser.close();
