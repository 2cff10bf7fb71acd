import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { createIndex, close } from 'pagefind';

/**
 * Builds the Pagefind search index from the finished site at the end of `astro build`, so a build
 * alone produces a complete dist/ and nothing generated lands in public/. Only agent pages carry
 * `data-pagefind-body`, so only they are indexed.
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'subagent-catalog-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
        if (written.errors.length > 0) throw new Error(`Pagefind could not write its bundle: ${written.errors.join('; ')}`);
        await close();
        logger.info(`Indexed ${added.page_count} agent pages for search in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      },
    },
  };
}
