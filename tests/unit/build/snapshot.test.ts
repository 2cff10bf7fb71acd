import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serialize } from 'node:v8';
import { afterAll, describe, expect, test } from 'vitest';
import { sourceFromDir } from '../../../src/build/config-file.ts';
import { scanSources } from '../../../src/build/scan.ts';
import { readSnapshot, waitForSnapshot, writeSnapshot } from '../../../src/build/snapshot-file.ts';
import { catalogSnapshot, snapshotSchema } from '../../../src/lib/catalog/snapshot.ts';
import { publicationOf, searchRecordsOf } from '../../../src/lib/publish/publication.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const scan = scanSources([
  sourceFromDir('tests/fixtures/agents', root, { id: 'fixtures' }),
  sourceFromDir('content/agents', root, { id: 'catalog' }),
]);
const snapshot = catalogSnapshot(scan, (body) => ({ promptFile: '/cache/prompts.pack', promptKey: String(body.length) }));
const dir = mkdtempSync(path.join(os.tmpdir(), 'snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the catalogue snapshot', () => {
  test('matches its zod schema, holds every agent in catalogue order and no prompt', () => {
    expect(() => snapshotSchema.parse(snapshot)).not.toThrow();
    expect(snapshot.agents).toHaveLength(scan.agents.length);
    const names = snapshot.agents.map((a) => a.name.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(snapshot.agents.some((a) => 'body' in a)).toBe(false);
    expect(snapshot.sources.map((s) => s.id)).toEqual(['fixtures', 'catalog']);
  });

  test('git dates reach the agents of dated sources, and say which sources have none', () => {
    const first = scan.agents.find((a) => a.sourceId === 'catalog')!;
    const dated = catalogSnapshot(
      scan,
      () => ({ promptFile: '/p.pack', promptKey: 'k' }),
      new Map([['catalog', new Map([[first.file.absPath, '2026-11-30T08:00:00Z']])]]),
    );
    expect(dated.agents.find((a) => a.slug === first.slug)!.updated).toBe('2026-11-30T08:00:00Z');
    expect(dated.agents.filter((a) => a.updated !== undefined)).toHaveLength(1);
    expect(dated.sources.map((s) => [s.id, s.dated])).toEqual([
      ['fixtures', false],
      ['catalog', true],
    ]);
    const publication = publicationOf(dated, { url: undefined, base: '/' });
    expect(publication.agents.find((a) => a.slug === first.slug)!.updated).toBe('2026-11-30T08:00:00Z');
    expect(publication.sources.map((s) => s.dated)).toEqual([false, true]);
  });

  test('reads back as written, text beyond Latin-1 included', () => {
    const file = path.join(dir, 'nested/catalog.v8');
    writeSnapshot(file, snapshot);
    // Equal values; YAML's prototype-free objects come back as plain ones.
    expect(readSnapshot(file)).toEqual(snapshot);
  });

  test('one written by another version is refused, with what to do', () => {
    const file = path.join(dir, 'old.v8');
    writeFileSync(file, serialize({ ...snapshot, version: 0 }));
    expect(() => readSnapshot(file)).toThrow(/another version of the site; build again/);
  });

  test('the publishing side waits for it to be written', async () => {
    const file = path.join(dir, 'later.v8');
    const waited = waitForSnapshot(file);
    setTimeout(() => writeSnapshot(file, snapshot), 50);
    expect((await waited).agents).toHaveLength(snapshot.agents.length);
  });

  test('the open data and the search records are derived from it, one of each per agent, with absolute URLs only with a site address', () => {
    const local = publicationOf(snapshot, { url: undefined, base: '/catalog/' });
    const published = publicationOf(snapshot, { url: 'https://agents.example/', base: '/catalog/' });
    expect(local.agents.map((a) => a.slug)).toEqual(snapshot.agents.map((a) => a.slug));
    expect(local.agents[0]!.record.url).toBe(`/catalog/agents/${snapshot.agents[0]!.slug}/`);
    expect(published.agents[0]!.record.rawUrl).toBe(`https://agents.example/catalog/agents/${snapshot.agents[0]!.slug}.md`);
    const records = searchRecordsOf(snapshot, '/catalog/', (_agent, index) => `prompt number ${index}`);
    expect(records.map((r) => r.url)).toEqual(snapshot.agents.map((a) => `/catalog/agents/${a.slug}/`));
    expect(records[0]!.html).toContain('prompt number 0');
    expect(records.at(-1)!.html).toContain(`prompt number ${records.length - 1}`);
  });
});
