import { z } from 'zod';
import { slugify } from './slugs.ts';

/** A category as a categories file describes it (or as derived from a folder name). */
export const categorySchema = z.object({
  /** Label shown on pages. */
  label: z.string({ error: 'needs a label' }).min(1, 'needs a label'),
  /** One paragraph about the category. */
  description: z.string({ error: 'description must be text' }).optional(),
  /** Sort key; categories without one sort after, by label. */
  order: z.number({ error: 'order must be a finite number (not text, .inf or .nan)' }).optional(),
});

/** Category metadata. */
export type CategoryMeta = z.infer<typeof categorySchema>;

/** Category metadata by category id. A Map, so an id such as `constructor` never reaches Object.prototype. */
export type CategoryTable = Map<string, CategoryMeta>;

/** Category id used for agent files that sit directly in a source folder and name no category. */
export const ROOT_CATEGORY = 'general';

const ORDER_PREFIX = /^(\d{1,6})[-_. ]+/;

/** Category id of a folder name: its slug without a numeric order prefix (`01-core-development` → `core-development`). */
export function categoryIdFromFolder(folder: string): string {
  return slugify(folder.replace(ORDER_PREFIX, ''), 'uncategorised');
}

/** Order hint from a numeric folder prefix (`03-infrastructure` → 3), if there is one. */
export function orderFromFolder(folder: string): number | undefined {
  const match = ORDER_PREFIX.exec(folder);
  return match ? Number(match[1]) : undefined;
}

const SMALL_WORDS = new Set(['and', 'or', 'of', 'the', 'for', 'in', 'on', 'to', 'a', 'an', 'with', 'by', 'vs']);
/** Words written in capitals or with their own casing. */
const SPECIAL_WORDS: ReadonlyMap<string, string> = new Map([
  ...[
    'ai',
    'ml',
    'api',
    'apis',
    'ui',
    'ux',
    'qa',
    'sre',
    'seo',
    'css',
    'html',
    'sql',
    'aws',
    'gcp',
    'iot',
    'llm',
    'llms',
    'mcp',
    'dx',
    'cli',
    'tdd',
    'bdd',
    'ci',
    'cd',
    'nlp',
    'rag',
    'k8s',
    'erp',
    'crm',
    'saas',
    'etl',
    'orm',
    'jvm',
    'php',
    'sdk',
    'devsecops',
  ].map((w) => [w, w.toUpperCase()]),
  ['devops', 'DevOps'],
  ['graphql', 'GraphQL'],
  ['ios', 'iOS'],
  ['javascript', 'JavaScript'],
  ['typescript', 'TypeScript'],
  ['nodejs', 'Node.js'],
  ['fintech', 'FinTech'],
  ['mlops', 'MLOps'],
  ['macos', 'macOS'],
  ['github', 'GitHub'],
  ['gitops', 'GitOps'],
  ['dotnet', '.NET'],
  ['postgresql', 'PostgreSQL'],
  ['mongodb', 'MongoDB'],
  ['cicd', 'CI/CD'],
  ['pr', 'PR'],
  ['prs', 'PRs'],
  ['e2e', 'E2E'],
  ['sso', 'SSO'],
  ['jwt', 'JWT'],
  ['oauth', 'OAuth'],
  ['json', 'JSON'],
  ['yaml', 'YAML'],
  ['ide', 'IDE'],
  ['grpc', 'gRPC'],
  ['http', 'HTTP'],
] as [string, string][]);
/**
 * Words that name a whole field. A folder of exactly two of them (`data-ai`, `quality-security`)
 * names two fields, so its label joins them with `&`; `core-development` does not.
 */
const FIELD_WORDS = new Set(
  'ai ml data analytics analysis research quality security testing business product products meta orchestration infrastructure devops design ux ui operations ops marketing sales finance legal content documentation docs api apis graphql web mobile cloud databases performance monitoring automation compliance support strategy growth education health gaming blockchain crypto architecture management'.split(
    ' ',
  ),
);

function casedWord(word: string, index: number): string {
  const lower = word.toLowerCase();
  const special = SPECIAL_WORDS.get(lower);
  if (special) return special;
  if (index > 0 && SMALL_WORDS.has(lower)) return lower;
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/**
 * Human label from a folder name: `01-core-development` → `Core Development`, `data-ai` → `Data & AI`,
 * `api-graphql` → `API & GraphQL`, `tdd-workflows` → `TDD Workflows`.
 */
export function labelFromFolder(folder: string): string {
  // A `category:` value may name a path (`specialized/python`): each part is labelled on its own.
  if (folder.includes('/'))
    return (
      folder
        .split('/')
        .filter((part) => part.trim() !== '')
        .map(labelFromFolder)
        .join(' / ') || 'Uncategorised'
    );
  const words = folder
    .replace(ORDER_PREFIX, '')
    .split(/[-_\s]+/)
    .filter((w) => w !== '')
    .slice(0, 12);
  if (words.length === 0) return 'Uncategorised';
  const cased = words.map(casedWord);
  if (cased.length === 2 && words.every((w) => FIELD_WORDS.has(w.toLowerCase()))) return `${cased[0]} & ${cased[1]}`;
  return cased.join(' ');
}

/** A problem in a categories file: which entry, and what is wrong. */
export interface CategoryProblem {
  key: string | undefined;
  message: string;
}

/** Reads the parsed content of a categories file. Bad entries are reported and left out, never fatal. */
export function readCategoryEntries(data: ReadonlyMap<string, unknown>): { table: CategoryTable; problems: CategoryProblem[] } {
  const table: CategoryTable = new Map();
  const problems: CategoryProblem[] = [];
  for (const [key, value] of data) {
    const parsed = categorySchema.safeParse(value ?? {});
    if (!parsed.success) {
      problems.push({ key, message: `category "${key}": ${parsed.error.issues.map((i) => i.message).join('; ')}` });
      continue;
    }
    table.set(categoryIdFromFolder(key), parsed.data);
  }
  return { table, problems };
}

/** The one rule for a category's label: its metadata's, or the label its folder reads as. */
export function categoryLabelOf(
  agent: { categoryId: string; categoryFolder: string },
  categories: ReadonlyMap<string, CategoryMeta>,
): string {
  return categories.get(agent.categoryId)?.label ?? labelFromFolder(agent.categoryFolder);
}
