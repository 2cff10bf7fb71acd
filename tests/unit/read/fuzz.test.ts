/**
 * Property-based tests: generated frontmatter, prompts and file names must never make the pipeline
 * throw, must be handled in time proportional to their size, must all be accounted for, and must render
 * to inert HTML. The case counts are fixed so every run does the same amount of work.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyseText } from '../../../src/lib/catalog/analyse.ts';
import { sourceFromDir } from '../../../src/build/config-file.ts';
import { decodeText } from '../../../src/lib/read/text.ts';
import { renderPrompt } from '../../../src/lib/text/markdown.ts';
import { scanSources } from '../../../src/build/scan.ts';
import { FUZZ_RUNS, inertHtmlProblems } from '../../support/inert-html.ts';
import { XMLValidator } from 'fast-xml-parser';
import { atomFeed, llmsTxt } from '../../../src/lib/publish/feeds.ts';
import type { AgentRecord } from '../../../src/lib/publish/open-data.ts';
import { searchRecord } from '../../../src/lib/search/records.ts';
import { hiddenCharacters, visibleName } from '../../../src/lib/text/unicode.ts';

// Let generated arrays and strings reach their maximum lengths instead of staying small.
fc.configureGlobal({ baseSize: 'xlarge' });

/** Generous, but proportional to size: a super-linear step would blow it on the larger cases. */
const timeBound = (chars: number) => 400 + chars / 200;

const key = fc.oneof(
  fc.constantFrom(
    'name',
    'description',
    'tools',
    'model',
    'skills',
    'tags',
    'category',
    'permissionMode',
    'color',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
  ),
  fc.string({ minLength: 1, maxLength: 12 }),
);
const scalar = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.constantFrom(
    '*bold*',
    '&anchor x',
    '*anchor',
    'Use when: it breaks',
    '"quoted',
    "it's",
    '---',
    '- item',
    '[a, b',
    '{a: b}',
    '|',
    '>',
    '.inf',
    '.nan',
    '~',
    'null',
    '2026-01-01',
  ),
  // What strangers put in names and descriptions: lone surrogates, control characters, bidirectional and invisible
  // characters, look-alike letters, and text written to become Markdown links.
  fc.constantFrom(
    '"\\uD800"',
    '"x\\uDFFF"',
    '"\\uD83D tail"',
    '"\\x00\\x01\\x08\\x0b\\x0c\\x1b"',
    '"\\uFFFE\\uFFFF"',
    '"a\\u2028b\\u2029c\\x85"',
    '"admin\\u202E\\u2066"',
    '"code-rev\\u2060iewer"',
    '"code\\u00ADreviewer"',
    '"code\\u3164reviewer"',
    'c\u043Ede-reviewer',
    '\uFF43\uFF4F\uFF44\uFF45',
    '"x](https://evil.example/) - [y"',
    '"<b>x</b>"',
  ),
  fc.integer().map(String),
);
const value: fc.Arbitrary<string> = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 6 }).map((items) => `[${items.join(', ')}]`),
  fc.array(scalar, { maxLength: 6 }).map((items) => `\n${items.map((i) => `  - ${i}`).join('\n')}`),
  fc.array(scalar, { maxLength: 4 }).map((items) => `|\n${items.map((i) => `  ${i}`).join('\n')}`),
  fc.constantFrom('&a [*a]', '&x {k: *x}', '*undefined_alias', '!!binary aGVsbG8=', '!!js/function "x"'),
);
const frontmatterLine = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(key, value).map(([k, v]) => `${k}: ${v}`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('  ---', '---', '# comment', '') },
);
const markdown = fc.oneof(
  fc.string({ maxLength: 300, unit: 'binary' }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(
          '# Heading',
          '> quote',
          '>>>> deep',
          '- item',
          '  - nested',
          '1. one',
          '```',
          '~~~',
          '| a | b |',
          '|---|---|',
          '<script>alert(1)</script>',
          '<img src=x onerror=alert(1)>',
          '[x](javascript:alert(1))',
          '![i](data:text/html,x)',
          '<a href="javascript:x">y</a>',
          '[ref]: javascript:alert(1)',
          '*emph* **strong** `code`',
          '<example>e</example>',
          '&lt;&amp;',
          '\\',
        ),
        fc.string({ maxLength: 60 }),
      ),
      { maxLength: 40 },
    )
    .map((lines) => lines.join('\n')),
);
const agentFile = fc
  .tuple(
    fc.constantFrom('', '\uFEFF', '\n', '  '),
    fc.array(frontmatterLine, { maxLength: 25 }),
    fc.constantFrom('---', '  ---', '--- x', ''),
    markdown,
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([lead, lines, close, body, eol]) => `${lead}---${eol}${lines.join(eol)}${eol}${close}${eol}${body}`);

/** An agent's search record, feed entry and llms.txt line, as the build writes them. */
function published(agent: Extract<ReturnType<typeof analyseText>, { kind: 'agent' }>['agent']) {
  const full = { ...agent, slug: 'a', twins: { count: 0, preview: [], groupSlug: 'a' } };
  const record = {
    name: agent.name,
    slug: 'a',
    description: agent.description,
    summary: agent.summary,
    category: { id: 'c', label: agent.categoryId },
    url: 'https://site.test/agents/a/',
    rawUrl: 'https://site.test/agents/a.md',
  } as AgentRecord;
  return {
    search: searchRecord({ agent: full, url: '/agents/a/', categoryLabel: agent.categoryId, sourceLabel: 's' }).html,
    feed: atomFeed([{ record, updated: '2026-01-01T00:00:00Z' }], {
      siteUrl: 'https://site.test/',
      feedUrl: 'https://site.test/feed.xml',
      undatedSources: [],
    }),
    llms: llmsTxt([record], { full: true }),
  };
}

