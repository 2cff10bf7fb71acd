/**
 * Every way to install from a site of several sources whose agents share names, run as a visitor would into a
 * folder that already holds a different file of one of those names: the user's file survives every install and
 * every remove, each folder ends with one file per name, and the commands, the scripts and the .zip agree.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { safeFileName } from '../../../src/lib/publish/install.ts';
import { powerShellProblems } from '../../support/powershell.ts';
import { bytesOf, CORPUS_FOLDERS, readClipboard, scanFolders } from '../support.ts';

const scan = scanFolders(...CORPUS_FOLDERS);
type ScannedAgent = (typeof scan.agents)[number];
const fileOf = (a: ScannedAgent) => safeFileName(a.name, a.slug);
const USERS_OWN = Buffer.from('---\nname: ai-engineer\ndescription: My own agent, written by hand.\n---\nMine.\n');

/** A scratch HOME whose project folder already holds the user's own `ai-engineer.md`. */
function folderWithUsersFile(): { home: string; agents: string } {
  const home = mkdtempSync(path.join(os.tmpdir(), 'install-corpora-'));
  const agents = path.join(home, '.claude/agents');
  mkdirSync(agents, { recursive: true });
  writeFileSync(path.join(agents, 'ai-engineer.md'), USERS_OWN);
  return { home, agents };
}

function run(command: string, home: string): string {
  return execFileSync('sh', ['-c', command], { cwd: home, env: { ...process.env, HOME: home }, encoding: 'utf8', timeout: 120_000 });
}

async function copyCommand(page: Page, key: string): Promise<string> {
  const button = page.locator(`[data-command="${key}"] button`);
  await button.click();
  await expect(button).toHaveText('Copied');
  return readClipboard(page);
}

/** The folder's files and their bytes. */
function filesIn(dir: string): Map<string, Buffer> {
  return new Map(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(path.join(dir, name))]),
  );
}

/** Asserts the folder holds exactly the user's file plus the agents given, byte for byte. */
function expectFolder(dir: string, agents: readonly ScannedAgent[]): void {
  const files = filesIn(dir);
  const expected = agents.filter((a) => fileOf(a) !== 'ai-engineer.md');
  expect([...files.keys()]).toEqual(['ai-engineer.md', ...expected.map(fileOf)].sort());
  expect(files.get('ai-engineer.md')!.equals(USERS_OWN)).toBe(true);
  for (const agent of expected) expect(files.get(fileOf(agent))!.equals(bytesOf(agent.file.absPath)), agent.slug).toBe(true);
}

/** The agents a list page says its script leaves out, by the links in its install box. */
async function leftOutSlugs(page: Page): Promise<Set<string>> {
  const hrefs = await page
    .locator('[data-left-out] li > a:first-child')
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
  return new Set(hrefs.map((href) => /\/agents\/([^/]+)\/$/.exec(href)![1]!));
}

test.beforeEach(async ({ context }) => context.grantPermissions(['clipboard-read', 'clipboard-write']));

// Data & AI holds agents of one name from several sources, ai-engineer among them.
const CATEGORY = 'data-ai';
const members = scan.agents.filter((a) => a.categoryId === CATEGORY);

test('the corpora give the tests what they need: a category with one name from several sources, ai-engineer among them', () => {
  const names = members.map((a) => a.name);
  expect(new Set(names).size).toBeLessThan(names.length);
  expect(members.filter((a) => a.name === 'ai-engineer').length).toBeGreaterThan(1);
});

