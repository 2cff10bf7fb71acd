import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { previousPack, writePack } from './prompt-pack.ts';
import { renderPromptHtml } from './prompt-render.ts';

/**
 * What the rendered HTML depends on besides the prompt: the renderer's own source and the Markdown parser's
 * version. Any change to either renders every prompt again, so no build shows HTML an older renderer made.
 */
export const RENDER_VERSION = (() => {
  const hash = createHash('sha256');
  for (const file of ['../lib/text/markdown.ts', './prompt-render.ts', '../lib/read/limits.ts'])
    hash.update(readFileSync(new URL(file, import.meta.url)));
  hash.update(String((createRequire(import.meta.url)('marked/package.json') as { version: string }).version));
  return hash.digest('hex').slice(0, 16);
})();

/** A prompt's key in the pack: a hash of the prompt and of the renderer, so an unchanged prompt is never rendered twice. */
export function promptKey(body: string): string {
  return createHash('sha256').update(RENDER_VERSION).update(body).digest('hex').slice(0, 32);
}

/**
 * Writes the pack of every prompt in `bodies` to `packFile`, taking the HTML of each prompt the previous pack
 * holds from it and rendering the others: half in a worker thread and half here, so both cores work while the
 * content syncs. Returns how many were rendered. The HTML stays out of the content store, and pages read it from
 * the pack (see prompt-pack.ts).
 */
export async function renderPrompts(packFile: string, bodies: readonly string[]): Promise<number> {
  mkdirSync(path.dirname(packFile), { recursive: true });
  // Each prompt once, in the order first seen, so the pack is the same for the same catalogue.
  const byKey = new Map(bodies.map((body) => [promptKey(body), body]));
  const previous = previousPack(packFile);
  const html = new Map<string, Buffer>();
  const todo: [key: string, body: string][] = [];
  try {
    for (const [key, body] of byKey) {
      const kept = previous.read(key);
      if (kept) html.set(key, kept);
      else todo.push([key, body]);
    }
  } finally {
    previous.close();
  }
  const half = todo.length < 200 ? todo.length : Math.floor(todo.length / 2);
  const rendered = half < todo.length ? renderInWorker(todo.slice(half).map(([, body]) => body)) : Promise.resolve([]);
  for (const [key, body] of todo.slice(0, half)) html.set(key, Buffer.from(renderPromptHtml(body), 'utf8'));
  const fromWorker = await rendered;
  todo.slice(half).forEach(([key], index) => html.set(key, Buffer.from(fromWorker[index]!, 'utf8')));
  writePack(
    packFile,
    [...byKey.keys()].map((key) => [key, html.get(key)!] as const),
  );
  return todo.length;
}

function renderInWorker(bodies: string[]): Promise<string[]> {
  const worker = new Worker(new URL('./prompt-worker.ts', import.meta.url), { workerData: bodies });
  return new Promise<string[]>((resolve, reject) => {
    worker.once('message', (html: string[]) => resolve(html));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`prompt worker exited with ${code} before it reported`)));
  }).finally(() => void worker.terminate());
}
