import { test, expect } from '@playwright/test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { scanFolders } from '../support.ts';

const scan = scanFolders('content/agents');

test('agents.json lists every agent and validates against the JSON Schema published with it', async ({ request }) => {
  const schema = (await (await request.get('agents.schema.json')).json()) as Record<string, unknown>;
  const data = (await (await request.get('agents.json')).json()) as {
    version: number;
    count: number;
    agents: { slug: string; sha256: string }[];
  };
  const validate = new Ajv2020({ strict: false }).compile(schema);
  expect(validate(data), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  expect(data.version).toBe(2);
  expect(data.count).toBe(scan.agents.length);
  const bySlug = new Map(scan.agents.map((a) => [a.slug, a]));
  for (const record of data.agents) expect(record.sha256).toBe(bySlug.get(record.slug)?.file.sha256);
});

test('llms.txt and llms-full.txt link every agent file', async ({ request }) => {
  const short = await (await request.get('llms.txt')).text();
  const full = await (await request.get('llms-full.txt')).text();
  expect(short.startsWith('# Subagent Catalog\n\n> ')).toBe(true);
  for (const agent of scan.agents) {
    expect(short).toContain(`(/agents/${agent.slug}.md)`);
    expect(full).toContain(`(/agents/${agent.slug}.md)`);
  }
});

test('the Atom feed lists the newest agents with dates from git, and robots.txt allows crawling', async ({ request, page }) => {
  const feed = await (await request.get('feed.xml')).text();
  expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  const entries = [...feed.matchAll(/<updated>([^<]+)<\/updated>/g)].map((m) => m[1]!);
  expect(entries.length).toBeGreaterThan(1);
  for (const date of entries) expect(Number.isNaN(Date.parse(date))).toBe(false);
  expect(entries.slice(1)).toEqual([...entries.slice(1)].sort().reverse());
  expect(await (await request.get('robots.txt')).text()).toContain('User-agent: *');
  await page.goto('./');
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', '/feed.xml');
});
