import { Marked, type Tokens } from 'marked';

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
      if (!isSafeUrl(href)) return text;
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
      return isSafeUrl(href) ? `<a href="${escapeHtml(href)}" rel="nofollow noopener">${label}</a>` : label;
    },
  },
});

/** Renders an untrusted Markdown prompt to HTML in which no markup or script from the source is live. */
export function renderUntrustedMarkdown(markdown: string): string {
  return untrustedMarkdown.parse(markdown, { async: false });
}
