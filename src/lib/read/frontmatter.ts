import { LIMITS } from './limits.ts';

/**
 * Splits a file into frontmatter and body ourselves rather than with gray-matter: every finding needs
 * the line it is on; a block that Claude Code cannot see (indented, or after blank lines) must still be
 * recovered for the page; the block closes only at a `---` line in column 0, as Claude Code reads it
 * (gray-matter closes at any line that starts with `---`, and takes the whole file when none does);
 * and gray-matter keeps every parsed input in a cache unless told otherwise.
 */

/** Where the frontmatter sits in a file, and how it was found. */
export interface FrontmatterBlock {
  /** YAML text between the delimiters, LF line endings, indentation removed when the block was indented. */
  yaml: string;
  /** The block as written in the file, delimiters included, for display. */
  text: string;
  /** 1-based line of the opening `---`. */
  openLine: number;
  /** 1-based line of the first line of `yaml`. */
  yamlLine: number;
  /** 1-based line of the first body line. */
  bodyLine: number;
  /** Markdown after the closing delimiter, LF line endings. */
  body: string;
  /** Set when the block is not where Claude Code looks for it (the first line of the file). */
  displacement?: 'indented' | 'leading-blank-lines';
  /** Set when the YAML is larger than the limit; it is then not parsed. */
  oversize?: boolean;
}

/** Splits text into lines at CRLF, LF or CR, dropping a BOM, so line numbers match what editors show. */
export function toLines(text: string): string[] {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\n|\r/);
}

/** The prompt of a file's text: its lines from `bodyLine` (1-based), as the scan took them. */
export function promptFrom(text: string, bodyLine: number): string {
  return toLines(text)
    .slice(bodyLine - 1)
    .join('\n');
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** The indentation before `---` when a line is an opening delimiter (`---` alone, maybe indented), else undefined. */
function openingIndent(line: string): string | undefined {
  const trimmed = line.trimEnd();
  if (!trimmed.endsWith('---') || trimmed.length < 3) return undefined;
  const indent = trimmed.slice(0, -3);
  return /^[ \t]*$/.test(indent) ? indent : undefined;
}

/** True when a line closes a block opened with this indentation: exactly the indentation, `---`, then only spaces. */
function isClosing(line: string, indent: string): boolean {
  return line.startsWith(indent) && line.slice(indent.length).trimEnd() === '---';
}

/**
 * Finds the frontmatter block. Claude Code reads it only when `---` is the first line; a block that is
 * indented or preceded by blank lines is recovered and marked displaced.
 */
export function locateFrontmatter(text: string): FrontmatterBlock | undefined {
  const lines = toLines(text);
  let start = 0;
  while (start < lines.length && isBlank(lines[start]!)) start++;
  const indent = start < lines.length ? openingIndent(lines[start]!) : undefined;
  if (indent === undefined) return undefined;
  let close = start + 1;
  let size = 0;
  while (close < lines.length && !isClosing(lines[close]!, indent)) size += lines[close++]!.length + 1;
  if (close >= lines.length) return undefined;
  const oversize = size > LIMITS.frontmatterBytes;
  const yamlLines = oversize
    ? []
    : lines.slice(start + 1, close).map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line));
  const block: FrontmatterBlock = {
    yaml: yamlLines.join('\n'),
    text: oversize ? '' : lines.slice(start, close + 1).join('\n'),
    openLine: start + 1,
    yamlLine: start + 2,
    bodyLine: close + 2,
    body: lines.slice(close + 1).join('\n'),
  };
  if (oversize) block.oversize = true;
  if (indent !== '') block.displacement = 'indented';
  else if (start > 0) block.displacement = 'leading-blank-lines';
  return block;
}

/** 1-based file lines of the top-level keys of a block, found in one pass; for a repeated key, its first line. */
export function keyLines(block: FrontmatterBlock): Map<string, number> {
  const lines = new Map<string, number>();
  const yamlLines = block.yaml.split('\n');
  for (let i = 0; i < yamlLines.length; i++) {
    const line = yamlLines[i]!;
    const first = line.charAt(0);
    if (first === '' || first === ' ' || first === '\t' || first === '#' || first === '-') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line
      .slice(0, colon)
      .trim()
      .replace(/^(["'])(.*)\1$/, '$2');
    if (!lines.has(key)) lines.set(key, block.yamlLine + i);
  }
  return lines;
}
