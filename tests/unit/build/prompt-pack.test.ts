import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { promptKey, renderPrompts } from '../../../src/build/prompt-cache.ts';
import { packedPrompt, previousPack, writePack } from '../../../src/build/prompt-pack.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function packIn(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'prompt-pack-'));
  dirs.push(dir);
  return path.join(dir, 'prompts.pack');
}
const entry = (key: string, html: string) => [key, Buffer.from(html, 'utf8')] as const;

describe('a prompt pack', () => {
  test.each([
    ['one prompt', [entry('a', '<p>one</p>')]],
    ['an empty prompt between two', [entry('a', '<p>x</p>'), entry('b', ''), entry('c', '<p>z</p>')]],
    ['text beyond ASCII', [entry('a', '<p>naïve 日本語 🙂</p>'), entry('b', '<p>\u2028 and \0</p>')]],
    ['keys named like what every object inherits', [entry('constructor', '<p>c</p>'), entry('toString', '<p>t</p>')]],
  ])('gives back every prompt byte for byte: %s', (_, entries) => {
    const file = packIn();
    writePack(file, entries);
    for (const [key, html] of entries) expect(packedPrompt(file, key)).toBe(html.toString('utf8'));
    const previous = previousPack(file);
    for (const [key, html] of entries) expect(previous.read(key)?.equals(html)).toBe(true);
    previous.close();
  });

  test('is read again once it has been replaced, and keeps the first copy of a key given twice', () => {
    const file = packIn();
    writePack(file, [entry('a', 'old')]);
    expect(packedPrompt(file, 'a')).toBe('old');
    writePack(file, [entry('a', 'new'), entry('b', 'added'), entry('a', 'ignored')]);
    expect(packedPrompt(file, 'a')).toBe('new');
    expect(packedPrompt(file, 'b')).toBe('added');
    expect(readdirSync(path.dirname(file))).toEqual(['prompts.pack']);
  });

  test('names the key and says to build again when it does not hold a prompt', () => {
    const file = packIn();
    writePack(file, [entry('a', 'x')]);
    expect(() => packedPrompt(file, 'missing')).toThrow(/holds no prompt missing: build again/);
  });

  test.each([
    ['no file', null],
    ['an empty file', ''],
    ['an index longer than the file', '\u00ff\u00ff\u00ff\u0000{}'],
    ['an index that is not JSON', '\u0003\u0000\u0000\u0000{x}'],
    ['an entry past the end', '\u000d\u0000\u0000\u0000{"a":[0,100]}'],
    ['an entry before the start', '\u000e\u0000\u0000\u0000{"a":[-14,14]}'],
    ['an entry that is not a pair', '\u0007\u0000\u0000\u0000{"a":3}'],
  ])('left by an earlier build is ignored when it is not readable: %s', (_, content) => {
    const file = packIn();
    if (content !== null) writeFileSync(file, Buffer.from(content, 'latin1'));
    const previous = previousPack(file);
    expect(previous.read('a')).toBeUndefined();
    previous.close();
  });
});

describe('renderPrompts', () => {
  test('renders only the prompts the previous pack lacks, and the new pack holds only the current ones', async () => {
    const file = packIn();
    expect(await renderPrompts(file, ['# One', 'Two', 'Two'])).toBe(2);
    expect(packedPrompt(file, promptKey('# One'))).toBe('<h2>One</h2>\n');
    expect(await renderPrompts(file, ['Two', 'Three <script>alert(1)</script>'])).toBe(1);
    expect(packedPrompt(file, promptKey('Two'))).toBe('<p>Two</p>\n');
    expect(packedPrompt(file, promptKey('Three <script>alert(1)</script>'))).not.toContain('<script>');
    expect(() => packedPrompt(file, promptKey('# One'))).toThrow(/holds no prompt/);
  });

  test('renders a large catalogue in two threads, each prompt under its own key', async () => {
    const file = packIn();
    const bodies = Array.from({ length: 450 }, (_, i) => `Prompt number **${i}**`);
    expect(await renderPrompts(file, bodies)).toBe(450);
    for (const i of [0, 224, 225, 449])
      expect(packedPrompt(file, promptKey(bodies[i]!))).toBe(`<p>Prompt number <strong>${i}</strong></p>\n`);
  });
});
