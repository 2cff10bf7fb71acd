import { z } from 'zod';
import { finding, type Finding, type FindingPlace } from '../check/findings.ts';
import { CATALOGUE_FIELDS, STANDARD_FIELDS } from './format.ts';
import { LIMITS } from '../read/limits.ts';
import { normaliseModel, type ModelInfo } from './models.ts';
import { normaliseTools, withImpliedMemoryTools, type ToolRef, type ToolSet } from './tools.ts';
import type { FieldValue, Fields } from '../read/yaml.ts';

/** A frontmatter field the page lists as it is (anything but name, description, tools, model, skills and tags). */
export const extraFieldSchema = z.object({
  /** The key as written. */
  key: z.string(),
  /** The value as readable text: strings as they are, other values as JSON. */
  value: z.string(),
  /** True for documented Claude Code fields and the catalogue's own `tags`. */
  standard: z.boolean(),
});

/** An extra field. */
export type ExtraField = z.infer<typeof extraFieldSchema>;

/** The frontmatter of one file, read into the catalogue's types. */
export interface NormalisedFields {
  name: string | undefined;
  description: string | undefined;
  tools: ToolSet;
  /** The `disallowedTools` entries, split as Claude Code splits them; empty when there are none. */
  disallowedTools: ToolRef[];
  model: ModelInfo;
  skills: string[];
  tags: string[];
  /** The `category:` field, when it names one. */
  category: string | undefined;
  otherFields: ExtraField[];
  /** Every top-level key, for the checks, in file order. */
  keys: string[];
}

const SHOWN_ELSEWHERE = new Set(['name', 'description', 'tools', 'model', 'skills', 'tags']);
const SHOWN_VALUE_CHARS = 2000;

/** A field value as text; lists and mappings as JSON (values are plain data, so this cannot throw). */
export function textOf(value: FieldValue | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * Normalises the fields of one file and reports every limit it hits. `lineOf` gives the line of a
 * top-level key, so each finding points at its field.
 */
export function normaliseFields(
  fields: Fields,
  place: FindingPlace,
  lineOf: (key: string) => number,
): { fields: NormalisedFields; findings: Finding[] } {
  const findings: Finding[] = [];
  const cut = (key: string, value: string | undefined, max: number): string | undefined => {
    const trimmed = value?.trim();
    if (!trimmed) return undefined;
    if (trimmed.length <= max) return trimmed;
    findings.push(
      finding('limit-field-length', place, lineOf(key), `${key} is ${trimmed.length} characters; only the first ${max} are used.`),
    );
    return `${trimmed.slice(0, max)}…`;
  };
  const list = (key: string, max: number): string[] => {
    const value = fields.get(key);
    if (value === undefined || value === null) return [];
    const items = Array.isArray(value) ? value : (textOf(value) ?? '').split(',');
    const seen = new Set<string>();
    let cutItems = 0;
    for (const item of items) {
      const text = textOf(item)?.trim();
      if (!text) continue;
      if (seen.size >= max) {
        cutItems++;
        continue;
      }
      seen.add(text.length > LIMITS.fieldChars ? `${text.slice(0, LIMITS.fieldChars)}…` : text);
    }
    if (cutItems > 0)
      findings.push(finding('limit-list-length', place, lineOf(key), `${key} has more than ${max} entries; ${cutItems} were dropped.`));
    return [...seen];
  };

  const tools = withImpliedMemoryTools(normaliseTools(fields.get('tools')), fields.get('memory'));
  const disallowed = normaliseTools(fields.get('disallowedTools') ?? null);
  if (tools.dropped > 0)
    findings.push(
      finding('limit-list-length', place, lineOf('tools'), `tools has more than ${LIMITS.tools} entries; ${tools.dropped} were dropped.`),
    );
  const keys = [...fields.keys()];
  const otherFields: ExtraField[] = [];
  for (const key of keys) {
    if (SHOWN_ELSEWHERE.has(key)) continue;
    if (otherFields.length >= LIMITS.frontmatterKeys) {
      findings.push(
        finding(
          'limit-frontmatter-keys',
          place,
          lineOf(key),
          `The frontmatter has ${keys.length} fields; only the first ${LIMITS.frontmatterKeys} are shown.`,
        ),
      );
      break;
    }
    const text = textOf(fields.get(key)) ?? '';
    otherFields.push({
      key: key.length > LIMITS.fieldChars ? `${key.slice(0, LIMITS.fieldChars)}…` : key,
      value: text.length > SHOWN_VALUE_CHARS ? `${text.slice(0, SHOWN_VALUE_CHARS)}…` : text,
      standard: STANDARD_FIELDS.has(key) || CATALOGUE_FIELDS.has(key),
    });
  }
  // Name and description as Claude Code registers them: not trimmed, `\n` written out in a description read as a
  // line break. Values that are not text are shown as text; claude-code.ts says why Claude Code skips them.
  const asWritten = (key: string, max: number): string | undefined => {
    const text = textOf(fields.get(key));
    if (text === undefined || text === '') return undefined;
    const value = key === 'description' ? text.replaceAll('\\n', '\n') : text;
    if (value.length <= max) return value;
    findings.push(
      finding('limit-field-length', place, lineOf(key), `${key} is ${value.length} characters; only the first ${max} are shown.`),
    );
    return `${value.slice(0, max)}…`;
  };
  return {
    fields: {
      name: asWritten('name', LIMITS.fieldChars),
      description: asWritten('description', LIMITS.descriptionChars),
      tools,
      disallowedTools: disallowed.inheritsAll ? [] : disallowed.tools,
      model: normaliseModel(fields.get('model')),
      skills: list('skills', LIMITS.tags),
      tags: list('tags', LIMITS.tags).map((tag) => tag.toLowerCase()),
      category: cut('category', textOf(fields.get('category')), LIMITS.fieldChars),
      otherFields,
      keys,
    },
    findings,
  };
}
