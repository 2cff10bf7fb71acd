import { plainPrompt, renderPrompt } from '../lib/text/markdown.ts';

/** One prompt as safe HTML; a prompt the renderer fails on inside the limits is shown as plain text rather than lost. */
export function renderPromptHtml(body: string): string {
  try {
    return renderPrompt(body).html;
  } catch {
    return plainPrompt(body);
  }
}
