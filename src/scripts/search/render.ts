import { excerptRuns, type PagefindResultData } from './pagefind.ts';
import { TOOL_SEPARATOR } from '../../lib/search-state.ts';
import { VERDICT_LABELS } from '../../lib/findings.ts';

const VERDICTS: Readonly<Record<string, { label: string; tone: string }>> = {
  clean: { label: VERDICT_LABELS.clean, tone: 'border-ok text-ok' },
  warnings: { label: VERDICT_LABELS.warnings, tone: 'border-warn text-warn' },
  skipped: { label: VERDICT_LABELS.skipped, tone: 'border-err text-err' },
};

/** Creates an element with classes and, optionally, text (never HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Builds one search result with DOM text nodes only: name, highlighted excerpt (or, when nothing was
 * typed, the agent's summary), category, model and tool chips.
 */
export function renderResult(data: PagefindResultData, compact: boolean, withExcerpt = true): HTMLLIElement {
  const item = el('li', compact ? 'py-2' : 'rounded-lg border border-border bg-surface p-4');
  item.dataset['result'] = data.url;
  const link = el('a', 'font-semibold text-accent hover:underline', data.meta['title'] ?? data.url);
  link.href = data.url;
  item.append(link);
  const excerpt = el('p', 'mt-1 text-sm text-muted');
  if (withExcerpt) {
    for (const run of excerptRuns(data.excerpt)) excerpt.append(run.mark ? el('mark', 'bg-chip text-fg', run.text) : document.createTextNode(run.text));
  } else {
    excerpt.textContent = data.meta['summary'] ?? '';
  }
  item.append(excerpt);
  const details = el('div', 'mt-2 flex flex-wrap items-center gap-1.5 text-xs');
  details.append(el('span', 'text-muted', data.meta['category'] ?? ''));
  details.append(el('span', 'rounded border border-border px-1.5 py-0.5 font-mono', data.meta['model'] ?? ''));
  const verdict = VERDICTS[data.meta['verdict'] ?? ''];
  if (verdict) {
    const badge = el('span', `rounded border px-1.5 py-0.5 ${verdict.tone}`, verdict.label);
    badge.dataset['verdict'] = data.meta['verdict'];
    details.append(badge);
  }
  const tools = data.meta['tools'] ?? '';
  const chips = tools === '*' ? ['Inherits all tools'] : tools.split(TOOL_SEPARATOR).filter((t) => t !== '');
  const limit = compact ? 5 : 12;
  for (const chip of chips.slice(0, limit)) details.append(el('span', 'rounded-full border border-border bg-chip px-2 py-0.5 font-mono', chip));
  if (chips.length > limit) details.append(el('span', 'text-muted', `+${chips.length - limit} more`));
  if (tools !== '*' && chips.length === 0) details.append(el('span', 'text-err', 'No tools'));
  item.append(details);
  return item;
}
