import { describe, expect, test } from 'vitest';
import { cleanDescription, summarise } from '../../../src/lib/fields/description.ts';
import { slugify, assignUniqueSlugs } from '../../../src/lib/catalog/slugs.ts';
import { categoryIdFromFolder, labelFromFolder, orderFromFolder } from '../../../src/lib/catalog/categories.ts';
import { escapeForPre, escapeHtml, isSafeUrl, renderPrompt, renderUntrustedMarkdown } from '../../../src/lib/text/markdown.ts';

describe('cleanDescription', () => {
  test.each([
    ['Plain text.', { text: 'Plain text.', examples: [] }],
    [
      'Use it.\\nExamples:\\n<example>Context: x <commentary>y</commentary></example>',
      { text: 'Use it. Examples:', examples: ['Context: x y'] },
    ],
    ['Two <example>a</example> and <example>b</example>', { text: 'Two and', examples: ['a', 'b'] }],
    ['Unclosed <example>tail', { text: 'Unclosed', examples: ['tail'] }],
    [undefined, { text: '', examples: [] }],
  ])('cleanDescription(%j)', (input, expected) => expect(cleanDescription(input)).toEqual(expected));
});

test.each([
  ['Short. More.', 'Short.'],
  ['No full stop', 'No full stop'],
  [`${'word '.repeat(60)}end.`, expect.stringMatching(/^word( word)+…$/)],
])('summarise(%j)', (text, expected) => expect(summarise(text, 100)).toEqual(expected));

test.each([
  ['Backend Developer', 'backend-developer'],
  ['CSharpExpert', 'csharpexpert'],
  ['café-agent', 'cafe-agent'],
  ['<img src=x>', 'img-src-x'],
  ['!!!', 'agent'],
  ['Café Tools', 'cafe-tools'],
  ['Ünïcödé Ågent', 'unicode-agent'],
  ['日本語のエージェント', 'agent'],
  ['ﬁle-ﬂow', 'file-flow'],
  ['x'.repeat(80), 'x'.repeat(80)],
  ['CON', 'con-agent'],
  ['Lpt1', 'lpt1-agent'],
  ['nul', 'nul-agent'],
  ['conference', 'conference'],
])('slugify(%j)', (input, slug) => expect(slugify(input)).toBe(slug));

test('slugify cuts long text and keeps it unique with a hash, so no path segment passes 255 bytes', () => {
  const a = slugify(`${'long-name-'.repeat(40)}a`);
  const b = slugify(`${'long-name-'.repeat(40)}b`);
  expect(a.length).toBeLessThanOrEqual(90);
  expect(a).not.toBe(b);
  expect(a.startsWith('long-name-long-name')).toBe(true);
});

describe('assignUniqueSlugs', () => {
  test('keeps the bare name for the first and qualifies twins', () => {
    expect(
      assignUniqueSlugs([
        { base: 'reviewer', qualifier: 'a-x' },
        { base: 'reviewer', qualifier: 'b-y' },
        { base: 'other', qualifier: 'a' },
      ]),
    ).toEqual(['reviewer', 'reviewer--b-y', 'other']);
  });
  test('numbers twins whose qualifiers also repeat', () => {
    expect(
      assignUniqueSlugs([
        { base: 'x', qualifier: 'q' },
        { base: 'x', qualifier: 'q' },
        { base: 'x', qualifier: 'q' },
      ]),
    ).toEqual(['x', 'x--q', 'x--q-2']);
  });
  test('does not hand out a qualified slug that another agent owns as its name', () => {
    const slugs = assignUniqueSlugs([
      { base: 'x', qualifier: 'q' },
      { base: 'x', qualifier: 'q' },
      { base: 'x--q', qualifier: 'z' },
    ]);
    expect(new Set(slugs).size).toBe(3);
  });
});

