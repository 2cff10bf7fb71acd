import { writeFileSync } from 'node:fs';
import { plainPrompt, renderPrompt } from '../lib/text/markdown.ts';

/** Renders one prompt to a file; a prompt the renderer fails on inside the limits is written as plain text rather than lost. */
export function renderPromptFile(body: string, file: string): void {
  let html: string;
  try {
    html = renderPrompt(body).html;
  } catch {
    html = plainPrompt(body);
  }
  writeFileSync(file, html);
}
