import { CLAUDE_CODE_AGENTS_DIR, powerShellQuote, safeFileName, shellQuote } from '../publish/install.ts';
import { exportName, exportSiteSuffix, OTHER_TOOL_FOLDERS, OTHER_TOOLS } from '../publish/other-tool-files.ts';
import { plural } from '../catalog/summary.ts';
import { withoutHiddenCharacters } from '../text/unicode.ts';

/** A title for a comment line of a script: no line breaks, control characters or other characters nobody sees. */
function commentText(title: string): string {
  return withoutHiddenCharacters(title).replace(/\s+/g, ' ').trim();
}

/** Where the install scripts of a list (a category or a source) live, next to its first page. */
export function installSet(firstPage: string): { sh: string; ps1: string } {
  return { sh: `${firstPage}install.sh`, ps1: `${firstPage}install.ps1` };
}

/** An agent in an install script: the slug its raw file is published under, the name it is saved as, and the SHA-256 of its bytes. */
export interface ScriptItem {
  slug: string;
  name: string;
  sha256: string;
}

/**
 * Where each tool's files go and what they are called, in the order the scripts list them: its user folder (under
 * the home folder), its project folder, the file name's ending and what follows the slug in the site path.
 * Claude Code's comes first, under the name the scripts use when no tool is named.
 */
const SCRIPT_TOOLS = [
  { id: 'claude', user: CLAUDE_CODE_AGENTS_DIR, project: CLAUDE_CODE_AGENTS_DIR, extension: '.md', suffix: '.md' },
  ...OTHER_TOOLS.map((tool) => ({ id: tool, ...OTHER_TOOL_FOLDERS[tool], suffix: exportSiteSuffix(tool) })),
];
const TOOL_LIST = `${OTHER_TOOLS.slice(0, -1).join(', ')} or ${OTHER_TOOLS.at(-1)!}`;

/**
 * A POSIX shell script that installs (or with --remove, removes) every agent of a set, each file byte for byte.
 * `items` must hold one agent per file name (see installableAgents). It never replaces a file that is already
 * there, removes only files whose bytes are the ones published (by SHA-256), and counts what it really did.
 * With --tool it installs each agent's file for that tool instead, into the tool's folder. `base` is the site's
 * address when known at build time; otherwise --base must be passed.
 */
export function installShellScript(title: string, items: readonly ScriptItem[], base: string | undefined): string {
  const files = items.map((i) => ({ slug: i.slug, file: safeFileName(i.name, i.slug), exportName: exportName(i), sha256: i.sha256 }));
  return [
    '#!/bin/sh',
    `# Installs the ${plural(items.length, 'agent')} of ${commentText(title)} from Subagent Catalog, each file exactly as published.`,
    `# Usage: sh install.sh [--user | --project] [--tool ${OTHER_TOOLS.join('|')}] [--remove] [--base <site address>]`,
    '# A file of the same name that is already in the folder is kept; --remove deletes only the files this site published.',
    'set -eu',
    'scope=user',
    "tool=''",
    'remove=0',
    `base=${shellQuote(base ?? '')}`,
    'while [ $# -gt 0 ]; do',
    '  case "$1" in',
    '    --user) scope=user ;;',
    '    --project) scope=project ;;',
    '    --tool) tool="$2"; shift ;;',
    '    --remove) remove=1 ;;',
    '    --base) base="$2"; shift ;;',
    '    *) echo "unknown option: $1" >&2; exit 2 ;;',
    '  esac',
    '  shift',
    'done',
    'case "${tool:-claude}" in',
    ...SCRIPT_TOOLS.map((t) => `  ${t.id}) user=${t.user}; project=${t.project}; ext=${t.extension}; suffix=${t.suffix} ;;`),
    `  *) echo "unknown tool: $tool (${TOOL_LIST})" >&2; exit 2 ;;`,
    'esac',
    'if [ "$scope" = user ]; then dir="$HOME/$user"; else dir="$project"; fi',
    'done_=0; kept=0',
    'count() { if [ "$1" = 1 ]; then echo "1 $2"; else echo "$1 $2s"; fi; }',
    'sha() { (sha256sum "$1" 2>/dev/null || shasum -a 256 "$1") | cut -c1-64; }',
    'take() { if [ ! -e "$dir/$1" ]; then :; elif [ "$(sha "$dir/$1")" = "$2" ]; then rm -f "$dir/$1"; done_=$((done_ + 1)); else kept=$((kept + 1)); echo "Left $dir/$1: it is not the file this site published."; fi; }',
    'put() {',
    '  if [ -n "$tool" ]; then f="$3$ext"; else f="$1"; fi',
    '  if [ -e "$dir/$f" ]; then kept=$((kept + 1)); echo "Kept $dir/$f: a file of that name is already there; remove it first to replace it."; return 0; fi',
    '  curl -fsSL -o "$dir/$f.part" "${base}agents/$2$suffix" || { rm -f "$dir/$f.part"; echo "Could not download agents/$2$suffix from $base" >&2; exit 1; }',
    '  mv "$dir/$f.part" "$dir/$f"; done_=$((done_ + 1))',
    '}',
    'if [ "$remove" = 1 ]; then',
    // The SHA-256 of each file is that of the Claude Code file: what the other tools' files hash to is not in the script.
    '  [ -z "$tool" ] || { echo "--remove takes back Claude Code files only; delete the files for $tool from $dir yourself" >&2; exit 2; }',
    ...files.map((f) => `  take ${f.file} ${f.sha256}`),
    '  echo "Removed $(count $done_ agent) from $dir; left $(count $kept file) this site did not publish"',
    '  exit 0',
    'fi',
    '[ -n "$base" ] || { echo "Pass --base with the address of the site, e.g. --base https://example.com/" >&2; exit 2; }',
    'mkdir -p "$dir"',
    ...files.map((f) => `put ${f.file} ${f.slug} ${f.exportName}`),
    `echo "Installed $done_ of ${plural(items.length, 'agent')} into $dir; kept $(count $kept file) already there"`,
    '',
  ].join('\n');
}

