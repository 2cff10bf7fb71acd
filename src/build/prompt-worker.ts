/** A worker thread that renders prompts, so the content sync uses both cores. */
import { parentPort, workerData } from 'node:worker_threads';
import { renderPromptHtml } from './prompt-render.ts';

parentPort?.postMessage((workerData as string[]).map(renderPromptHtml));
