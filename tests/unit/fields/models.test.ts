import { expect, test } from 'vitest';
import { normaliseModel } from '../../../src/lib/fields/models.ts';

test.each([
  [undefined, { form: 'default', family: 'inherit', valid: true }],
  ['sonnet', { form: 'alias', family: 'sonnet', valid: true }],
  ['inherit', { form: 'alias', family: 'inherit', valid: true }],
  ['fable', { form: 'alias', family: 'fable', valid: true }],
  ['claude-sonnet-4-5-20250929', { form: 'id', family: 'sonnet', valid: true }],
  ['claude-3-5-haiku-20241022', { form: 'id', family: 'haiku', valid: true }],
  ['claude-opus-4-1', { form: 'id', family: 'opus', valid: true }],
  ['Claude Sonnet 4.5', { form: 'display-name', family: 'sonnet', valid: false }],
  ['Opus', { form: 'display-name', family: 'opus', valid: false }],
  ['gpt-4', { form: 'unknown', family: 'unknown', valid: false }],
  [4, { raw: '4', form: 'unknown', valid: false }],
])('normaliseModel(%j)', (input, expected) => expect(normaliseModel(input)).toMatchObject(expected));