test.each([
  ['01-core-development', 'core-development', 'Core Development', 1],
  ['data-ai', 'data-ai', 'Data & AI', undefined],
  ['05-data-ai', 'data-ai', 'Data & AI', 5],
  ['quality-security', 'quality-security', 'Quality & Security', undefined],
  ['api-graphql', 'api-graphql', 'API & GraphQL', undefined],
  ['tdd-workflows', 'tdd-workflows', 'TDD Workflows', undefined],
  ['ios-development', 'ios-development', 'iOS Development', undefined],
  ['developer-experience', 'developer-experience', 'Developer Experience', undefined],
  ['infrastructure-devops', 'infrastructure-devops', 'Infrastructure & DevOps', undefined],
  ['Café Tools', 'cafe-tools', 'Café Tools', undefined],
  ['constructor', 'constructor', 'Constructor', undefined],
  ['social_media', 'social-media', 'Social Media', undefined],
  ['10-research-and-analysis', 'research-and-analysis', 'Research and Analysis', 10],
  ['cicd-automation', 'cicd-automation', 'CI/CD Automation', undefined],
  ['git-pr-workflows', 'git-pr-workflows', 'Git PR Workflows', undefined],
  ['specialized/python', 'specialized-python', 'Specialized / Python', undefined],
])('category folder %j', (folder, id, label, order) => {
  expect(categoryIdFromFolder(folder)).toBe(id);
  expect(labelFromFolder(folder)).toBe(label);
  expect(orderFromFolder(folder)).toBe(order);
});

describe('html', () => {
  test.each([
    ['<a href="x">&\'', '&lt;a href=&quot;x&quot;&gt;&amp;&#39;'],
    ['plain', 'plain'],
  ])('escapeHtml(%j)', (input, output) => expect(escapeHtml(input)).toBe(output));

  test('escapeForPre keeps CR as a character reference', () => expect(escapeForPre('a\r\n<b>')).toBe('a&#13;\n&lt;b&gt;'));

  test.each([
    ['https://example.com', true],
    ['/relative', true],
    ['page.md', true],
    ['#anchor', true],
    ['javascript:alert(1)', false],
    [' JavaScript:alert(1)', false],
    ['java\tscript:alert(1)', false],
    ['data:text/html,x', false],
    ['vbscript:x', false],
  ])('isSafeUrl(%j) is %s', (url, safe) => expect(isSafeUrl(url)).toBe(safe));

  test.each([
    ['<script>alert(1)</script>', '&lt;script&gt;'],
    ['<img src=x onerror="alert(1)">', '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'],
    ['text <b onclick="x">b</b>', '&lt;b onclick=&quot;x&quot;&gt;'],
    ['<example>pseudo</example>', '&lt;example&gt;'],
    ['[x](javascript:alert(1))', '<p>x</p>'],
    ['![alt](https://img.example/x.png)', '<a href="https://img.example/x.png" rel="nofollow noopener">alt</a>'],
    ['# Title', '<h2>Title</h2>'],
    ['- [ ] check it', '<span role="img" aria-label="to do">☐</span>'],
  ])('renderUntrustedMarkdown(%j) contains %j', (markdown, fragment) => {
    const html = renderUntrustedMarkdown(markdown);
    expect(html).toContain(fragment);
    expect(html).not.toMatch(/<(script|img|iframe|b |example)/);
  });
});

describe('renderPrompt', () => {
  test('renders Markdown within the limits', () => expect(renderPrompt('# Hi\n\ntext')).toEqual({ html: '<h2>Hi</h2>\n<p>text</p>\n' }));
  test.each([
    ['a blockquote nested 10,000 deep', `${'>'.repeat(10_000)} deep`, 'limit-prompt-nesting'],
    ['a list nested 100 deep', Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n'), 'limit-prompt-nesting'],
    ['a 10 MB paragraph', 'word '.repeat(2_000_000), 'limit-prompt-size'],
  ])('shows %s as escaped plain text', (_label, body, rule) => {
    const rendered = renderPrompt(`<script>x</script>\n${body}`);
    expect(rendered.plainText?.rule).toBe(rule);
    expect(rendered.html.startsWith('<pre class="prompt-plain">&lt;script&gt;x&lt;/script&gt;\n')).toBe(true);
    expect(rendered.html.length).toBeLessThan(300_000);
  });
});