describe('fuzz: analysing a file', () => {
  test(`what the site writes from any file is well-formed: the search record, the feed, llms.txt (${FUZZ_RUNS.files} cases)`, () => {
    fc.assert(
      fc.property(agentFile, (text) => {
        const bytes = Buffer.from(text);
        const outcome = analyseText('fuzz', 'x/a.md', decodeText(bytes), bytes);
        if (outcome.kind !== 'agent') return;
        const { search, feed, llms } = published(outcome.agent);
        expect(search.isWellFormed()).toBe(true);
        expect(XMLValidator.validate(feed)).toBe(true);
        const lines = llms.split('\n').filter((l) => l.startsWith('- '));
        expect(lines).toHaveLength(1);
        expect([...lines[0]!.matchAll(/(?<!\\)\]\(([^)]*)\)/g)].map((m) => m[1])).toEqual(['https://site.test/agents/a.md']);
        expect(hiddenCharacters(llms)).toEqual([]);
        expect(hiddenCharacters(visibleName(outcome.agent.name))).toEqual([]);
      }),
      { numRuns: FUZZ_RUNS.files, seed: 13 },
    );
  });

  test(`never throws, finishes in time proportional to its size, and always yields an agent or a skipped file (${FUZZ_RUNS.files} cases)`, () => {
    fc.assert(
      fc.property(agentFile, (text) => {
        const bytes = Buffer.from(text);
        const started = performance.now();
        const outcome = analyseText('fuzz', 'x/a.md', decodeText(bytes), bytes);
        expect(performance.now() - started).toBeLessThan(timeBound(text.length));
        if (outcome.kind === 'skipped') expect(outcome.skipped.findings.length).toBeGreaterThan(0);
        else expect(outcome.agent.name.length).toBeGreaterThan(0);
        for (const f of outcome.kind === 'agent' ? outcome.agent.findings : outcome.skipped.findings)
          expect(f.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: FUZZ_RUNS.files, seed: 9 },
    );
  });

  test(`arbitrary bytes, valid UTF-8 or not, never throw (${FUZZ_RUNS.bytes} cases)`, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (raw) => {
        const bytes = Buffer.concat([Buffer.from('---\nname: n\ndescription: d\n---\n'), Buffer.from(raw)]);
        const outcome = analyseText('fuzz', 'a.md', decodeText(bytes), bytes);
        expect(outcome.kind).toBe('agent');
      }),
      { numRuns: FUZZ_RUNS.bytes, seed: 11 },
    );
  });
});

describe('fuzz: rendering a prompt', () => {
  test(`never throws and always produces inert HTML (${FUZZ_RUNS.prompts} cases)`, () => {
    fc.assert(
      fc.property(markdown, (body) => {
        const started = performance.now();
        const { html } = renderPrompt(body);
        expect(performance.now() - started).toBeLessThan(timeBound(body.length));
        expect(inertHtmlProblems(html)).toEqual([]);
      }),
      { numRuns: FUZZ_RUNS.prompts, seed: 13 },
    );
  });
});

describe('fuzz: large inputs', () => {
  test(`a generated prompt repeated up to 3,000 times renders in time proportional to its size, inertly (${FUZZ_RUNS.large} cases)`, () => {
    fc.assert(
      fc.property(markdown, fc.integer({ min: 1, max: 3000 }), (body, times) => {
        const big = `${body}\n`.repeat(times);
        const started = performance.now();
        const { html } = renderPrompt(big);
        expect(performance.now() - started).toBeLessThan(timeBound(big.length));
        expect(inertHtmlProblems(html.slice(0, 200_000))).toEqual([]);
      }),
      { numRuns: FUZZ_RUNS.large, seed: 19 },
    );
  });
});

describe('fuzz: scanning a folder', () => {
  const fileName = fc
    .string({ minLength: 1, maxLength: 40 })
    .map((s) => s.replace(/[/\0]/g, '_'))
    .filter((s) => s !== '.' && s !== '..' && s.toLowerCase() !== 'sub' && Buffer.byteLength(s) < 200);
  test(`accounts for every file, whatever it is called and holds (${FUZZ_RUNS.folders} folders)`, () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fileName, fc.boolean(), agentFile), { maxLength: 12, selector: ([name]) => name.toLowerCase() }),
        (entries) => {
          const dir = mkdtempSync(path.join(os.tmpdir(), 'fuzz-'));
          try {
            mkdirSync(path.join(dir, 'sub'));
            for (const [name, nested, text] of entries) writeFileSync(path.join(dir, nested ? 'sub' : '', name), text);
            const scan = scanSources([sourceFromDir(dir, process.cwd())]);
            const summary = scan.summaries[0]!;
            const accounted = summary.pages + summary.skipped + summary.ignored.length;
            expect(accounted).toBe(entries.length);
            expect(new Set(scan.agents.map((a) => a.slug)).size).toBe(scan.agents.length);
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: FUZZ_RUNS.folders, seed: 17 },
    );
  });
});
