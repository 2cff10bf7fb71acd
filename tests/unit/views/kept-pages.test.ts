import { expect, test } from 'vitest';
import { parseAgentPagesRecord, planAgentPages, type AgentPagesRecord } from '../../../src/lib/views/kept-pages.ts';

const pages = [
  { slug: 'alpha', key: 'k-alpha' },
  { slug: 'beta', key: 'k-beta' },
];
const previous: AgentPagesRecord = { version: 1, codeDigest: 'code', keys: { alpha: 'k-alpha', beta: 'k-beta' }, kept: [] };
const everyPage = () => true;

test.each<[string, AgentPagesRecord | undefined, string, (slug: string) => boolean, string[]]>([
  ['no previous build', undefined, 'code', everyPage, ['alpha', 'beta']],
  ['the same code, keys and files', previous, 'code', everyPage, []],
  ['other code', previous, 'new code', everyPage, ['alpha', 'beta']],
  ['one key changed', { ...previous, keys: { alpha: 'k-alpha', beta: 'old' } }, 'code', everyPage, ['beta']],
  ['one agent new', { ...previous, keys: { alpha: 'k-alpha' } }, 'code', everyPage, ['beta']],
  ['one page file gone', previous, 'code', (slug) => slug !== 'alpha', ['alpha']],
])('planAgentPages with %s renders %j', (_, before, digest, exists, rendered) => {
  const { render, record } = planAgentPages(pages, before, digest, exists);
  expect([...render]).toEqual(rendered);
  expect(record).toEqual({
    version: 1,
    codeDigest: digest,
    keys: { alpha: 'k-alpha', beta: 'k-beta' },
    kept: pages.map((page) => page.slug).filter((slug) => !rendered.includes(slug)),
  });
});

test.each<[string, string | undefined, AgentPagesRecord | undefined]>([
  ['a record', JSON.stringify(previous), previous],
  ['no file', undefined, undefined],
  ['half a file', JSON.stringify(previous).slice(0, 20), undefined],
  ['another version', JSON.stringify({ ...previous, version: 2 }), undefined],
  ['a key that is not text', JSON.stringify({ ...previous, keys: { alpha: 1 } }), undefined],
  ['no list of kept pages', JSON.stringify({ version: 1, codeDigest: 'code', keys: {} }), undefined],
])('parseAgentPagesRecord reads %s', (_, text, expected) => {
  expect(parseAgentPagesRecord(text)).toEqual(expected);
});
