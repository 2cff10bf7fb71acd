import { Marked, type Tokens } from 'marked';
import { LIMITS } from '../read/limits.ts';

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use in HTML content or attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/**
 * Escapes a file's text for a `<pre>` so that its `textContent` is the file's exact text:
 * HTML parsing turns CRLF into LF, but a `&#13;` character reference survives.
 */
export function escapeForPre(text: string): string {
  return escapeHtml(text).replace(/\r/g, '&#13;');
}

const SAFE_URL = /^(?:https?:|mailto:|#|\/|\.{0,2}\/|[\w.-]+(?:[/#?]|$))/i;

/** True for link targets that cannot run script (no `javascript:`, `data:` or `vbscript:`). */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore control characters and spaces inside a scheme (`java\tscript:`), so strip them before checking.
  // eslint-disable-next-line no-control-regex
  const compact = url.replace(/[\u0000-\u0020]/g, '');
  return SAFE_URL.test(compact) && !/^(?:javascript|data|vbscript):/i.test(compact);
}

/**
 * Link targets a prompt's link may keep on the site: absolute web addresses and mail. A relative target
 * (`docs/api.md`, `/spec/`) means something only in the prompt's own repository, so on the site it is text.
 */
export function isSiteIndependentUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  return isSafeUrl(url) && /^(?:https?:\/\/|mailto:)/i.test(url.replace(/[\u0000-\u0020]/g, ''));
}

/**
 * Text with `code spans` as HTML: everything escaped first, then each backticked run set in <code>. For the
 * messages and hints of findings, which name values that way.
 */
export function inlineCodeHtml(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

const untrustedMarkdown = new Marked({
  gfm: true,
  renderer: {
    // Raw HTML from an agent file is shown as text, never parsed as markup.
    html({ text }: Tokens.HTML | Tokens.Tag): string {
      return escapeHtml(text);
    },
    heading({ tokens, depth }: Tokens.Heading): string {
      // The page owns the <h1>; the prompt's headings sit one level below it.
      const level = Math.min(depth + 1, 6);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    link({ href, title, tokens }: Tokens.Link): string {
      const text = this.parser.parseInline(tokens);
      if (!isSiteIndependentUrl(href)) return text;
      const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
      return `<a href="${escapeHtml(href)}"${titleAttr} rel="nofollow noopener">${text}</a>`;
    },
    // Task-list checkboxes would be unlabelled form controls; a prompt's checklist is text.
    checkbox({ checked }: Tokens.Checkbox): string {
      return checked ? '<span role="img" aria-label="done">☑</span> ' : '<span role="img" aria-label="to do">☐</span> ';
    },
    // Images in untrusted prompts would load third-party content; show them as links.
    image({ href, text }: Tokens.Image): string {
      const label = escapeHtml(text || href);
      return isSiteIndependentUrl(href) ? `<a href="${escapeHtml(href)}" rel="nofollow noopener">${label}</a>` : label;
    },
    // A code block can scroll sideways; focusable, so a keyboard reaches what it hides.
    code({ text, lang }: Tokens.Code): string {
      const language = lang ? ` class="language-${escapeHtml(lang.split(/\s/)[0]!)}"` : '';
      return `<pre tabindex="0"><code${language}>${escapeHtml(text)}</code></pre>\n`;
    },
  },
});

/** Renders untrusted Markdown to HTML in which no markup or script from the source is live. Throws on input past the limits. */
export function renderUntrustedMarkdown(markdown: string): string {
  return untrustedMarkdown.parse(markdown, { async: false });
}

/**
 * How deeply a prompt nests block quotes and lists, estimated line by line in one pass: the renderer
 * recurses once per level, so this bounds its stack.
 */
export function nestingDepth(markdown: string): number {
  let deepest = 0;
  let lineStart = 0;
  while (lineStart <= markdown.length) {
    let end = markdown.indexOf('\n', lineStart);
    if (end < 0) end = markdown.length;
    let quotes = 0;
    let indent = 0;
    let i = lineStart;
    for (; i < end; i++) {
      const char = markdown.charCodeAt(i);
      if (char === 0x3e /* > */) quotes++;
      else if (char === 0x20 /* space */) indent++;
      else if (char === 0x09 /* tab */) indent += 4;
      else break;
    }
    const listItem = /[-*+]|\d/.test(markdown.charAt(i));
    deepest = Math.max(deepest, quotes + (listItem ? Math.floor(indent / 2) + 1 : 0));
    lineStart = end + 1;
  }
  return deepest;
}

/** A prompt as escaped plain text, cut at the size limit. */
export function plainPrompt(body: string): string {
  return `<pre class="prompt-plain">${escapeHtml(body.length > LIMITS.promptBytes ? `${body.slice(0, LIMITS.promptBytes)}\n…` : body)}</pre>`;
}

/** A prompt as the page shows it: rendered Markdown, or plain text when it is past a limit. */
export interface RenderedPrompt {
  html: string;
  /** Set when the prompt is shown as plain text instead of Markdown, with the limit that made it so. */
  plainText?: { rule: 'limit-prompt-size' | 'limit-prompt-nesting'; message: string };
}

/** Why a prompt must be shown as plain text rather than rendered, if it must: it is too long, or nests too deeply. */
export function promptLimit(body: string): RenderedPrompt['plainText'] {
  if (body.length > LIMITS.promptBytes) {
    return {
      rule: 'limit-prompt-size',
      message: `The prompt is ${body.length} characters; the page shows the first ${LIMITS.promptBytes} as plain text.`,
    };
  }
  const depth = nestingDepth(body);
  if (depth > LIMITS.promptNesting)
    return {
      rule: 'limit-prompt-nesting',
      message: `The prompt nests quotes or lists ${depth} levels deep; the page shows it as plain text.`,
    };
  return undefined;
}

/** Renders a prompt safely, falling back to escaped plain text (cut to the size limit) when Markdown would be unsafe to render. */
export function renderPrompt(body: string): RenderedPrompt {
  const limit = promptLimit(body);
  if (limit) return { html: plainPrompt(body), plainText: limit };
  try {
    return { html: renderUntrustedMarkdown(body) };
  } catch (error) {
    if (error instanceof RangeError)
      return {
        html: plainPrompt(body),
        plainText: { rule: 'limit-prompt-nesting', message: 'The prompt nests too deeply to render; the page shows it as plain text.' },
      };
    throw error;
  }
}
