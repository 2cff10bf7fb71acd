import { createHash } from 'node:crypto';

/**
 * A stable hash of everything a page shows: its view model, plus `layoutKey`, what the layout around it
 * shows of the whole site. A page whose key and code are unchanged is kept from the previous build instead
 * of being rendered again (list pages by Astro's incremental build, agent pages by kept-pages.ts).
 */
export function pageKey(view: unknown, layoutKey: string): string {
  return createHash('sha256').update(JSON.stringify(view)).update(layoutKey).digest('hex').slice(0, 32);
}
