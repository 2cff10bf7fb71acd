/**
 * Install and remove commands for one agent or a set of them, for a POSIX shell and for PowerShell.
 * Pure, so pages, the bundle view and tests share it. Names come from untrusted files: file names are
 * made safe first, and every URL is quoted.
 */

import { isWindowsDeviceName } from './slugs.ts';

/** Where agents are installed: the user's folder for every project, or the current project's. */
export type InstallScope = 'user' | 'project';

/** Which shell the commands are for. */
export type InstallShell = 'posix' | 'powershell';

/** One file to install: its published URL and the name it is saved under. */
export interface InstallItem {
  url: string;
  fileName: string;
}

const PLAIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * A file name that is safe in a shell command and a download attribute, and valid on Linux, macOS and Windows:
 * the agent name when it is plain, short and no Windows device name (`CON`, `nul.x`), the slug otherwise.
 */
export function safeFileName(name: string, slug: string): string {
  return PLAIN_NAME.test(name) && !name.endsWith('.') && !isWindowsDeviceName(name) ? `${name}.md` : `${slug}.md`;
}

/** Quotes a string for a POSIX shell with single quotes. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Quotes a string for PowerShell with single quotes. */
export function powerShellQuote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

const FOLDERS: Readonly<Record<InstallShell, Record<InstallScope, string>>> = {
  posix: { user: '~/.claude/agents', project: '.claude/agents' },
  powershell: { user: '$HOME\\.claude\\agents', project: '.claude\\agents' },
};

/** The agents folder for a scope, as the shell writes it. */
export function agentsFolder(shell: InstallShell, scope: InstallScope): string {
  return FOLDERS[shell][scope];
}

/**
 * One command that downloads every file, byte for byte, into the agents folder: curl with one
 * `-o <file> <url>` pair per agent (creating the folder), or Invoke-WebRequest in a loop.
 */
export function installCommand(items: readonly InstallItem[], scope: InstallScope, shell: InstallShell = 'posix'): string {
  const folder = agentsFolder(shell, scope);
  if (shell === 'posix') return `curl -fsSL --create-dirs ${items.map((i) => `-o ${folder}/${i.fileName} ${shellQuote(i.url)}`).join(' ')}`;
  const pairs = items.map((i) => `@(${powerShellQuote(i.url)},${powerShellQuote(i.fileName)})`).join(',');
  return `$d = "${folder}"; New-Item -ItemType Directory -Force $d | Out-Null; @(${pairs}) | ForEach-Object { Invoke-WebRequest -Uri $_[0] -OutFile (Join-Path $d $_[1]) }`;
}

/** One command that removes the same files again. */
export function removeCommand(items: readonly InstallItem[], scope: InstallScope, shell: InstallShell = 'posix'): string {
  const folder = agentsFolder(shell, scope);
  if (shell === 'posix') return `rm -f ${items.map((i) => `${folder}/${i.fileName}`).join(' ')}`;
  return `Remove-Item -ErrorAction SilentlyContinue ${items.map((i) => `"${folder}\\${i.fileName}"`).join(', ')}`;
}

/** Every command a page offers for a set of files: install and remove, per scope and shell. */
export function commandTable(items: readonly InstallItem[]): Record<InstallShell, Record<InstallScope, { install: string; remove: string }>> {
  const row = (shell: InstallShell) => ({
    user: { install: installCommand(items, 'user', shell), remove: removeCommand(items, 'user', shell) },
    project: { install: installCommand(items, 'project', shell), remove: removeCommand(items, 'project', shell) },
  });
  return { posix: row('posix'), powershell: row('powershell') };
}

/**
 * Stands for the site's address in commands when the build did not know it (no SITE_URL). A script on
 * the page replaces it with the address the page was opened at; without JavaScript the page says so.
 */
export const SITE_PLACEHOLDER = 'https://<this site>';

/** The address every command uses: SITE_URL's origin, or the placeholder. */
export function commandOrigin(siteUrl: string | undefined): string {
  return siteUrl ? new URL(siteUrl).origin : SITE_PLACEHOLDER;
}

/** Commands that run a set's install script (a category or a source): sh or PowerShell, per scope, install or remove. */
export function scriptCommands(scripts: { sh: string; ps1: string }, base: string): Record<InstallShell, Record<InstallScope, { install: string; remove: string }>> {
  const posix = (scope: InstallScope, remove: boolean) => `curl -fsSL ${shellQuote(scripts.sh)} | sh -s -- --${scope}${remove ? ' --remove' : ''} --base ${shellQuote(base)}`;
  const ps = (scope: InstallScope, remove: boolean) =>
    `& ([scriptblock]::Create((Invoke-RestMethod ${powerShellQuote(scripts.ps1)}))) -Scope ${scope === 'user' ? 'User' : 'Project'}${remove ? ' -Remove' : ''} -Base ${powerShellQuote(base)}`;
  const row = (make: typeof posix) => ({ user: { install: make('user', false), remove: make('user', true) }, project: { install: make('project', false), remove: make('project', true) } });
  return { posix: row(posix), powershell: row(ps) };
}

/** The two lines that install a category's plugin from the catalogue's marketplace, when it is published as one. */
export function pluginLines(marketplace: { name: string; repository: string }, plugin: string): { add: string; install: string } {
  return { add: `/plugin marketplace add ${marketplace.repository}`, install: `/plugin install ${plugin}@${marketplace.name}` };
}
