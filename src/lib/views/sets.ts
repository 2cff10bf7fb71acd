import { powerShellQuote, safeFileName, shellQuote } from '../install.ts';
import { withoutHiddenCharacters } from '../unicode.ts';

/** A title for a comment line of a script: no line breaks, control characters or other characters nobody sees. */
function commentText(title: string): string {
  return withoutHiddenCharacters(title).replace(/\s+/g, ' ').trim();
}

/** Where the install scripts of a list (a category or a source) live, next to its first page. */
export function installSet(firstPage: string): { sh: string; ps1: string } {
  return { sh: `${firstPage}install.sh`, ps1: `${firstPage}install.ps1` };
}

/** An agent in an install script: the slug its raw file is published under, and the name it is saved as. */
export interface ScriptItem {
  slug: string;
  name: string;
}

/**
 * A POSIX shell script that installs (or with --remove, removes) every agent of a set, each file byte
 * for byte. `base` is the site's address when known at build time; otherwise --base must be passed.
 */
export function installShellScript(title: string, items: readonly ScriptItem[], base: string | undefined): string {
  const files = items.map((i) => [i.slug, safeFileName(i.name, i.slug)] as const);
  return [
    '#!/bin/sh',
    `# Installs the ${items.length} agents of ${commentText(title)} from Subagent Catalog, each file exactly as published.`,
    '# Usage: sh install.sh [--user | --project] [--remove] [--base <site address>]',
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
    'if [ "$remove" = 1 ]; then',
    ...files.map(([, file]) => `  rm -f "$dir/${file}"`),
    `  echo "Removed ${items.length} agents from $dir"`,
    '  exit 0',
    'fi',
    '[ -n "$base" ] || { echo "Pass --base with the address of the site, e.g. --base https://example.com/" >&2; exit 2; }',
    'mkdir -p "$dir"',
    ...files.map(([slug, file]) => `curl -fsSL -o "$dir/${file}" "\${base}agents/${slug}.md"`),
    `echo "Installed ${items.length} agents into $dir"`,
    '',
  ].join('\n');
}

/** The same script for PowerShell: `-Scope User|Project`, `-Remove`, `-Base <site address>`. */
export function installPowerShellScript(title: string, items: readonly ScriptItem[], base: string | undefined): string {
  const files = items.map((i) => `@(${powerShellQuote(i.slug)},${powerShellQuote(safeFileName(i.name, i.slug))})`);
  return [
    `# Installs the ${items.length} agents of ${commentText(title)} from Subagent Catalog, each file exactly as published.`,
    `param([ValidateSet('User', 'Project')][string]$Scope = 'User', [switch]$Remove, [string]$Base = ${powerShellQuote(base ?? '')})`,
    "$ErrorActionPreference = 'Stop'",
    "$dir = if ($Scope -eq 'Project') { '.claude\\agents' } else { Join-Path $HOME '.claude\\agents' }",
    `$files = @(${files.join(', ')})`,
    'if ($Remove) {',
    '  foreach ($f in $files) { Remove-Item -ErrorAction SilentlyContinue (Join-Path $dir $f[1]) }',
    `  "Removed ${items.length} agents from $dir"`,
    '  return',
    '}',
    "if (-not $Base) { throw 'Pass -Base with the address of the site, e.g. -Base https://example.com/' }",
    'New-Item -ItemType Directory -Force $dir | Out-Null',
    "foreach ($f in $files) { Invoke-WebRequest -Uri ($Base + 'agents/' + $f[0] + '.md') -OutFile (Join-Path $dir $f[1]) }",
    `"Installed ${items.length} agents into $dir"`,
    '',
  ].join('\n');
}
