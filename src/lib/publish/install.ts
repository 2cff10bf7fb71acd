/**
 * Install and remove commands for one agent or a set of them, for a POSIX shell and for PowerShell.
 * Pure, so pages, the bundle view and tests share it. Names come from untrusted files: file names are
 * made safe first, and every URL is quoted.
 */

import { isWindowsDeviceName } from '../catalog/slugs.ts';
import type { OtherTool } from './other-tool-files.ts';

/** Where agents are installed: the user's folder for every project, or the current project's. */
export type InstallScope = 'user' | 'project';

/** Which shell the commands are for. */
export type InstallShell = 'posix' | 'powershell';

/** One file to install: its published URL, the name it is saved under, and the SHA-256 of its bytes (hex). */
export interface InstallItem {
  url: string;
  fileName: string;
  sha256: string;
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

/** A tool's agents folders, per shell and scope, as the shell writes them (a shell word, quoted where it needs to be). */
export type AgentFolders = Readonly<Record<InstallShell, Record<InstallScope, string>>>;

/** Where Claude Code reads agent files, in a project and (under the home folder) for every project. */
export const CLAUDE_CODE_AGENTS_DIR = '.claude/agents';

/** Claude Code's: `~/.claude/agents` and `.claude/agents`. */
export const CLAUDE_CODE_FOLDERS: AgentFolders = agentFolders(CLAUDE_CODE_AGENTS_DIR, CLAUDE_CODE_AGENTS_DIR);

/**
 * The folders of a tool that reads `<home>/<user>` and `<project>` (both plain relative paths such as
 * `.github/agents`, which need no quoting but for the separators).
 */
export function agentFolders(user: string, project: string): AgentFolders {
  if (![user, project].every((p) => /^[A-Za-z0-9._/-]+$/.test(p))) throw new Error(`not a plain folder: ${user}, ${project}`);
  const windows = (p: string) => p.replaceAll('/', '\\');
  return {
    posix: { user: `"$HOME/${user}"`, project },
    powershell: { user: `(Join-Path $HOME "${windows(user)}")`, project: `"${windows(project)}"` },
  };
}

/** The agents folder for a scope, as the shell writes it (a shell word, quoted where it needs to be). */
export function agentsFolder(shell: InstallShell, scope: InstallScope, folders: AgentFolders = CLAUDE_CODE_FOLDERS): string {
  return folders[shell][scope];
}

/**
 * The commands write file names and hashes as they are, unquoted: only names made by safeFileName and hex
 * digests may get there, so a name from a stranger's file can never become shell or PowerShell syntax.
 */
function assertPlainFileNames(items: readonly (Omit<InstallItem, 'sha256'> & { sha256?: string })[]): void {
  for (const item of items) {
    if (
      !/^[A-Za-z0-9][A-Za-z0-9._-]*\.(md|toml)$/.test(item.fileName) ||
      (item.sha256 !== undefined && !/^[0-9a-f]{64}$/.test(item.sha256))
    )
      throw new Error(`not a safe file name and SHA-256: ${JSON.stringify(item)}`);
  }
}

/** What the commands say of a file they keep on install, or leave on remove. */
const KEPT_REASON = 'a file of that name is already there; remove it first to replace it.';
const LEFT_REASON = 'it is not the file this site published.';

/**
 * One command that downloads every file, byte for byte, into the agents folder, and never replaces a file that
 * is already there: that file is kept, and a line says so (remove it first to replace it). Each file is
 * downloaded beside its place and moved in only when complete, and each line says what became of one file.
 */
export function installCommand(
  items: readonly (Omit<InstallItem, 'sha256'> & { sha256?: string })[],
  scope: InstallScope,
  shell: InstallShell = 'posix',
  folders: AgentFolders = CLAUDE_CODE_FOLDERS,
): string {
  assertPlainFileNames(items);
  const folder = agentsFolder(shell, scope, folders);
  if (shell === 'posix') {
    // One agent, as on its page: a plain `if`, which reads more easily than the function the sets need.
    if (items.length === 1) {
      const [item] = items as [InstallItem];
      return `d=${folder}; f="$d/${item.fileName}"; if [ -e "$f" ]; then echo "Kept $f: ${KEPT_REASON}"; else mkdir -p "$d" && curl -fsSL -o "$f.part" ${shellQuote(item.url)} && mv "$f.part" "$f" && echo "Installed $f"; fi`;
    }
    const put = `put() { if [ -e "$d/$1" ]; then echo "Kept $d/$1: ${KEPT_REASON}"; else curl -fsSL -o "$d/$1.part" "$2" && mv "$d/$1.part" "$d/$1" && echo "Installed $d/$1"; fi; }`;
    return `d=${folder}; mkdir -p "$d" && ${put}; ${items.map((i) => `put ${i.fileName} ${shellQuote(i.url)}`).join('; ')}`;
  }
  if (items.length === 1) {
    const [item] = items as [InstallItem];
    return `$d = ${folder}; $p = Join-Path $d ${powerShellQuote(item.fileName)}; if (Test-Path -LiteralPath $p) { "Kept \${p}: ${KEPT_REASON}" } else { New-Item -ItemType Directory -Force $d | Out-Null; Invoke-WebRequest -Uri ${powerShellQuote(item.url)} -OutFile "$p.part"; Move-Item -LiteralPath "$p.part" $p; "Installed $p" }`;
  }
  const files = items.map((i) => `@{ n = ${powerShellQuote(i.fileName)}; u = ${powerShellQuote(i.url)} }`).join(', ');
  return `$d = ${folder}; New-Item -ItemType Directory -Force $d | Out-Null; foreach ($f in @(${files})) { $p = Join-Path $d $f.n; if (Test-Path -LiteralPath $p) { "Kept \${p}: ${KEPT_REASON}" } else { Invoke-WebRequest -Uri $f.u -OutFile "$p.part"; Move-Item -LiteralPath "$p.part" $p; "Installed $p" } }`;
}

/**
 * One command that removes the same files again, each only when its bytes are the ones the site published (by
 * SHA-256): a file of that name that someone else wrote, or changed since, is left where it is, and a line says so.
 */
export function removeCommand(
  items: readonly InstallItem[],
  scope: InstallScope,
  shell: InstallShell = 'posix',
  folders: AgentFolders = CLAUDE_CODE_FOLDERS,
): string {
  assertPlainFileNames(items);
  const folder = agentsFolder(shell, scope, folders);
  if (shell === 'posix') {
    if (items.length === 1) {
      const [item] = items as [InstallItem];
      return `d=${folder}; f="$d/${item.fileName}"; if [ ! -e "$f" ]; then echo "Not there: $f"; elif [ "$( (sha256sum "$f" 2>/dev/null || shasum -a 256 "$f") | cut -c1-64)" = ${item.sha256} ]; then rm -f "$f" && echo "Removed $f"; else echo "Left $f: ${LEFT_REASON}"; fi`;
    }
    const sha = 'sha() { (sha256sum "$1" 2>/dev/null || shasum -a 256 "$1") | cut -c1-64; }';
    const take = `take() { if [ ! -e "$d/$1" ]; then echo "Not there: $d/$1"; elif [ "$(sha "$d/$1")" = "$2" ]; then rm -f "$d/$1" && echo "Removed $d/$1"; else echo "Left $d/$1: ${LEFT_REASON}"; fi; }`;
    return `d=${folder}; ${sha}; ${take}; ${items.map((i) => `take ${i.fileName} ${i.sha256}`).join('; ')}`;
  }
  if (items.length === 1) {
    const [item] = items as [InstallItem];
    return `$p = Join-Path ${folder} ${powerShellQuote(item.fileName)}; if (-not (Test-Path -LiteralPath $p)) { "Not there: $p" } elseif ((Get-FileHash -LiteralPath $p -Algorithm SHA256).Hash -eq ${powerShellQuote(item.sha256)}) { Remove-Item -LiteralPath $p; "Removed $p" } else { "Left \${p}: ${LEFT_REASON}" }`;
  }
  const files = items.map((i) => `@{ n = ${powerShellQuote(i.fileName)}; h = ${powerShellQuote(i.sha256)} }`).join(', ');
  return `$d = ${folder}; foreach ($f in @(${files})) { $p = Join-Path $d $f.n; if (-not (Test-Path -LiteralPath $p)) { "Not there: $p" } elseif ((Get-FileHash -LiteralPath $p -Algorithm SHA256).Hash -eq $f.h) { Remove-Item -LiteralPath $p; "Removed $p" } else { "Left \${p}: ${LEFT_REASON}" } }`;
}

/** Every command a page offers for a set of files: install and remove, per scope and shell. */
export function commandTable(
  items: readonly InstallItem[],
  folders: AgentFolders = CLAUDE_CODE_FOLDERS,
): Record<InstallShell, Record<InstallScope, { install: string; remove: string }>> {
  const row = (shell: InstallShell) => ({
    user: { install: installCommand(items, 'user', shell, folders), remove: removeCommand(items, 'user', shell, folders) },
    project: { install: installCommand(items, 'project', shell, folders), remove: removeCommand(items, 'project', shell, folders) },
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

/**
 * Commands that run a set's install script (a category or a source): sh or PowerShell, per scope, install or
 * remove; with `tool`, the commands that install the set's files for that tool (the scripts take back Claude
 * Code's files only).
 */
export function scriptCommands(
  scripts: { sh: string; ps1: string },
  base: string,
  tool?: OtherTool,
): Record<InstallShell, Record<InstallScope, { install: string; remove: string }>> {
  const posix = (scope: InstallScope, remove: boolean) =>
    `curl -fsSL ${shellQuote(scripts.sh)} | sh -s -- --${scope}${tool ? ` --tool ${tool}` : ''}${remove ? ' --remove' : ''} --base ${shellQuote(base)}`;
  const ps = (scope: InstallScope, remove: boolean) =>
    `& ([scriptblock]::Create((Invoke-RestMethod ${powerShellQuote(scripts.ps1)}))) -Scope ${scope === 'user' ? 'User' : 'Project'}${tool ? ` -Tool ${tool}` : ''}${remove ? ' -Remove' : ''} -Base ${powerShellQuote(base)}`;
  const row = (make: typeof posix) => ({
    user: { install: make('user', false), remove: make('user', true) },
    project: { install: make('project', false), remove: make('project', true) },
  });
  return { posix: row(posix), powershell: row(ps) };
}

/** The two lines that install a category's plugin from the catalogue's marketplace, when it is published as one. */
export function pluginLines(marketplace: { name: string; repository: string }, plugin: string): { add: string; install: string } {
  return { add: `/plugin marketplace add ${marketplace.repository}`, install: `/plugin install ${plugin}@${marketplace.name}` };
}
