import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { sourceFromDir } from '../../../src/build/config-file.ts';
import { readFileCapped, type FileSystem } from '../../../src/build/files.ts';
import { INPUT_RULES } from '../../../src/lib/check/input-rules.ts';
import { LIMIT_TABLE, LIMITS } from '../../../src/lib/read/limits.ts';
import type { RuleId } from '../../../src/lib/check/rules.ts';
import { scanSources } from '../../../src/build/scan.ts';
import { allFindings, type ScanResult } from '../../../src/lib/catalog/assemble.ts';
import { classifyTool } from '../../../src/lib/fields/tools.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A temporary source folder holding these files (path → text), plus a normal neighbour that must survive. */
function folder(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-'));
  folders.push(dir);
  for (const [rel, text] of Object.entries({ 'core/neighbour.md': agent('neighbour'), ...files })) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

function agent(name: string, ...lines: string[]): string {
  return `---\nname: ${name}\ndescription: Use when testing hostile input.\n${lines.map((l) => `${l}\n`).join('')}---\nBody.\n`;
}

/** Scans a folder and measures it; every test also checks the neighbour survived and every file is accounted for. */
function scan(dir: string, options: { fs?: FileSystem; external?: boolean } = {}): ScanResult & { seconds: number } {
  const started = performance.now();
  const result = scanSources(
    [{ ...sourceFromDir(dir, root), followExternalLinks: options.external ?? false }],
    options.fs ? { fs: options.fs } : {},
  );
  const seconds = (performance.now() - started) / 1000;
  expect(
    result.agents.some((a) => a.name === 'neighbour'),
    'the neighbouring file is never lost',
  ).toBe(true);
  return { ...result, seconds };
}

const rulesOf = (result: ScanResult, file: string): RuleId[] =>
  allFindings(result)
    .filter((f) => f.file === file)
    .map((f) => f.rule);

/** Rules exercised below; the last test checks every input rule has a case. */
const exercised = new Set<RuleId>();
function expectRule(result: ScanResult, file: string, rule: RuleId) {
  exercised.add(rule);
  expect(rulesOf(result, file)).toContain(rule);
}

/** Tenfold aliases nested `levels` deep: 10^levels values once expanded. */
const laughs = (levels: number) =>
  `l0: &l0 [a,a,a,a,a,a,a,a,a,a]\n${Array.from({ length: levels - 1 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(',')}]`).join('\n')}`;

describe('YAML anchors and aliases', () => {
  test.each([
    ['a cyclic alias', 'x: &a [*a]', 'yaml-alias-cycle'],
    ['a cyclic alias inside tools', 'tools: &t [Read, *t]', 'yaml-alias-cycle'],
    ['aliases that expand to 100,000 values', laughs(5), 'limit-yaml-expansion'],
  ] as const)('%s is a warning: Claude Code loads the file, and the page shows it without the repeats', (_label, yaml, rule) => {
    const result = scan(folder({ 'core/anchors.md': agent('anchors', yaml) }));
    expectRule(result, 'core/anchors.md', rule);
    expect(result.agents.find((a) => a.name === 'anchors')?.verdict).toBe('warnings');
    expect(result.seconds).toBeLessThan(5);
  });

  test('an exponential expansion ("billion laughs") makes Claude Code skip the file, and is read in bounded time', () => {
    const result = scan(folder({ 'core/anchors.md': agent('anchors', laughs(10)) }));
    expectRule(result, 'core/anchors.md', 'yaml-unreadable');
    expect(result.agents.find((a) => a.name === 'anchors')?.verdict).toBe('skipped');
    expect(result.seconds).toBeLessThan(5);
  });

  test('nesting past the limit is a finding', () => {
    const result = scan(folder({ 'core/deep.md': agent('deep', `x: ${'['.repeat(200)}${']'.repeat(200)}`) }));
    expectRule(result, 'core/deep.md', 'limit-yaml-depth');
  });
});

describe('values of the wrong kind', () => {
  test.each([
    ['a map with a toString key as model', 'model: { toString: x, valueOf: y }'],
    ['a map with a toString key inside skills', 'skills: [{ toString: x }, valid-skill]'],
    ['a map as name', 'tags: { constructor: 1 }'],
    ['numbers and booleans', 'tools: [1, true, Read]\nmodel: 7'],
  ])('%s never throws', (_label, yaml) => {
    const result = scan(folder({ 'core/kinds.md': agent('kinds', yaml) }));
    expect(result.agents.find((a) => a.name === 'kinds')).toBeDefined();
  });
});

describe('sizes', () => {
  test('a tools string of 200,000 entries keeps the first ones, says so, and stays fast', () => {
    const tools = Array.from({ length: 200_000 }, (_, i) => `T${i}`).join(',');
    const result = scan(folder({ 'core/tools.md': `---\nname: tools\ndescription: d\ntools: "${tools}"\n---\n` }));
    // 200,000 entries are over 64 KiB of frontmatter: the block is not read at all.
    expectRule(result, 'core/tools.md', 'limit-frontmatter-size');
    const fits = Array.from({ length: 5_000 }, (_, i) => `T${i}`).join(',');
    const second = scan(folder({ 'core/tools.md': `---\nname: tools\ndescription: d\ntools: "${fits}"\n---\n` }));
    expectRule(second, 'core/tools.md', 'limit-list-length');
    expect(second.agents.find((a) => a.name === 'tools')?.tools.tools).toHaveLength(LIMITS.tools);
    expect(second.seconds).toBeLessThan(5);
  });

  test.each([
    ['a blockquote nested 10,000 deep', `${'>'.repeat(10_000)} deep\n`, 'limit-prompt-nesting'],
    ['one 10 MB paragraph', `${'word '.repeat(2_000_000)}\n`, 'limit-prompt-size'],
  ] as const)('%s gets a page with a plain-text prompt and a finding', (_label, body, rule) => {
    const result = scan(folder({ 'core/big.md': `---\nname: big\ndescription: d\ntools: Read\n---\n${body}` }));
    expectRule(result, 'core/big.md', rule);
    expect(result.seconds).toBeLessThan(10);
  });

  test('a file over the size limit is skipped unread', () => {
    const dir = folder();
    fs.writeFileSync(path.join(dir, 'core/huge.md'), Buffer.alloc(LIMITS.fileBytes + 1, 'a'));
    expectRule(scan(dir), 'core/huge.md', 'limit-file-size');
  });

  test.each([0, 1, 4095, 4096, 4097, 70_000, 1024 * 1024 + 3])('a file of %i bytes is read whole, byte for byte', (size) => {
    const dir = folder();
    const file = path.join(dir, 'bytes.bin');
    const bytes = Buffer.from(Array.from({ length: size }, (_, i) => i % 251));
    fs.writeFileSync(file, bytes);
    expect(readFileCapped(file, LIMITS.fileBytes)?.equals(bytes)).toBe(true);
    expect(readFileCapped(file, size)?.equals(bytes)).toBe(true);
    if (size > 0) expect(readFileCapped(file, size - 1)).toBeUndefined();
  });

  test('a file whose size the system reports as 0 is still read whole', () => {
    // Files in /proc claim a size of 0; the reader must not trust that.
    const text = readFileCapped('/proc/self/status', LIMITS.fileBytes)?.toString('utf8') ?? '';
    expect(text).toMatch(/^Name:/);
    expect(text).toMatch(/VmRSS|Pid/);
  });

  test('a frontmatter block over the size limit is skipped unread', () => {
    expectRule(
      scan(folder({ 'core/fm.md': agent('fm', `x: ${'y'.repeat(LIMITS.frontmatterBytes)}`) })),
      'core/fm.md',
      'limit-frontmatter-size',
    );
  });
});

describe('lengths that would make a page path too long', () => {
  const long = 'a-very-long-part-'.repeat(30);
  test.each([
    ['name', `---\nname: ${long}\ndescription: d\n---\n`, 'core/x.md'],
    ['category field', agent('cat', `category: ${long}`), 'core/x.md'],
    ['nested folder', agent('nested'), `${long.slice(0, 200)}/${long.slice(0, 200)}/x.md`],
    ['tag', agent('tagged', `tags: [${long}]`), 'core/x.md'],
    ['tool', agent('tooled', `tools: ${long}`), 'core/x.md'],
  ])('a %s of 500 characters gives slugs and ids that fit a file name', (_label, text, rel) => {
    const result = scan(folder({ [rel]: text }));
    for (const a of result.agents) {
      for (const part of [a.slug, a.categoryId, a.twins.groupSlug])
        expect(Buffer.byteLength(part)).toBeLessThanOrEqual(LIMITS.slugChars + 10);
    }
    if (_label === 'name') expectRule(result, rel, 'limit-field-length');
  });
});

describe('files and folders', () => {
  test('a symbolic link loop is a finding, and neighbouring files are kept', () => {
    const dir = folder();
    fs.symlinkSync(path.join(dir, 'b.md'), path.join(dir, 'a.md'));
    fs.symlinkSync(path.join(dir, 'a.md'), path.join(dir, 'b.md'));
    fs.symlinkSync(dir, path.join(dir, 'core', 'back-to-root'));
    const result = scan(dir);
    expectRule(result, 'a.md', 'symlink-loop');
    expectRule(result, 'core/back-to-root', 'symlink-loop');
  });

  test.each([
    ['the file system root', '/'],
    ['/proc', '/proc'],
    ['a file outside the source', '/etc/hostname'],
  ])('a link to %s is not followed, unless the source allows links outside it', (_label, target) => {
    const dir = folder();
    fs.symlinkSync(target, path.join(dir, 'core', 'outside.md'));
    expectRule(scan(dir), 'core/outside.md', 'symlink-outside');
  });

  test('links outside the source are followed when the source says so', () => {
    const outside = folder({ 'kept.md': agent('kept-outside') });
    const dir = folder();
    fs.symlinkSync(path.join(outside, 'kept.md'), path.join(dir, 'core', 'linked.md'));
    expect(scan(dir, { external: true }).agents.map((a) => a.name)).toContain('kept-outside');
  });

  test('a broken link is a finding', () => {
    const dir = folder();
    fs.symlinkSync(path.join(dir, 'missing.md'), path.join(dir, 'core', 'broken.md'));
    expectRule(scan(dir), 'core/broken.md', 'symlink-broken');
  });

  test('a pipe is never opened: it is a finding', () => {
    const dir = folder();
    expect(spawnSync('mkfifo', [path.join(dir, 'core', 'pipe.md')]).status).toBe(0);
    expectRule(scan(dir), 'core/pipe.md', 'file-special');
  });

  test('an unreadable file and an unreadable folder are findings', () => {
    const dir = folder({ 'core/locked.md': agent('locked'), 'private/x.md': agent('private') });
    const denied = (p: fs.PathLike | number) => typeof p === 'string' && (p.endsWith('locked.md') || p.endsWith('private'));
    const eacces = () => Object.assign(new Error('permission denied'), { code: 'EACCES' });
    const guarded: FileSystem = {
      ...fs,
      openSync: (p: fs.PathLike, ...rest: unknown[]) => {
        if (denied(p)) throw eacces();
        return (fs.openSync as (...a: unknown[]) => number)(p, ...rest);
      },
      readdirSync: ((p: fs.PathLike, ...rest: unknown[]) => {
        if (denied(p)) throw eacces();
        return (fs.readdirSync as (...a: unknown[]) => unknown)(p, ...rest);
      }) as typeof fs.readdirSync,
    };
    const result = scan(dir, { fs: guarded });
    expectRule(result, 'core/locked.md', 'file-unreadable');
    expectRule(result, 'private', 'file-unreadable');
  });

  test('a file name that is not valid UTF-8 is a finding', () => {
    const dir = folder();
    fs.writeFileSync(Buffer.concat([Buffer.from(`${dir}/core/bad-`), Buffer.from([0xff, 0xfe]), Buffer.from('.md')]), agent('badname'));
    const result = scan(dir);
    exercised.add('file-name-invalid');
    expect(allFindings(result).some((f) => f.rule === 'file-name-invalid' && f.file.startsWith('core/bad-'))).toBe(true);
  });

  test('hidden folders and node_modules are ignored on purpose and counted', () => {
    const result = scan(folder({ '.git/x.md': agent('git'), 'node_modules/pkg/x.md': agent('pkg'), '.hidden.md': agent('hidden') }));
    expect(result.summaries[0]!.ignored).toEqual([
      { relPath: '.git', reason: 'hidden' },
      { relPath: '.hidden.md', reason: 'hidden' },
      { relPath: 'node_modules', reason: 'node_modules' },
    ]);
    expect(result.agents.map((a) => a.name)).toEqual(['neighbour']);
  });

  test('folders deeper than the limit are not read, with a finding', () => {
    const deep = Array.from({ length: LIMITS.folderDepth + 2 }, (_, i) => `d${i}`).join('/');
    const result = scan(folder({ [`${deep}/x.md`]: agent('deep') }));
    exercised.add('limit-folder-depth');
    expect(allFindings(result).some((f) => f.rule === 'limit-folder-depth')).toBe(true);
  });
});

describe('super-linear time', () => {
  test('an MCP tool name of 300,000 underscores is classified in linear time', () => {
    const started = performance.now();
    expect(classifyTool(`mcp__${'_'.repeat(300_000)}x`).kind).toBe('unknown');
    expect(classifyTool(`mcp__a${'_a'.repeat(150_000)}__b`).kind).toBe('mcp');
    expect(performance.now() - started).toBeLessThan(1000);
    const result = scan(folder({ 'core/mcp.md': `---\nname: mcp\ndescription: d\ntools: mcp__${'_'.repeat(60_000)}x\n---\n` }));
    expect(result.seconds).toBeLessThan(2);
  });

  test('thousands of frontmatter keys are read in one pass', () => {
    const keys = Array.from({ length: 6_000 }, (_, i) => `k${i}: v`).join('\n');
    const result = scan(folder({ 'core/keys.md': agent('keys', keys) }));
    expect(result.seconds).toBeLessThan(5);
    expectRule(result, 'core/keys.md', 'limit-frontmatter-keys');
  });

  test('4,000 agents sharing one name cost linear work and bounded findings', () => {
    const files = Object.fromEntries(Array.from({ length: 4_000 }, (_, i) => [`twins/t${i}.md`, agent('same')]));
    const result = scan(folder(files));
    expect(result.seconds).toBeLessThan(30);
    const twins = result.agents.filter((a) => a.name === 'same');
    expect(twins).toHaveLength(4_000);
    expect(new Set(twins.map((t) => t.slug)).size).toBe(4_000);
    for (const twin of twins) {
      expect(twin.twins.count).toBe(3_999);
      expect(twin.twins.preview.length).toBeLessThanOrEqual(5);
      expect(twin.findings).toEqual([]);
    }
  });
});

describe('findings that used to be lost', () => {
  test('an indented --- inside a block scalar ends the frontmatter for Claude Code, so the tools after it are lost, and a finding says so', () => {
    const text = '---\nname: scalar\ndescription: |\n  part one\n  ---\n  part two\ntools: Read\n---\nBody.\n';
    const result = scan(folder({ 'core/scalar.md': text }));
    const a = result.agents.find((x) => x.name === 'scalar')!;
    expect(a.description).toBe('part one\n');
    expect(a.tools.inheritsAll).toBe(true);
    expect(rulesOf(result, 'core/scalar.md')).toContain('frontmatter-cut');
  });

  test('the tolerant reading keeps __proto__, constructor and toString keys, and category: constructor is an ordinary label', () => {
    const text =
      '---\nname: proto\ndescription: Use when: things break\n__proto__: x\nconstructor: y\ntoString: z\ncategory: constructor\n---\n';
    const result = scan(folder({ 'core/proto.md': text }));
    const a = result.agents.find((x) => x.name === 'proto')!;
    expect(a.otherFields.map((f) => f.key)).toEqual(['__proto__', 'constructor', 'toString', 'category']);
    expect(result.categories.get(a.categoryId)?.label).toBe('Constructor');
  });

  test('a line the tolerant reading cannot use is a finding', () => {
    const text = '---\nname: dropped\ndescription: Use when: things break\nstray words without a colon\n---\n';
    expectRule(scan(folder({ 'core/dropped.md': text })), 'core/dropped.md', 'yaml-key-dropped');
  });
});

describe('the checker on hostile files', () => {
  test('exits 1 with findings and never crashes; exit 2 is for usage only', () => {
    const dir = folder({
      'core/anchors.md': agent('anchors', 'x: &a [*a]'),
      'core/big.md': agent('big', `tools: mcp__${'_'.repeat(10_000)}`),
      'core/nameless.md': '---\ndescription: d\n---\n',
    });
    fs.symlinkSync('/', path.join(dir, 'root-link'));
    const result = spawnSync(process.execPath, ['scripts/check-agents.ts', dir], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('yaml-alias-cycle');
    expect(result.stdout).toContain('symlink-outside');
    expect(result.status).toBe(1);
  });
});

test('every input rule except internal-error, limit-file-count and categories-invalid has a case above', () => {
  // internal-error has its own test (internal-error.test.ts); limit-file-count would need 200,000 files; categories-invalid is in scan.test.ts.
  const expected = Object.keys(INPUT_RULES)
    .filter((id) => !['internal-error', 'limit-file-count', 'categories-invalid'].includes(id))
    .sort();
  expect([...exercised].filter((id) => Object.hasOwn(INPUT_RULES, id)).sort()).toEqual(expected);
});

test('the README lists every limit with its value, as the code enforces it', () => {
  const readme = fs.readFileSync(path.join(import.meta.dirname, '../../../README.md'), 'utf8');
  const missing = LIMIT_TABLE.map(
    ({ rule, value, past }) => `| ${rule.startsWith('(') ? rule : `\`${rule}\``} | ${value} | ${past} |`,
  ).filter((row) => !readme.includes(row));
  expect(missing).toEqual([]);
});
