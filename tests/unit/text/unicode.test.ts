import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { atomFeed, llmsTxt, markdownText } from '../../../src/lib/publish/feeds.ts';
import type { AgentRecord } from '../../../src/lib/publish/open-data.ts';
import { searchRecord } from '../../../src/lib/search/records.ts';
import { hasBidiControl, hiddenCharacters, imitatedName, nameSkeleton, visibleName, xmlSafe } from '../../../src/lib/text/unicode.ts';
import { analyseText } from '../../../src/lib/catalog/analyse.ts';

describe('characters nobody can see', () => {
  test.each([
    ['code-rev\u2060iewer', ['\\u2060']],
    ['code\u00ADreviewer', ['\\u00AD']],
    ['code\u3164reviewer', ['\\u3164']],
    ['admin\u202E\u2066', ['\\u202E', '\\u2066']],
    ['x\uD800y', ['\\uD800']],
    ['end\uDFFF', ['\\uDFFF']],
    ['a\u0000b\u001B\u0085', ['\\u0000', '\\u001B', '\\u0085']],
    ['tag\u{E0041}', ['\\u{E0041}']],
    ['plain text — café ✅ ⚠️ 👁️‍🗨 👨‍👩‍👧', []],
    ['line\ttab\nbreak', []],
  ])('hiddenCharacters(%j) is %j', (text, expected) => expect(hiddenCharacters(text)).toEqual(expected));

  test('bidirectional controls are told apart', () => {
    expect(hasBidiControl('a\u202Eb')).toBe(true);
    expect(hasBidiControl('a\u2060b')).toBe(false);
  });
});

describe('names that imitate others', () => {
  test.each([
    ['c\u043Ede-reviewer', 'code-reviewer', 'c\\u043Ede-reviewer'],
    ['\uFF43\uFF4F\uFF44\uFF45-reviewer', 'code-reviewer', '\\uFF43\\uFF4F\\uFF44\\uFF45-reviewer'],
    ['code-rev\u2060iewer', undefined, 'code-rev\\u2060iewer'],
    ['code\u00AD-reviewer', undefined, 'code\\u00AD-reviewer'],
    ['\u0421ode-reviewer', 'code-reviewer', '\\u0421ode-reviewer'],
    ['code-reviewer', undefined, 'code-reviewer'],
    ['Code-Reviewer', undefined, 'Code-Reviewer'],
    ['代码审查', undefined, '代码审查'],
    ['café-helper', undefined, 'café-helper'],
  ])('%j imitates %j and shows as %j', (name, imitated, shown) => {
    expect(imitatedName(name)).toBe(imitated);
    expect(visibleName(name)).toBe(shown);
  });

  test('names that read alike share a skeleton, whatever their case', () => {
    expect(
      new Set(['code-reviewer', 'Code-Reviewer', 'CODE-reviewer', 'c\u043Ede-reviewer', '\uFF43ode-reviewer'].map(nameSkeleton)),
    ).toEqual(new Set(['code-reviewer']));
  });

  const file = (name: string, extra = '') => `---\nname: "${name}"\ndescription: Use when testing a name.${extra}\n---\nBody.\n`;
  const rulesOf = (text: string) => {
    const o = analyseText('t', 'x/a.md', { text, bytes: text.length, validUtf8: true }, Buffer.from(text));
    return (o.kind === 'agent' ? o.agent.findings : o.skipped.findings).map((f) => [f.rule, f.message] as const);
  };

  test.each([
    ['c\\u043Ede-reviewer', 'name-lookalike', 'name "c\\u043Ede-reviewer" reads as "code-reviewer"'],
    ['code-rev\\u2060iewer', 'text-hidden-characters', '\\u2060'],
    ['admin\\u202E', 'text-hidden-characters', 'Trojan Source'],
  ])('a name such as %s gets a finding that shows what it holds', (name, rule, message) => {
    expect(rulesOf(file(name))).toContainEqual([rule, expect.stringContaining(message)]);
  });

  test('bidirectional controls in the prompt are found, with their line', () => {
    const text = '---\nname: ok\ndescription: Use when testing.\n---\nLine one.\nif (isAdmin) {\u202E } // check later\n';
    const o = analyseText('t', 'x/a.md', { text, bytes: text.length, validUtf8: true }, Buffer.from(text));
    expect(o.kind === 'agent' && o.agent.findings.map((f) => [f.rule, f.line])).toEqual([['text-hidden-characters', 6]]);
  });
});

const record = (name: string, description: string): AgentRecord =>
  ({
    name,
    slug: 'x',
    description,
    summary: description,
    category: { id: 'c', label: 'Cat' },
    url: 'https://site.test/agents/x/',
    rawUrl: 'https://site.test/agents/x.md',
  }) as AgentRecord;

describe('text the site writes from untrusted files', () => {
  test('a name cannot make llms.txt link elsewhere, and a description keeps no live link', () => {
    const text = llmsTxt(
      [record('helper](https://evil.example/payload.md) trusted - [real', 'See - [admin](https://evil.example/x.md) now')],
      { full: true },
    );
    const line = text.split('\n').find((l) => l.startsWith('- '))!;
    // The only link destination on the line is the agent's own raw file.
    expect([...line.matchAll(/(?<!\\)\]\((?<url>[^)]*)\)/g)].map((m) => m.groups!['url'])).toEqual(['https://site.test/agents/x.md']);
    expect(line).not.toMatch(/(?<!\\)\[admin/);
  });

  test.each([['\u0000'], ['\u0001'], ['\u0008'], ['\u000B'], ['\u000C'], ['\u001B'], ['\uFFFE'], ['\uFFFF'], ['\uD800']])(
    'the feed stays well-formed XML with %j in a name and description',
    (char) => {
      const feed = atomFeed([{ record: record(`bad${char}name`, `desc${char}`), updated: '2026-01-01T00:00:00Z' }], {
        siteUrl: 'https://site.test/',
        feedUrl: 'https://site.test/feed.xml',
        undatedSources: [],
      });
      expect(XMLValidator.validate(feed)).toBe(true);
      expect(xmlSafe(feed)).toBe(feed);
    },
  );

  test('llms.txt holds no control character or line separator from a file', () => {
    const text = llmsTxt([record('a\u0000b\u2028c\u0085d\u001B', 'e\u2029f\u0007')], { full: true });
    expect(hiddenCharacters(text)).toEqual([]);
  });

  test('a lone surrogate never reaches the search index', () => {
    const file = '---\nname: "agent\\uDFFF"\ndescription: "broken \\uD800 escape"\ntags: ["x\\uD83D"]\n---\nBody.\n';
    const o = analyseText('t', 'x/a.md', { text: file, bytes: file.length, validUtf8: true }, Buffer.from(file));
    if (o.kind !== 'agent') throw new Error('no agent');
    const { html } = searchRecord({
      agent: { ...o.agent, slug: 'a', twins: { count: 0, preview: [], groupSlug: 'a' } },
      url: '/a/',
      categoryLabel: 'c',
      sourceLabel: 's',
    });
    expect(html.isWellFormed()).toBe(true);
    expect(o.agent.findings.map((f) => f.rule)).toContain('text-hidden-characters');
  });

  test.each([
    ['[x](y)', '\\[x\\]\\(y\\)'],
    ['*a* _b_ `c` <d>', '\\*a\\* \\_b\\_ \\`c\\` \\<d\\>'],
    ['a\n\nb', 'a b'],
  ])('markdownText(%j)', (text, expected) => expect(markdownText(text)).toBe(expected));
});
