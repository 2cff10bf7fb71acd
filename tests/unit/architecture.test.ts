/**
 * The layout CONTRIBUTING.md draws, held by a test: src/lib is the pure core, by stage, with no file system or
 * process work and no import circle; the build machinery lives in src/build; pages reach the core only through
 * src/catalog.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const filesUnder = (dir: string, pattern: RegExp) =>
  readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && pattern.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'));

/** The modules a file imports: relative ones resolved to paths from the root, the others as written. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => {
    const spec = (m[1] ?? m[2])!;
    return spec.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)) : spec;
  });
}

const lib = filesUnder('src/lib', /\.ts$/).filter((f) => !f.endsWith('.d.ts'));
const STAGES = ['read', 'text', 'fields', 'check', 'catalog', 'search', 'publish', 'views'];

describe('src/lib', () => {
  test('is grouped by stage, one folder each', () => {
    expect(new Set(lib.map((f) => f.split('/')[2]))).toEqual(new Set(STAGES));
  });

  test.each(lib)('%s does no file system or process work and does not reach into the build', (file) => {
    const forbidden = importsOf(file).filter(
      (spec) =>
        /^node:(fs|os|child_process|worker_threads|v8|module|net|http|process)/.test(spec) ||
        spec.startsWith('src/build') ||
        spec.startsWith('astro:'),
    );
    expect(forbidden).toEqual([]);
    expect(readFileSync(path.join(root, file), 'utf8')).not.toMatch(/\bprocess\.(env|cwd|argv|exit)\b/);
  });

  test('has no import circle', () => {
    const graph = new Map(lib.map((file) => [file, importsOf(file).filter((spec) => spec.startsWith('src/lib/'))]));
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        circles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(circles).toEqual([]);
  });
});

test('pages and components reach the core only through src/catalog.ts (types excepted)', () => {
  const views = filesUnder('src/pages', /\.(astro|ts)$/).concat(
    filesUnder('src/components', /\.astro$/),
    filesUnder('src/layouts', /\.astro$/),
  );
  const offenders = views.filter((file) =>
    /^\s*import\s+(?!type\b)[^'"]*from\s*['"][^'"]*\/lib\//m.test(readFileSync(path.join(root, file), 'utf8')),
  );
  expect(offenders).toEqual([]);
});
