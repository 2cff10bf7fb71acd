/** Joins the site base (e.g. `/` or `/catalog/`) and a site-relative path without doubling slashes. */
export function joinBase(base: string, path: string): string {
  const trimmedBase = base.endsWith('/') ? base.slice(0, -1) : base;
  const trimmedPath = path.startsWith('/') ? path : `/${path}`;
  return `${trimmedBase}${trimmedPath}`;
}

/** URL builders for every page of the site, bound to one base path. */
export function createUrls(base: string) {
  const at = (path: string) => joinBase(base, path);
  return {
    /** Home page: all categories. */
    home: () => at('/'),
    /** A category's agent list. */
    category: (id: string) => at(`/categories/${id}/`),
    /** An agent's page. */
    agent: (slug: string) => at(`/agents/${slug}/`),
    /** An agent's raw definition, byte-equal to its source file. */
    raw: (slug: string) => at(`/agents/${slug}.md`),
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
    /** The Pagefind bundle. */
    pagefind: () => at('/pagefind/pagefind.js'),
    /** Files that did not load and every other finding, per source. */
    diagnostics: () => at('/diagnostics/'),
    /** How to install and use agents. */
    about: () => at('/about/'),
    /** A static asset under public/. */
    asset: (path: string) => at(path),
  };
}

/** The URL builders' type. */
export type Urls = ReturnType<typeof createUrls>;

/** A "view source" link for a file, when the source names its repository. */
export function sourceFileUrl(repository: string | undefined, relPath: string): string | undefined {
  if (!repository) return undefined;
  return `${repository}/${relPath.split('/').map(encodeURIComponent).join('/')}`;
}
