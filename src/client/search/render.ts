import { TOOL_SEPARATOR } from '../../lib/search/state.ts';
import type { PagefindResultData } from './pagefind.ts';

const VERDICT_TONE: Readonly<Record<string, string>> = {
  clean: 'border-ok text-ok',
  warnings: 'border-warn text-warn',
  skipped: 'border-err text-err',
};
const VERDICT_LABEL: Readonly<Record<string, string>> = {
  clean: 'Loads cleanly',
  warnings: 'Loads with warnings',
  skipped: 'Claude Code skips it',
};

/** Creates an element with classes and, optionally, text (never HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function bundleButton(data: PagefindResultData): HTMLButtonElement {
  const slug = /\/agents\/([^/]+)\/$/.exec(data.url)?.[1] ?? '';
  const button = el(
    'button',
    'shrink-0 rounded border border-border px-2 py-0.5 text-xs text-fg hover:border-accent aria-pressed:border-accent aria-pressed:bg-chip',
    'Add to bundle',
  );
  button.type = 'button';
  button.dataset['bundleToggle'] = slug;
  button.setAttribute('aria-label', `Add to bundle: ${data.meta['title'] ?? slug}`);
  return button;
}

/**
 * Builds one search result from text nodes only: the name, the description's first sentence, category,
 * source (when there are several), model, verdict and tools. Other agents with the same name, when they
 * ranked too, are linked under it rather than listed apart.
 */
export function renderResult(
  data: PagefindResultData,
  options: { compact: boolean; showSource: boolean; twins?: PagefindResultData[] },
): HTMLLIElement {
  const { compact, showSource, twins = [] } = options;
  const item = el('li', compact ? 'py-2' : 'rounded-lg border border-border bg-surface p-4');
  item.dataset['result'] = data.url;
  const head = el('div', 'flex items-start justify-between gap-2');
  const link = el('a', 'font-semibold break-words text-accent hover:underline', data.meta['title'] ?? data.url);
  link.href = data.url;
  link.dataset['resultLink'] = '';
  head.append(link);
  if (!compact) head.append(bundleButton(data));
  item.append(head, el('p', 'mt-1 text-sm text-muted', data.meta['summary'] ?? ''));
  const details = el('div', 'mt-2 flex flex-wrap items-center gap-1.5 text-xs');
  details.append(el('span', '', data.meta['category'] ?? ''));
  if (showSource) details.append(el('span', 'text-muted', `from ${data.meta['source'] ?? ''}`));
  details.append(el('span', 'rounded border border-border px-1.5 py-0.5 font-mono', data.meta['model'] ?? ''));
  const verdict = data.meta['verdict'] ?? '';
  if (VERDICT_LABEL[verdict]) {
    const badge = el('span', `rounded border px-1.5 py-0.5 ${VERDICT_TONE[verdict]}`, VERDICT_LABEL[verdict]);
    badge.dataset['verdict'] = verdict;
    details.append(badge);
  }
  if (!compact) {
    const tools = data.meta['tools'] ?? '';
    const chips = tools === '*' ? ['Inherits all tools'] : tools.split(TOOL_SEPARATOR).filter((t) => t !== '');
    for (const chip of chips.slice(0, 8))
      details.append(el('span', 'rounded-full border border-border bg-chip px-2 py-0.5 font-mono', chip));
    if (chips.length > 8) details.append(el('span', 'text-muted', `+${chips.length - 8} more`));
  }
  item.append(details);
  if (twins.length > 0) {
    const others = el('p', 'mt-2 text-xs');
    others.append(el('span', 'text-muted', `Same name, ${twins.length} other version${twins.length === 1 ? '' : 's'}: `));
    twins.forEach((twin, index) => {
      const a = el(
        'a',
        'text-accent hover:underline',
        `${twin.meta['category'] ?? ''}${showSource ? ` (${twin.meta['source'] ?? ''})` : ''}`,
      );
      a.href = twin.url;
      a.dataset['twinResult'] = twin.url;
      if (index > 0) others.append(document.createTextNode(', '));
      others.append(a);
    });
    item.append(others);
  }
  return item;
}
