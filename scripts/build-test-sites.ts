/**
 * Builds the production sites the e2e tests run against: the default catalogue (dist/), the fixture
 * folder under a base path, the seven corpora together, a folder of hostile files, and 10,000 synthetic
 * agents made from the corpora (the scale at which no page may grow past its bound).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LIMITS } from '../src/lib/read/limits.ts';
import { corpusDirs, writeSyntheticCatalogue } from './synth-agents.ts';

const astro = path.resolve('node_modules/astro/bin/astro.mjs');
const corpora = corpusDirs().join(path.delimiter);

/** The folder the hostile site is built from: the committed fixtures, plus what git cannot hold. */
export const HOSTILE_SOURCE = '.cache/hostile-src';

function prepareHostileSource(): void {
  rmSync(HOSTILE_SOURCE, { recursive: true, force: true });
  cpSync('tests/fixtures/hostile', HOSTILE_SOURCE, { recursive: true, verbatimSymlinks: true });
  const extra = path.join(HOSTILE_SOURCE, 'generated');
  mkdirSync(extra, { recursive: true });
  const agent = (name: string, body = 'Body.\n') =>
    `---\nname: ${name}\ndescription: Use when testing generated hostile files.\ntools: Read\n---\n${body}`;
  spawnSync('mkfifo', [path.join(extra, 'pipe.md')]);
  writeFileSync(
    Buffer.concat([Buffer.from(path.join(extra, 'bad-name-')), Buffer.from([0xff, 0xfe]), Buffer.from('.md')]),
    agent('bad-name'),
  );
  writeFileSync(path.join(extra, 'too-large.md'), Buffer.alloc(LIMITS.fileBytes + 1, 'a'));
  writeFileSync(path.join(extra, 'huge-paragraph.md'), agent('huge-paragraph', `${'word '.repeat(2_000_000)}\n`));
  writeFileSync(
    path.join(extra, 'not-utf8.md'),
    Buffer.concat([Buffer.from(agent('not-utf8', 'Bytes: ')), Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), Buffer.from('\n')]),
  );
  symlinkSync('loop-b.md', path.join(extra, 'loop-a.md'));
  symlinkSync('loop-a.md', path.join(extra, 'loop-b.md'));
  symlinkSync('/', path.join(extra, 'root-link'));
  symlinkSync('/etc/hostname', path.join(extra, 'outside.md'));
  // Names that are one file on macOS and Windows, or none at all on Windows: kept out of git, which must check out everywhere.
  const windows = path.join(HOSTILE_SOURCE, 'windows');
  mkdirSync(windows, { recursive: true });
  const named = (name: string) =>
    `---\nname: ${name}\ndescription: Use when testing file names Windows and macOS cannot hold apart.\ntools: Read\n---\nBody.\n`;
  const files: [file: string, name: string][] = [
    ['CON.md', 'CON'],
    ['aux.md', 'aux'],
    ['nul.x.md', 'nul.x'],
    ['com1.md', 'com1'],
    ['LPT9.md', 'LPT9'],
    ['odd"name*with|chars:.md', 'odd-chars'],
    ['Review-Helper.md', 'Review-Helper'],
    ['REVIEW-helper.md', 'REVIEW-helper'],
    ['review-helper.md', 'review-helper'],
  ];
  for (const [file, name] of files) {
    writeFileSync(path.join(windows, file), named(name));
  }
}

/** The https address the served site is built for; its e2e tests map it to the local server. */
const SERVED_SITE_URL = 'https://agents.example';

/** The folder the scale site is built from, and how many agents it holds. */
const SCALE_SOURCE = '.cache/scale-src';
const SCALE_AGENTS = 10_000;

const sites: { key: string; label: string; env: Record<string, string>; before?: () => void }[] = [
  { key: 'default', label: 'default catalogue', env: {} },
  {
    key: 'fixtures',
    label: 'fixtures under /catalog/',
    env: { CATALOG_CONFIG: 'tests/fixtures/catalog.config.json', OUT_DIR: '.cache/sites/fixtures', BASE_PATH: '/catalog/' },
  },
  {
    key: 'served',
    label: 'fixtures served as a plugin marketplace',
    env: {
      CATALOG_CONFIG: 'tests/fixtures/served.config.json',
      OUT_DIR: '.cache/sites/served',
      BASE_PATH: '/catalog/',
      SITE_URL: SERVED_SITE_URL,
    },
  },
  { key: 'corpora', label: '7 corpora', env: { AGENTS_DIR: corpora, OUT_DIR: '.cache/sites/corpora' } },
  {
    key: 'hostile',
    label: 'hostile files',
    env: { AGENTS_DIR: HOSTILE_SOURCE, OUT_DIR: '.cache/sites/hostile' },
    before: prepareHostileSource,
  },
  {
    key: 'scale',
    label: `${SCALE_AGENTS} synthetic agents`,
    env: { AGENTS_DIR: SCALE_SOURCE, OUT_DIR: '.cache/sites/scale' },
    before: () => writeSyntheticCatalogue(SCALE_AGENTS, SCALE_SOURCE),
  },
];

// `node scripts/build-test-sites.ts corpora scale` builds only those sites.
const wanted = process.argv.slice(2);
for (const site of sites.filter((s) => wanted.length === 0 || wanted.includes(s.key))) {
  const started = performance.now();
  site.before?.();
  const result = spawnSync(process.execPath, [astro, 'build'], {
    env: { ...process.env, ...site.env },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    console.log(result.stdout);
    process.exit(result.status ?? 1);
  }
  const summary = result.stdout.split('\n').filter((line) => line.includes('[subagent-catalog-build]') && line.includes('agent pages'));
  console.log(`built ${site.label} in ${((performance.now() - started) / 1000).toFixed(1)} s\n  ${summary.join('\n  ')}`);
}
