import { load, type YAMLException } from 'js-yaml';
import { LIMITS } from './limits.ts';
import type { RuleId } from './rules.ts';

/** A frontmatter value after reading: plain data, no cycles, no prototypes, bounded in size and depth. */
export type FieldValue = string | number | boolean | null | FieldValue[] | { [key: string]: FieldValue };

/** Top-level frontmatter fields in file order. A Map, so keys such as `__proto__` or `toString` are ordinary keys. */
export type Fields = Map<string, FieldValue>;

/** Why a strict reading failed, with the 1-based line inside the YAML text. */
export interface YamlFailure {
  rule: Extract<RuleId, 'yaml-invalid' | 'limit-yaml-expansion' | 'limit-yaml-depth'>;
  yamlLine: number;
  message: string;
}

class LimitExceeded extends Error {
  readonly rule: YamlFailure['rule'];
  constructor(rule: YamlFailure['rule'], message: string) {
    super(message);
    this.rule = rule;
  }
}

/**
 * Copies a parsed YAML value into plain data, counting every node as often as aliases repeat it, so
 * an exponential alias expansion stops at the budget instead of exhausting memory, and a value that
 * contains itself stops at once.
 */
function toPlain(value: unknown, depth: number, budget: { nodes: number }, ancestors: Set<object>): FieldValue {
  if (--budget.nodes < 0) throw new LimitExceeded('limit-yaml-expansion', `aliases expand to more than ${LIMITS.yamlNodes} values`);
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString().replace('T00:00:00.000Z', '');
  if (typeof value !== 'object') return null;
  if (ancestors.has(value)) throw new LimitExceeded('limit-yaml-expansion', 'an alias refers to a value that contains it');
  if (depth >= LIMITS.yamlDepth) throw new LimitExceeded('limit-yaml-depth', `values are nested more than ${LIMITS.yamlDepth} levels deep`);
  if (ArrayBuffer.isView(value)) return '[binary data]';
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => toPlain(item, depth + 1, budget, ancestors));
    const plain: { [key: string]: FieldValue } = Object.create(null) as { [key: string]: FieldValue };
    for (const [key, item] of Object.entries(value)) plain[key] = toPlain(item, depth + 1, budget, ancestors);
    return plain;
  } finally {
    ancestors.delete(value);
  }
}

/**
 * Reads YAML the way Claude Code does, with a strict parser, and returns the top-level fields, or why
 * it could not: invalid YAML, aliases that expand too far or refer to themselves, or nesting too deep.
 */
export function parseYamlStrict(yaml: string): { fields: Fields } | { failure: YamlFailure } {
  let parsed: unknown;
  try {
    parsed = load(yaml);
  } catch (error) {
    if (error instanceof RangeError) return { failure: { rule: 'limit-yaml-depth', yamlLine: 1, message: 'the YAML is nested too deeply to read' } };
    const e = error as YAMLException;
    // js-yaml counts lines from 0 within the YAML text.
    const message = (e.reason ?? e.message ?? String(error)).split('\n')[0]!;
    const rule = /nesting exceeded/.test(message) ? 'limit-yaml-depth' : 'yaml-invalid';
    return { failure: { rule, yamlLine: (e.mark?.line ?? 0) + 1, message } };
  }
  const fields: Fields = new Map();
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { fields };
  const budget = { nodes: LIMITS.yamlNodes };
  try {
    for (const [key, value] of Object.entries(parsed)) fields.set(key, toPlain(value, 1, budget, new Set([parsed])));
  } catch (error) {
    if (error instanceof LimitExceeded) return { failure: { rule: error.rule, yamlLine: 1, message: error.message } };
    throw error;
  }
  return { fields };
}

const KEY_LINE = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?$/;

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) return v.slice(1, -1);
  return v;
}

function tolerantValue(first: string, continuation: readonly string[]): FieldValue {
  const head = first.trim();
  const items = continuation.map((l) => l.trim()).filter((l) => l !== '');
  if (head === '' && items.length > 0 && items.every((l) => l.startsWith('- ') || l === '-')) return items.map((l) => unquote(l.slice(1)));
  if (head.startsWith('[') && head.endsWith(']') && items.length === 0) {
    return head
      .slice(1, -1)
      .split(',')
      .map(unquote)
      .filter((s) => s !== '');
  }
  if (head === '|' || head === '>' || /^[|>][+-]$/.test(head)) return items.join(head.startsWith('|') ? '\n' : ' ');
  if (head === '' && items.length === 0) return null;
  return unquote([head, ...items].filter((s) => s !== '').join(' '));
}

/** A line of YAML the tolerant reading could not use, with its 1-based line inside the YAML text. */
export interface DroppedLine {
  yamlLine: number;
  reason: string;
}

/**
 * Reads `key: value` lines without a YAML parser, for frontmatter a strict parser rejects (an unquoted
 * `: ` in a description, a value starting with `*`). Lines that are not a new top-level key continue the
 * previous value. Nothing is dropped silently: a repeated key or a line before any key is reported.
 */
export function parseYamlTolerant(yaml: string): { fields: Fields; dropped: DroppedLine[] } {
  const fields: Fields = new Map();
  const dropped: DroppedLine[] = [];
  let key: string | undefined;
  let keyLine = 0;
  let first = '';
  let rest: string[] = [];
  const flush = () => {
    if (key === undefined) return;
    if (fields.has(key)) dropped.push({ yamlLine: keyLine, reason: `\`${key}\` is repeated; the first value is kept` });
    else fields.set(key, tolerantValue(first, rest));
  };
  const lines = yaml.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const match = line !== '' && line[0] !== ' ' && line[0] !== '\t' ? KEY_LINE.exec(line) : null;
    if (match) {
      flush();
      key = match[1]!;
      keyLine = i + 1;
      first = match[2] ?? '';
      rest = [];
    } else if (line.trimStart().startsWith('#') || line.trim() === '') {
      continue;
    } else if (key !== undefined) {
      if (line[0] !== ' ' && line[0] !== '\t' && line[0] !== '-') {
        dropped.push({ yamlLine: i + 1, reason: `this line is not a \`key: value\` line, so it was read as part of \`${key}\`` });
      }
      rest.push(line);
    } else {
      dropped.push({ yamlLine: i + 1, reason: 'this line comes before any `key:` line' });
    }
  }
  flush();
  return { fields, dropped };
}
