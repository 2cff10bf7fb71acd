import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { renderPromptFile } from './prompt-render.ts';

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

/** Where a prompt's rendered HTML is kept: named by a hash of the prompt, so an unchanged prompt is never rendered twice. */
export function promptPath(dir: string, body: string): string {
  return path.join(dir, `${createHash('sha256').update(RENDER_VERSION).update(body).digest('hex').slice(0, 32)}.html`);
}

/** A prompt to render and the file it goes to. */
export interface PromptJob {
  body: string;
  file: string;
}

/**
 * Renders every prompt whose file does not exist yet: half in a worker thread and half here, so both
 * cores work while the content syncs. The rendered HTML lives in files, not in memory or the content store.
 */
export async function renderPrompts(dir: string, jobs: readonly PromptJob[]): Promise<number> {
  mkdirSync(dir, { recursive: true });
  const seen = new Set<string>();
  const todo = jobs.filter((job) => {
    if (seen.has(job.file)) return false;
    seen.add(job.file);
    return !existsSync(job.file);
  });
  if (todo.length < 200) {
    for (const job of todo) renderPromptFile(job.body, job.file);
    return todo.length;
  }
  const half = Math.floor(todo.length / 2);
  const worker = new Worker(new URL('./prompt-worker.ts', import.meta.url), { workerData: todo.slice(half) });
  const done = new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`prompt worker exited with ${code}`))));
  });
  for (const job of todo.slice(0, half)) renderPromptFile(job.body, job.file);
  await done;
  await worker.terminate();
  return todo.length;
}
