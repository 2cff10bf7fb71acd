import matter from 'gray-matter';

/** Where the frontmatter sits in a file, and how it was found. */
export interface FrontmatterBlock {
  /** YAML text between the delimiters, LF line endings, indentation removed when the block was indented. */
  yaml: string;
  /** 1-based line of the opening `---`. */
  openLine: number;
  /** 1-based line of the first body line. */
  bodyLine: number;
  /** Markdown after the closing delimiter, LF line endings. */
  body: string;
  /** Set when the block is not where Claude Code looks for it (first line of the file). */
  displacement?: 'indented' | 'leading-blank-lines';
}

/** Result of reading a file's frontmatter: strictly when possible, leniently when not. */
export interface ParsedFrontmatter {
  block: FrontmatterBlock | undefined;
  data: Record<string, unknown>;
  /** How the data was obtained: `strict` is what Claude Code sees, `recovered` is our lenient reading of a file it skips. */
  mode: 'strict' | 'recovered' | 'none';
  /** Why the strict parse failed, with the 1-based file line, when it did. */
  yamlError?: { line: number; message: string };
}

const DELIMITER = /^(\s*)---\s*$/;

/** Splits text into LF lines, dropping a BOM, so line numbers match what editors show. */
export function toLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
}

/** Finds the frontmatter block, also when it is indented or preceded by blank lines. */
export function locateFrontmatter(text: string): FrontmatterBlock | undefined {
  const lines = toLines(text);
  let start = 0;
  while (start < lines.length && lines[start]!.trim() === '') start++;
  const open = DELIMITER.exec(lines[start] ?? '');
  if (!open) return undefined;
  const indent = open[1]!;
  let close = start + 1;
  while (close < lines.length && !DELIMITER.test(lines[close]!)) close++;
  if (close >= lines.length) return undefined;
  const yamlLines = lines.slice(start + 1, close).map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line));
  const block: FrontmatterBlock = {
    yaml: yamlLines.join('\n'),
    openLine: start + 1,
    bodyLine: close + 2,
    body: lines.slice(close + 1).join('\n'),
  };
  if (indent !== '') block.displacement = 'indented';
  else if (start > 0) block.displacement = 'leading-blank-lines';
  return block;
}

/** Parses YAML the way Claude Code does (a strict YAML parser); throws on invalid YAML. */
export function parseYamlStrict(yaml: string): Record<string, unknown> {
  // Passing options (even empty) keeps gray-matter from caching every input string forever.
  const data: unknown = matter(`---\n${yaml}\n---\n`, {}).data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return {};
  return data as Record<string, unknown>;
}

const KEY_LINE = /^([A-Za-z_][\w-]*)\s*:(?:\s+(.*))?$/;

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) {
    return v.slice(1, -1);
  }
  return v;
}

function tolerantValue(first: string, continuation: string[]): unknown {
  const head = first.trim();
  const items = continuation.map((l) => l.trim()).filter((l) => l !== '');
  if (head === '' && items.length > 0 && items.every((l) => l.startsWith('- ') || l === '-')) {
    return items.map((l) => unquote(l.slice(1)));
  }
  if (head.startsWith('[') && head.endsWith(']') && items.length === 0) {
    return head
      .slice(1, -1)
      .split(',')
      .map(unquote)
      .filter((s) => s !== '');
  }
  if (/^[|>][+-]?$/.test(head)) {
    return items.join(head.startsWith('|') ? '\n' : ' ');
  }
  return unquote([head, ...items].filter((s) => s !== '').join(' '));
}

/**
 * Reads `key: value` lines without a YAML parser, for frontmatter a strict parser rejects
 * (an unquoted `: ` in a description, a value starting with `*`). Lines that are not a new
 * top-level key continue the previous value.
 */
export function parseYamlTolerant(yaml: string): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  let key: string | undefined;
  let first = '';
  let rest: string[] = [];
  const flush = () => {
    if (key !== undefined && !(key in data)) data[key] = tolerantValue(first, rest);
  };
  for (const line of yaml.split('\n')) {
    const match = /^\S/.test(line) ? KEY_LINE.exec(line) : null;
    if (match) {
      flush();
      key = match[1]!;
      first = match[2] ?? '';
      rest = [];
    } else if (key !== undefined && !line.trimStart().startsWith('#')) {
      rest.push(line);
    }
  }
  flush();
  return data;
}

interface YamlErrorLike {
  mark?: { line?: number };
  reason?: string;
  message?: string;
}

/** Parses a file's frontmatter strictly, falling back to a tolerant reading that never throws. */
export function parseFrontmatter(text: string): ParsedFrontmatter {
  const block = locateFrontmatter(text);
  if (!block) return { block, data: {}, mode: 'none' };
  try {
    const data = parseYamlStrict(block.yaml);
    return { block, data, mode: block.displacement ? 'recovered' : 'strict' };
  } catch (error) {
    const e = error as YamlErrorLike;
    // js-yaml counts lines from the newline after the opening delimiter, so mark.line is already 1-based here.
    const line = block.openLine + (e.mark?.line ?? 0);
    const message = (e.reason ?? e.message ?? String(error)).split('\n')[0]!;
    return { block, data: parseYamlTolerant(block.yaml), mode: 'recovered', yamlError: { line, message } };
  }
}

/** 1-based line of a top-level frontmatter key, for pointing diagnostics at it. */
export function lineOfKey(block: FrontmatterBlock | undefined, key: string): number {
  if (!block) return 1;
  const index = block.yaml.split('\n').findIndex((line) => line.startsWith(`${key}:`) || line.startsWith(`${key} :`));
  return index < 0 ? block.openLine : block.openLine + 1 + index;
}
