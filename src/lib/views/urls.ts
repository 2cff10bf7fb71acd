/** Joins the site base (e.g. `/` or `/catalog/`) and a site-relative path without doubling slashes. */
export function joinBase(base: string, path: string): string {
  const trimmedBase = base.endsWith('/') ? base.slice(0, -1) : base;
  const trimmedPath = path.startsWith('/') ? path : `/${path}`;
  return `${trimmedBase}${trimmedPath}`;
}

/** The path of page `n` of a paged list whose first page is `first` (which ends with `/`). */
export function pagePath(first: string, n: number): string {
  return n <= 1 ? first : `${first}page/${n}/`;
}

/** URL builders for every page of the site, bound to one base path. */
export function createUrls(base: string) {
  const at = (path: string) => joinBase(base, path);
  return {
    /** Home page. */
    home: () => at('/'),
    /** Every category, grouped by source. */
    categories: () => at('/categories/'),
    /** A category's agent list. */
    category: (id: string) => at(`/categories/${id}/`),
    /** Every agent, A to Z. */
    agents: () => at('/agents/'),
    /** An agent's page. */
    agent: (slug: string) => at(`/agents/${slug}/`),
    /** An agent's raw definition, byte-equal to its source file. */
    raw: (slug: string) => at(`/agents/${slug}.md`),
    /** An agent's JSON: its open-data record and its `claude --agents` form. */
    agentJson: (slug: string) => at(`/agents/${slug}.json`),
    /** Agents that share one name. */
    name: (slug: string) => at(`/names/${slug}/`),
    /** One source's agents. */
    source: (id: string) => at(`/sources/${id}/`),
    /** The tool index. */
    tools: () => at('/tools/'),
    /** Agents that use one tool, by the tool's facet slug. */
    tool: (slug: string) => at(`/tools/${slug}/`),
    /** The skill and technology index. */
    skills: () => at('/skills/'),
    /** Agents that know one skill or technology. */
    skill: (slug: string) => at(`/skills/${slug}/`),
    /** The model index. */
    models: () => at('/models/'),
    /** Agents pinned to one model family. */
    model: (slug: string) => at(`/models/${slug}/`),
    /** Full search page, optionally with a query string such as `?tool=Bash`. */
    search: (query = '') => at(`/search/${query}`),
    /** The bundle: agents chosen to install together. */
    bundle: () => at('/bundle/'),
    /** The Pagefind bundle. */
    pagefind: () => at('/pagefind/pagefind.js'),
    /** Compact rows of every agent, for sorting and filtering lists in the browser. */
    rows: () => at('/data/rows.json'),
    /** Files that did not load and every other finding, per source and rule. */
    diagnostics: () => at('/diagnostics/'),
    /** Every finding of one rule. */
    rule: (id: string) => at(`/diagnostics/${id}/`),
    /** How to install and use agents. */
    about: () => at('/about/'),
    /** A static asset under public/, or a file written at build time. */
    asset: (path: string) => at(path),
  };
}

/** The URL builders' type. */
export type Urls = ReturnType<typeof createUrls>;

/** A "view upstream" link for a file, when the source names its repository. */
export function sourceFileUrl(repository: string | undefined, relPath: string): string | undefined {
  if (!repository) return undefined;
  return `${repository}/${relPath.split('/').map(encodeURIComponent).join('/')}`;
}