test('a category’s script writes one agent per name, keeps the user’s file, counts what it wrote, and its remove deletes only its own files', async ({
  page,
}) => {
  await page.goto(`categories/${CATEGORY}/`);
  const leftOut = await leftOutSlugs(page);
  const kept = members.filter((a) => !leftOut.has(a.slug));
  // One of each name is written, and every name of the category is there.
  expect(new Set(kept.map((a) => a.name)).size).toBe(kept.length);
  expect(new Set(kept.map((a) => a.name))).toEqual(new Set(members.map((a) => a.name)));
  await expect(page.locator('#install-all h2')).toHaveText(`Install all ${kept.length} agents`);
  await expect(page.locator('[data-left-out] li')).toHaveCount(members.length - kept.length);

  const { home, agents } = folderWithUsersFile();
  try {
    const output = run(await copyCommand(page, 'posix-project-install'), home);
    expect(output).toContain('Kept .claude/agents/ai-engineer.md: a file of that name is already there');
    expect(output).toContain(`Installed ${kept.length - 1} of ${kept.length} agents into .claude/agents; kept 1 file already there`);
    expectFolder(agents, kept);
    // Run again: nothing is replaced, nothing is added.
    expect(run(await copyCommand(page, 'posix-project-install'), home)).toContain(`Installed 0 of ${kept.length} agents`);
    expectFolder(agents, kept);
    const removed = run(await copyCommand(page, 'posix-project-remove'), home);
    expect(removed).toContain('Left .claude/agents/ai-engineer.md: it is not the file this site published.');
    expect(removed).toContain(`Removed ${kept.length - 1} agents from .claude/agents; left 1 file this site did not publish`);
    expectFolder(agents, []);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('a source’s script does the same for the user scope', async ({ page }) => {
  const source = 'voltagent';
  await page.goto(`sources/${source}/`);
  const leftOut = await leftOutSlugs(page);
  const kept = scan.agents.filter((a) => a.sourceId === source && !leftOut.has(a.slug));
  expect(kept.some((a) => a.name === 'ai-engineer')).toBe(true);
  const { home } = folderWithUsersFile();
  const userFolder = path.join(home, '.claude/agents');
  try {
    const output = run(await copyCommand(page, 'posix-user-install'), home);
    expect(output).toContain(`Installed ${kept.length - 1} of ${kept.length} agents into ${userFolder}`);
    expectFolder(userFolder, kept);
    run(await copyCommand(page, 'posix-user-remove'), home);
    expectFolder(userFolder, []);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('the install scripts in PowerShell list the same files, names for other tools and hashes as the shell scripts, and parse', async ({
  request,
}) => {
  for (const list of [`categories/${CATEGORY}/`, 'sources/voltagent/']) {
    const sh = await (await request.get(`${list}install.sh`)).text();
    const ps1 = await (await request.get(`${list}install.ps1`)).text();
    expect(powerShellProblems(ps1)).toEqual([]);
    const shFiles = [...sh.matchAll(/^put (\S+) (\S+) (\S+)$/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
    const shHashes = [...sh.matchAll(/^ {2}take (\S+) ([0-9a-f]{64})$/gm)].map((m) => `${m[1]} ${m[2]}`);
    const psFiles = [...ps1.matchAll(/@\{ n = '([^']+)'; s = '([^']+)'; e = '([^']+)'; h = '([0-9a-f]{64})' \}/g)];
    expect(psFiles.map((m) => `${m[1]} ${m[2]} ${m[3]}`)).toEqual(shFiles);
    expect(psFiles.map((m) => `${m[1]} ${m[4]}`)).toEqual(shHashes);
    expect(new Set(shFiles.map((f) => f.split(' ')[0]!.toLowerCase())).size).toBe(shFiles.length);
  }
});

test('an agent page’s command keeps the user’s own file of that name, and its remove leaves it', async ({ page }) => {
  const agent = scan.agents.find((a) => a.name === 'ai-engineer' && a.sourceId === 'voltagent')!;
  await page.goto(`agents/${agent.slug}/`);
  const { home, agents } = folderWithUsersFile();
  try {
    const output = run(await copyCommand(page, 'posix-project-install'), home);
    expect(output).toContain('Kept .claude/agents/ai-engineer.md: a file of that name is already there; remove it first to replace it.');
    expectFolder(agents, []);
    expect(run(await copyCommand(page, 'posix-project-remove'), home)).toContain(
      'Left .claude/agents/ai-engineer.md: it is not the file this site published.',
    );
    expectFolder(agents, []);
    // Once the user moves their file away, the same command installs the site's, and the remove takes it back.
    rmSync(path.join(agents, 'ai-engineer.md'));
    expect(run(await copyCommand(page, 'posix-project-install'), home)).toContain('Installed .claude/agents/ai-engineer.md');
    expect(readFileSync(path.join(agents, 'ai-engineer.md')).equals(bytesOf(agent.file.absPath))).toBe(true);
    expect(run(await copyCommand(page, 'posix-project-remove'), home)).toContain('Removed .claude/agents/ai-engineer.md');
    expect(readdirSync(agents)).toEqual([]);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('a bundle with two agents of one name installs the same files by its command and by its .zip, and says which it left out', async ({
  page,
}) => {
  const engineers = scan.agents.filter((a) => a.name === 'ai-engineer').slice(0, 2);
  const other = members.find((a) => a.name !== 'ai-engineer' && !scan.agents.some((b) => b !== a && b.name === a.name))!;
  await page.goto(`bundle/?agents=${[...engineers, other].map((a) => a.slug).join(',')}`);
  await expect(page.locator('[data-bundle-status]')).toHaveAttribute('data-count', '3');
  await expect(page.locator('main')).toContainText('Left out of the install');
  const { home, agents } = folderWithUsersFile();
  try {
    // The user's file is kept; the bundle's second ai-engineer is never written over the first.
    const output = run(await copyCommand(page, 'posix-project-install'), home);
    expect(output).toContain('Kept .claude/agents/ai-engineer.md');
    expectFolder(agents, [other]);
    rmSync(path.join(agents, 'ai-engineer.md'));
    run(await copyCommand(page, 'posix-project-install'), home);
    const installed = filesIn(agents);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .zip' }).click()]);
    const zipped = unzipSync(readFileSync(await download.path()));
    expect(Object.keys(zipped).sort()).toEqual([...installed.keys()]);
    for (const [name, bytes] of installed) expect(Buffer.from(zipped[name]!).equals(bytes), name).toBe(true);
    // The first ai-engineer in the bundle is the one both wrote.
    expect(installed.get('ai-engineer.md')!.equals(bytesOf(engineers[0]!.file.absPath))).toBe(true);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('the bundle’s PowerShell commands parse', async ({ page }) => {
  const engineers = scan.agents.filter((a) => a.name === 'ai-engineer').slice(0, 2);
  await page.goto(`bundle/?agents=${engineers.map((a) => a.slug).join(',')}`);
  await expect(page.locator('[data-bundle-status]')).toHaveAttribute('data-count', '2');
  await page.locator('[data-shell="powershell"] summary').first().click();
  for (const key of ['powershell-user-install', 'powershell-user-remove', 'powershell-project-install', 'powershell-project-remove']) {
    const command = await copyCommand(page, key);
    expect(command).toContain('ai-engineer.md');
    expect(powerShellProblems(command), command).toEqual([]);
  }
});
