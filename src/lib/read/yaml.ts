import { CORE_SCHEMA, load, Type, types, type LoadOptions, type YAMLException } from 'js-yaml';
import { LIMITS } from './limits.ts';
import type { RuleId } from '../check/rules.ts';

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

/** Values a reading left out to stay bounded, each a finding of its rule. The other fields are read as usual. */
export interface YamlCut {
  rule: Extract<RuleId, 'limit-yaml-expansion' | 'limit-yaml-depth' | 'yaml-alias-cycle'>;
  message: string;
}

/**
 * Aliases that expand to more values than this make Claude Code 2.1.332 skip the file: measured, ten levels of
 * tenfold aliases load at 10^7 values and not at 10^8.
 */
export const CLAUDE_CODE_ALIAS_VALUES = 50_000_000;

/**
 * Tags other than the core ones are read as if they were not there, as Claude Code's parser (Bun's) reads them:
 * `!!binary aGk=` is the text `aGk=`, `!custom x` is `x`.
 */
const untagged = (['scalar', 'sequence', 'mapping'] as const).flatMap((kind) =>
  ['!', 'tag:yaml.org,2002:'].map(
    (prefix) =>
      new Type(prefix, {
        kind,
        multi: true,
        construct: (data: unknown) => data ?? (kind === 'scalar' ? '' : kind === 'sequence' ? [] : {}),
      }),
  ),
);

/** YAML 1.2's core schema, as Claude Code reads it: dates and timestamps stay text, unknown tags are dropped. */
const CLAUDE_CODE_SCHEMA = CORE_SCHEMA.extend({ implicit: [types.merge], explicit: untagged });

/** How many values a parsed YAML value holds with every alias expanded, counted once per distinct value (aliases share them). */
function expandedSize(value: unknown, sizes: Map<object, number>, depth = 0): number {
  if (value === null || typeof value !== 'object') return 1;
  const known = sizes.get(value);
  if (known !== undefined) return known;
  if (depth > 10_000) return 1;
  sizes.set(value, 1); // a value that contains itself counts once
  let size = 1;
  for (const item of Array.isArray(value) ? value : Object.values(value)) size += expandedSize(item, sizes, depth + 1);
  sizes.set(value, size);
  return size;
}

/**
 * Copies a parsed YAML value into plain data within a budget of values, counting every value as often as aliases
 * repeat it. Past the budget, past the depth limit or where a value contains itself, what is left out becomes
 * `null` and the reading says so: the fields before it stay readable.
 */
function toPlain(value: unknown, depth: number, budget: { nodes: number }, ancestors: Set<object>, cuts: Set<YamlCut['rule']>): FieldValue {
  if (budget.nodes <= 0) {
    cuts.add('limit-yaml-expansion');
    return null;
  }
  budget.nodes--;
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value !== 'object') return null;
  if (ancestors.has(value)) {
    cuts.add('yaml-alias-cycle');
    return null;
  }
  if (depth >= LIMITS.yamlDepth) {
    cuts.add('limit-yaml-depth');
    return null;
  }
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => toPlain(item, depth + 1, budget, ancestors, cuts));
    const plain: { [key: string]: FieldValue } = Object.create(null) as { [key: string]: FieldValue };
    for (const [key, item] of Object.entries(value)) plain[key] = toPlain(item, depth + 1, budget, ancestors, cuts);
    return plain;
  } finally {
    ancestors.delete(value);
  }
}

const CUT_MESSAGES: Readonly<Record<YamlCut['rule'], string>> = {
  'limit-yaml-expansion': `aliases expand to more than ${LIMITS.yamlNodes.toLocaleString('en')} values; the values past that are shown empty`,
  'limit-yaml-depth': `values nested more than ${LIMITS.yamlDepth} levels deep are shown empty`,
  'yaml-alias-cycle': 'an alias refers to a value that contains it; the repeat is shown empty',
};

/**
 * Reads YAML the way Claude Code does (Bun's parser: YAML 1.2 core schema, merge keys, a repeated key keeps its
 * last value) and returns the top-level fields, or why it could not. What had to be left out to stay bounded
 * (a large alias expansion, deep nesting, a value that contains itself) is listed in `cuts`.
 */
export function parseYamlStrict(yaml: string): { fields: Fields; cuts: YamlCut[] } | { failure: YamlFailure } {
  let parsed: unknown;
  try {
    // Bun reads nesting thousands of levels deep (2,000 measured); js-yaml stops at 100 unless told otherwise.
    parsed = load(yaml, { schema: CLAUDE_CODE_SCHEMA, json: true, maxDepth: 5_000 } as LoadOptions);
  } catch (error) {
    if (error instanceof RangeError)
      return { failure: { rule: 'limit-yaml-depth', yamlLine: 1, message: 'the YAML is nested too deeply to read' } };
    const e = error as YAMLException;
    // js-yaml counts lines from 0 within the YAML text.
    const message = (e.reason ?? e.message ?? String(error)).split('\n')[0]!;
    const rule = /nesting exceeded/.test(message) ? 'limit-yaml-depth' : 'yaml-invalid';
    return { failure: { rule, yamlLine: (e.mark?.line ?? 0) + 1, message } };
  }
  const fields: Fields = new Map();
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { fields, cuts: [] };
  if (expandedSize(parsed, new Map()) > CLAUDE_CODE_ALIAS_VALUES) {
    return {
      failure: {
        rule: 'limit-yaml-expansion',
        yamlLine: 1,
        message: `aliases expand to more than ${CLAUDE_CODE_ALIAS_VALUES.toLocaleString('en')} values`,
      },
    };
  }
  const budget = { nodes: LIMITS.yamlNodes };
  const cuts = new Set<YamlCut['rule']>();
  for (const [key, value] of Object.entries(parsed)) fields.set(key, toPlain(value, 1, budget, new Set([parsed]), cuts));
  return { fields, cuts: [...cuts].map((rule) => ({ rule, message: CUT_MESSAGES[rule] })) };
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
