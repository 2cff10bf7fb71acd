/** How the content tests read the parts of an agent prompt: its sections, its output template and its worked example. */

/** The section of a prompt that starts with a `## <title>` line, up to the next `## ` heading (fenced code skipped). */
export function section(body: string, title: string): string | undefined {
  const lines = body.split('\n');
  const start = lines.findIndex((line) => line.trim() === `## ${title}`);
  if (start < 0) return undefined;
  let inFence = false;
  let end = start + 1;
  for (; end < lines.length; end++) {
    if (/^(```|~~~)/.test(lines[end]!)) inFence = !inFence;
    else if (!inFence && lines[end]!.startsWith('## ')) break;
  }
  return lines.slice(start + 1, end).join('\n');
}

/** The lines of the first fenced block in a piece of Markdown. */
export function firstFence(markdown: string): string[] | undefined {
  const match = /^(```|~~~)[^\n]*\n([\s\S]*?)^\1\s*$/m.exec(markdown);
  return match ? match[2]!.split('\n') : undefined;
}

/**
 * The labels that give an output template its shape: the literal start of each line that is not a list item,
 * a table row or a placeholder, cut before the first placeholder or colon ("## Root cause", "Subject", "### S").
 */
export function templateLabels(template: readonly string[]): string[] {
  return template
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^([-*|<>`[{(]|\.\.\.|…|\d+[.)])/.test(line))
    .map((line) => line.split(/[<:([|{`]/)[0]!.trim())
    .filter((label) => label.length >= 2);
}

/** True when every label starts some line of the answer, in the template's order. */
export function followsShape(labels: readonly string[], answer: readonly string[]): boolean {
  let at = 0;
  for (const label of labels) {
    while (at < answer.length && !answer[at]!.trim().startsWith(label)) at++;
    if (at === answer.length) return false;
    at++;
  }
  return true;
}
