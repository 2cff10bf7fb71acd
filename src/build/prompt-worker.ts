/** A worker thread that renders prompts to files, so the content sync uses both cores. */
import { parentPort, workerData } from 'node:worker_threads';
import type { PromptJob } from './prompt-cache.ts';
import { renderPromptFile } from './prompt-render.ts';

for (const job of workerData as PromptJob[]) renderPromptFile(job.body, job.file);
parentPort?.postMessage('done');