/** The same script for PowerShell: `-Scope User|Project`, `-Tool <tool>`, `-Remove`, `-Base <site address>`. */
export function installPowerShellScript(title: string, items: readonly ScriptItem[], base: string | undefined): string {
  const files = items.map(
    (i) =>
      `@{ n = ${powerShellQuote(safeFileName(i.name, i.slug))}; s = ${powerShellQuote(i.slug)}; e = ${powerShellQuote(exportName(i))}; h = ${powerShellQuote(i.sha256)} }`,
  );
  const windows = (folder: string) => powerShellQuote(folder.replaceAll('/', '\\'));
  const tools = SCRIPT_TOOLS.map(
    (t) =>
      `${powerShellQuote(t.id)} = @{ u = ${windows(t.user)}; p = ${windows(t.project)}; x = ${powerShellQuote(t.extension)}; s = ${powerShellQuote(t.suffix)} }`,
  );
  return [
    `# Installs the ${plural(items.length, 'agent')} of ${commentText(title)} from Subagent Catalog, each file exactly as published.`,
    '# A file of the same name that is already in the folder is kept; -Remove deletes only the files this site published.',
    `# -Tool ${OTHER_TOOLS.join('|')} installs each agent's file for that tool instead, into its folder.`,
    `param([ValidateSet('User', 'Project')][string]$Scope = 'User', [ValidateSet(${OTHER_TOOLS.map(powerShellQuote).join(', ')})][string]$Tool, [switch]$Remove, [string]$Base = ${powerShellQuote(base ?? '')})`,
    "$ErrorActionPreference = 'Stop'",
    `$tools = @{ ${tools.join('; ')} }`,
    "$t = $tools[$(if ($Tool) { $Tool } else { 'claude' })]",
    "$dir = if ($Scope -eq 'Project') { $t.p } else { Join-Path $HOME $t.u }",
    `$files = @(${files.join(', ')})`,
    '$done = 0; $kept = 0',
    'function Count($n, $noun) { if ($n -eq 1) { "1 $noun" } else { "$n ${noun}s" } }',
    'if ($Remove) {',
    // The SHA-256 of each file is that of the Claude Code file: what the other tools' files hash to is not in the script.
    '  if ($Tool) { throw "-Remove takes back Claude Code files only; delete the files for $Tool from $dir yourself" }',
    '  foreach ($f in $files) {',
    '    $p = Join-Path $dir $f.n',
    '    if (-not (Test-Path -LiteralPath $p)) { continue }',
    '    if ((Get-FileHash -LiteralPath $p -Algorithm SHA256).Hash -eq $f.h) { Remove-Item -LiteralPath $p; $done++ } else { $kept++; "Left ${p}: it is not the file this site published." }',
    '  }',
    "  \"Removed $(Count $done 'agent') from $dir; left $(Count $kept 'file') this site did not publish\"",
    '  return',
    '}',
    "if (-not $Base) { throw 'Pass -Base with the address of the site, e.g. -Base https://example.com/' }",
    'New-Item -ItemType Directory -Force $dir | Out-Null',
    'foreach ($f in $files) {',
    '  $p = Join-Path $dir $(if ($Tool) { $f.e + $t.x } else { $f.n })',
    '  if (Test-Path -LiteralPath $p) { $kept++; "Kept ${p}: a file of that name is already there; remove it first to replace it."; continue }',
    '  Invoke-WebRequest -Uri ($Base + \'agents/\' + $f.s + $t.s) -OutFile "$p.part"; Move-Item -LiteralPath "$p.part" $p; $done++',
    '}',
    `"Installed $done of ${plural(items.length, 'agent')} into $dir; kept $(Count $kept 'file') already there"`,
    '',
  ].join('\n');
}
