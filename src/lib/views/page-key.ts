import { createHash } from 'node:crypto';

/**
 * A stable hash of everything a page shows, for Astro's incremental build: its view model, plus
 * `layoutKey`, what the layout around it shows of the whole site. A page whose key and template are
 * unchanged is kept from the previous build instead of being rendered again.
 */
export function pageKey(view: unknown, layoutKey: string): string {
  return createHash('sha256').update(JSON.stringify(view)).update(layoutKey).digest('hex').slice(0, 32);
}
