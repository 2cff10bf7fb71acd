import { powerShellQuote, safeFileName, shellQuote } from '../publish/install.ts';
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
 * A POSIX shell script that installs (or with --remove, removes) every agent of a set, each file byte for byte.
 * `items` must hold one agent per file name (see installableAgents). It never replaces a file that is already
 * there, removes only files whose bytes are the ones published (by SHA-256), and counts what it really did.
 * `base` is the site's address when known at build time; otherwise --base must be passed.
 */
export function installShellScript(title: string, items: readonly ScriptItem[], base: string | undefined): string {
  const files = items.map((i) => ({ slug: i.slug, file: safeFileName(i.name, i.slug), sha256: i.sha256 }));
  return [
    '#!/bin/sh',
    `# Installs the ${plural(items.length, 'agent')} of ${commentText(title)} from Subagent Catalog, each file exactly as published.`,
    '# Usage: sh install.sh [--user | --project] [--remove] [--base <site address>]',
    '# A file of the same name that is already in the folder is kept; --remove deletes only the files this site published.',
    'set -eu',
    'dir="$HOME/.claude/agents"',
    'remove=0',
    `base=${shellQuote(base ?? '')}`,
    'while [ $# -gt 0 ]; do',
    '  case "$1" in',
    '    --user) dir="$HOME/.claude/agents" ;;',
    '    --project) dir=".claude/agents" ;;',
    '    --remove) remove=1 ;;',
    '    --base) base="$2"; shift ;;',
    '    *) echo "unknown option: $1" >&2; exit 2 ;;',
    '  esac',
    '  shift',
    'done',
    'done_=0; kept=0',
    'count() { if [ "$1" = 1 ]; then echo "1 $2"; else echo "$1 $2s"; fi; }',
    'sha() { (sha256sum "$1" 2>/dev/null || shasum -a 256 "$1") | cut -c1-64; }',
    'take() { if [ ! -e "$dir/$1" ]; then :; elif [ "$(sha "$dir/$1")" = "$2" ]; then rm -f "$dir/$1"; done_=$((done_ + 1)); else kept=$((kept + 1)); echo "Left $dir/$1: it is not the file this site published."; fi; }',
    'put() {',
    '  if [ -e "$dir/$1" ]; then kept=$((kept + 1)); echo "Kept $dir/$1: a file of that name is already there; remove it first to replace it."; return 0; fi',
    '  curl -fsSL -o "$dir/$1.part" "${base}agents/$2.md" || { rm -f "$dir/$1.part"; echo "Could not download agents/$2.md from $base" >&2; exit 1; }',
    '  mv "$dir/$1.part" "$dir/$1"; done_=$((done_ + 1))',
    '}',
    'if [ "$remove" = 1 ]; then',
    ...files.map((f) => `  take ${f.file} ${f.sha256}`),
    '  echo "Removed $(count $done_ agent) from $dir; left $(count $kept file) this site did not publish"',
    '  exit 0',
    'fi',
    '[ -n "$base" ] || { echo "Pass --base with the address of the site, e.g. --base https://example.com/" >&2; exit 2; }',
    'mkdir -p "$dir"',
    ...files.map((f) => `put ${f.file} ${f.slug}`),
    `echo "Installed $done_ of ${plural(items.length, 'agent')} into $dir; kept $(count $kept file) already there"`,
    '',
  ].join('\n');
}

/** The same script for PowerShell: `-Scope User|Project`, `-Remove`, `-Base <site address>`. */
export function installPowerShellScript(title: string, items: readonly ScriptItem[], base: string | undefined): string {
  const files = items.map(
    (i) => `@{ n = ${powerShellQuote(safeFileName(i.name, i.slug))}; s = ${powerShellQuote(i.slug)}; h = ${powerShellQuote(i.sha256)} }`,
  );
  return [
    `# Installs the ${plural(items.length, 'agent')} of ${commentText(title)} from Subagent Catalog, each file exactly as published.`,
    '# A file of the same name that is already in the folder is kept; -Remove deletes only the files this site published.',
    `param([ValidateSet('User', 'Project')][string]$Scope = 'User', [switch]$Remove, [string]$Base = ${powerShellQuote(base ?? '')})`,
    "$ErrorActionPreference = 'Stop'",
    "$dir = if ($Scope -eq 'Project') { '.claude\\agents' } else { Join-Path $HOME '.claude\\agents' }",
    `$files = @(${files.join(', ')})`,
    '$done = 0; $kept = 0',
    'function Count($n, $noun) { if ($n -eq 1) { "1 $noun" } else { "$n ${noun}s" } }',
    'if ($Remove) {',
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
    '  $p = Join-Path $dir $f.n',
    '  if (Test-Path -LiteralPath $p) { $kept++; "Kept ${p}: a file of that name is already there; remove it first to replace it."; continue }',
    '  Invoke-WebRequest -Uri ($Base + \'agents/\' + $f.s + \'.md\') -OutFile "$p.part"; Move-Item -LiteralPath "$p.part" $p; $done++',
    '}',
    `"Installed $done of ${plural(items.length, 'agent')} into $dir; kept $(Count $kept 'file') already there"`,
    '',
  ].join('\n');
}
