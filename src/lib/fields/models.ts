import { z } from 'zod';
import { LIMITS } from '../read/limits.ts';

/** Model families a `model` value can belong to; `inherit` uses the parent conversation's model. */
export const MODEL_FAMILIES = ['haiku', 'sonnet', 'opus', 'fable', 'inherit'] as const;

/** A normalised `model` field. The raw value is kept for display and for the checker. */
export const modelSchema = z.object({
  /** The value as written, or absent when the field is absent. */
  raw: z.string().optional(),
  /** How the value is written: absent (`default`), an alias, a full id, a display name, or unknown. */
  form: z.enum(['default', 'alias', 'id', 'display-name', 'unknown']),
  /** The model family, or `unknown` when the value names none. */
  family: z.enum([...MODEL_FAMILIES, 'unknown']),
  /** True when Claude Code accepts the value (aliases, full ids, or absent). */
  valid: z.boolean(),
});

/** A normalised model. */
export type ModelInfo = z.infer<typeof modelSchema>;

/** A model family. */
export type ModelFamily = ModelInfo['family'];

/** Labels of model families, in display order (cheapest first). */
export const MODEL_LABELS: Readonly<Record<ModelFamily, string>> = {
  haiku: 'Haiku',
  sonnet: 'Sonnet',
  opus: 'Opus',
  fable: 'Fable',
  inherit: 'Inherit',
  unknown: 'Unknown model',
};

const FULL_ID = /^claude-(?:[\d.-]+-)?(haiku|sonnet|opus|fable)(?:-[\w.-]+)?$/;
const FAMILY_WORD = /\b(haiku|sonnet|opus|fable)\b/i;

/** Normalises a `model` value (text, or anything else the YAML held): alias, full model id, display name or unknown. */
export function normaliseModel(value: unknown): ModelInfo {
  if (value === undefined || value === null || value === '') return { form: 'default', family: 'inherit', valid: true };
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  const raw = text.trim().slice(0, LIMITS.fieldChars);
  if ((MODEL_FAMILIES as readonly string[]).includes(raw)) return { raw, form: 'alias', family: raw as ModelFamily, valid: true };
  const id = FULL_ID.exec(raw);
  if (id) return { raw, form: 'id', family: id[1] as ModelFamily, valid: true };
  const word = FAMILY_WORD.exec(raw);
  if (word) return { raw, form: 'display-name', family: word[1]!.toLowerCase() as ModelFamily, valid: false };
  if (raw.toLowerCase() === 'inherit') return { raw, form: 'display-name', family: 'inherit', valid: false };
  return { raw, form: 'unknown', family: 'unknown', valid: false };
}
