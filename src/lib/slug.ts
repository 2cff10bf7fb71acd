/** Lowercase, ASCII, hyphen-separated slug of any text; never empty. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'agent';
}

/** Something that wants a slug: its preferred base and a stable qualifier to tell twins apart. */
export interface SlugRequest {
  base: string;
  /** Distinguishes entries with the same base, e.g. `<source>-<category>`; must be stable across builds. */
  qualifier: string;
}

/**
 * Gives every request a unique slug. The first request (in the given order) keeps the bare base;
 * later twins get `<base>--<qualifier>`, numbered if even that repeats. Sort the input first so
 * the result is the same on every build.
 */
export function assignUniqueSlugs(requests: readonly SlugRequest[]): string[] {
  const taken = new Set<string>();
  const bases = new Set(requests.map((r) => slugify(r.base)));
  return requests.map((request) => {
    const base = slugify(request.base);
    let slug = taken.has(base) ? `${base}--${slugify(request.qualifier)}` : base;
    // A qualified slug may itself collide with another agent's bare base name.
    for (let n = 2; taken.has(slug) || (slug !== base && bases.has(slug)); n++) slug = `${base}--${slugify(request.qualifier)}-${n}`;
    taken.add(slug);
    return slug;
  });
}
