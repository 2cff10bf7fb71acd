/** Category metadata as written in a categories file. */
export interface CategoryMeta {
  label: string;
  description?: string | undefined;
  order?: number | undefined;
}

const ORDER_PREFIX = /^(\d+)[-_. ]+/;

/** Category id of a folder name: lowercase slug without a numeric order prefix (`01-core-development` → `core-development`). */
export function categoryIdFromFolder(folder: string): string {
  const id = folder
    .replace(ORDER_PREFIX, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id || 'uncategorised';
}

/** Order hint from a numeric folder prefix (`03-infrastructure` → 3), if there is one. */
export function orderFromFolder(folder: string): number | undefined {
  const match = ORDER_PREFIX.exec(folder);
  return match ? Number(match[1]) : undefined;
}

const SMALL_WORDS = new Set(['and', 'or', 'of', 'the', 'for', 'in', 'on', 'to', 'a', 'an']);
const UPPER_WORDS = new Set(['ai', 'ml', 'api', 'ui', 'ux', 'qa', 'sre', 'seo', 'css', 'sql', 'aws', 'gcp', 'iot', 'llm', 'mcp', 'dx', 'cli']);
const SPECIAL_WORDS: Readonly<Record<string, string>> = { devops: 'DevOps' };

/** Human label from a folder name: `01-core-development` → `Core Development`, `data-ai` → `Data AI`. */
export function labelFromFolder(folder: string): string {
  const words = folder
    .replace(ORDER_PREFIX, '')
    .split(/[-_\s]+/)
    .filter((w) => w !== '');
  if (words.length === 0) return 'Uncategorised';
  return words
    .map((word, index) => {
      const lower = word.toLowerCase();
      if (SPECIAL_WORDS[lower]) return SPECIAL_WORDS[lower];
      if (UPPER_WORDS.has(lower)) return lower.toUpperCase();
      if (index > 0 && SMALL_WORDS.has(lower)) return lower;
      return lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join(' ');
}
