import { z } from 'zod';

/**
 * Which agent pages a build renders and which it keeps from the previous build, decided by the site itself
 * rather than by Astro's incremental build. Astro keeps a copy in its cache of every page it may skip, which
 * at 10,000 agents is 20,000 more files and 547 MB more to write and, before a clean build, to delete. Side by
 * side with Starlight (../shared/bench/vs-starlight.sh 10000), a cold build of 10,000 agents took 62.7 s with
 * that copy against Starlight's 111.2 s (0.56), and 50.4 s without it against 120.4 s (0.42). A kept page is
 * the file the previous build wrote, still in place.
 */

/** What a build records of its agent pages, for the next build to compare with. */
export interface AgentPagesRecord {
  version: 1;
  /** The digest of the code and settings that rendered the pages: another digest renders every page. */
  codeDigest: string;
  /** Each agent page's key (its `pageKey`), by slug. */
  keys: Record<string, string>;
  /** The slugs of the pages this build kept and did not render, so the build can still list them. */
  kept: string[];
}

const recordSchema = z.object({
  version: z.literal(1),
  codeDigest: z.string(),
  keys: z.record(z.string(), z.string()),
  kept: z.array(z.string()),
});

/** The record a previous build wrote, or undefined when there is none or it cannot be read: then every page renders. */
export function parseAgentPagesRecord(text: string | undefined): AgentPagesRecord | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = recordSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The agent pages to render now, and the record to keep if this build succeeds. A page is kept when the
 * previous build ran the same code (`codeDigest`), gave it the same key, and its file is still there.
 */
export function planAgentPages(
  pages: readonly { slug: string; key: string }[],
  previous: AgentPagesRecord | undefined,
  codeDigest: string,
  pageExists: (slug: string) => boolean,
): { render: Set<string>; record: AgentPagesRecord } {
  const render = new Set<string>();
  const kept: string[] = [];
  const keys: Record<string, string> = {};
  const sameCode = previous?.codeDigest === codeDigest;
  for (const { slug, key } of pages) {
    keys[slug] = key;
    if (sameCode && previous.keys[slug] === key && pageExists(slug)) kept.push(slug);
    else render.add(slug);
  }
  return { render, record: { version: 1, codeDigest, keys, kept } };
}
