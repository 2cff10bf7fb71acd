/** Model families a `model` value can belong to; `inherit` uses the parent conversation's model. */
export const MODEL_FAMILIES = ['haiku', 'sonnet', 'opus', 'fable', 'inherit'] as const;

/** A model family, or `unknown` when the value names none. */
export type ModelFamily = (typeof MODEL_FAMILIES)[number] | 'unknown';

/** How a `model` value is written. */
export type ModelForm = 'default' | 'alias' | 'id' | 'display-name' | 'unknown';

/** A normalised `model` field. The raw value is kept for display and for the checker. */
export interface ModelInfo {
  /** The value as written, or undefined when the field is absent. */
  raw?: string | undefined;
  form: ModelForm;
  family: ModelFamily;
  /** True when Claude Code accepts the value (aliases, full ids, or absent). */
  valid: boolean;
}

const FULL_ID = /^claude-(?:[\d.-]+-)?(haiku|sonnet|opus|fable)(?:-[\w.-]+)?$/;
const FAMILY_WORD = /\b(haiku|sonnet|opus|fable)\b/i;

/** Normalises a `model` value: alias, full model id, display name or unknown. */
export function normaliseModel(value: unknown): ModelInfo {
  if (value === undefined || value === null || value === '') {
    return { raw: undefined, form: 'default', family: 'inherit', valid: true };
  }
  const raw = String(value).trim();
  if ((MODEL_FAMILIES as readonly string[]).includes(raw)) {
    return { raw, form: 'alias', family: raw as ModelFamily, valid: true };
  }
  const id = FULL_ID.exec(raw);
  if (id) return { raw, form: 'id', family: id[1] as ModelFamily, valid: true };
  const word = FAMILY_WORD.exec(raw);
  if (word) return { raw, form: 'display-name', family: word[1]!.toLowerCase() as ModelFamily, valid: false };
  if (raw.toLowerCase() === 'inherit') return { raw, form: 'display-name', family: 'inherit', valid: false };
  return { raw, form: 'unknown', family: 'unknown', valid: false };
}
