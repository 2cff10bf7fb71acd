import { isSafeUrl } from '../../src/lib/text/markdown.ts';

/** How many generated cases each fuzz property runs. */
export const FUZZ_RUNS = { files: 1500, bytes: 300, prompts: 1500, large: 40, folders: 60 } as const;

/** Tags the prompt renderer may produce. Anything else means markup from a file got through. */
const ALLOWED_TAGS = new Set([
  'p',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'pre',
  'code',
  'em',
  'strong',
  'del',
  'a',
  'blockquote',
  'hr',
  'br',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'span',
]);
const ALLOWED_ATTRIBUTES = new Set(['href', 'title', 'rel', 'class', 'role', 'aria-label', 'start', 'align', 'tabindex']);

/**
 * Problems that would make rendered HTML live: tags or attributes outside the allowlist (so no script,
 * image, iframe or event handler), and links with an unsafe scheme. Empty when the HTML is inert.
 */
export function inertHtmlProblems(html: string): string[] {
  const problems: string[] = [];
  for (const match of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const tag = match[1]!.toLowerCase();
    if (!ALLOWED_TAGS.has(tag)) problems.push(`tag <${tag}>`);
    for (const attr of match[2]!.matchAll(/([^\s=]+)(?:="([^"]*)")?/g)) {
      const name = attr[1]!.toLowerCase();
      if (!ALLOWED_ATTRIBUTES.has(name)) problems.push(`attribute ${name} on <${tag}>`);
      if (name === 'href' && !isSafeUrl((attr[2] ?? '').replace(/&amp;/g, '&'))) problems.push(`href ${attr[2]}`);
    }
  }
  return problems;
}
