import { LIMITS } from '../read/limits.ts';

/** A short, stable hash of a text (FNV-1a, 32 bits, in base 36), to keep cut slugs unique. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** Device names Windows reserves (`CON`, `nul`, `COM1`, `LPT9`, …), whatever follows a dot: no file or folder can be called so there. */
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|conin\$|conout\$|(?:com|lpt)[0-9\u00B9\u00B2\u00B3])$/i;

/** True when a file or folder name cannot exist on Windows because its part before the first dot names a device. */
export function isWindowsDeviceName(name: string): boolean {
  return WINDOWS_DEVICE.test(name.split('.')[0]!.trimEnd());
}

/**
 * The one slug function: lowercase ASCII words joined by hyphens, accents removed ("Café Tools" →
 * `cafe-tools`), never empty. Text longer than the limit is cut and given a hash of the whole, so no
 * page path can exceed what a file system allows and two long names stay apart. A slug Windows reserves for a
 * device (`con`, `lpt1`) gets the fallback word after it, so every path the site writes can be checked out there.
 */
export function slugify(text: string, fallback = 'agent'): string {
  const head = text.length > 4 * LIMITS.slugChars ? text.slice(0, 4 * LIMITS.slugChars) : text;
  const slug = head
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '') return fallback;
  if (isWindowsDeviceName(slug)) return `${slug}-${fallback}`;
  return head === text ? capSlug(slug) : capSlug(slug, text);
}

/** Cuts a slug to the length limit, adding a hash of the whole (or of `whole`) when it had to cut. */
export function capSlug(slug: string, whole: string = slug): string {
  if (slug.length <= LIMITS.slugChars && whole === slug) return slug;
  return `${slug.slice(0, LIMITS.slugChars).replace(/-+$/, '')}-${shortHash(whole)}`;
}

/** Something that wants a slug: its preferred base and a stable qualifier to tell twins apart. */
export interface SlugRequest {
  base: string;
  /** Distinguishes entries with the same base, e.g. `<source>-<folder>-<file>`; must be stable across builds. */
  qualifier: string;
}

/**
 * Gives every request a unique slug in linear time. The first request (in the given order) keeps
 * the bare base; later twins get `<base>--<qualifier>`, numbered if even that repeats. Sort the
 * input first so the result is the same on every build.
 */
export function assignUniqueSlugs(requests: readonly SlugRequest[]): string[] {
  const bases = requests.map((r) => slugify(r.base));
  const bareBases = new Set(bases);
  const taken = new Set<string>();
  const nextNumber = new Map<string, number>();
  return requests.map((request, index) => {
    const base = bases[index]!;
    if (!taken.has(base)) {
      taken.add(base);
      return base;
    }
    const qualified = capSlug(`${base}--${slugify(request.qualifier, 'x')}`);
    let slug = qualified;
    // A qualified slug may collide with another twin's or with another agent's bare name: number it,
    // remembering the last number per prefix so a large group of twins stays linear.
    if (taken.has(slug) || bareBases.has(slug)) {
      let n = nextNumber.get(qualified) ?? 2;
      while (taken.has(`${qualified}-${n}`) || bareBases.has(`${qualified}-${n}`)) n++;
      slug = `${qualified}-${n}`;
      nextNumber.set(qualified, n + 1);
    }
    taken.add(slug);
    return slug;
  });
}
