import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { catalogScan } from '../lib/loader.ts';
import { formatSummary } from '../lib/report.ts';

/** Prints what happened to every agent file (pages, skipped files, finding counts) when the build ends. */
export function buildReport(): AstroIntegration {
  let root = '';
  return {
    name: 'subagent-catalog-report',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': ({ logger }) => {
        const { scan } = catalogScan(root);
        for (const line of formatSummary(scan)) logger.info(line);
        logger.info('Every finding, with its line and fix: the /diagnostics/ page, or npm run check:agents');
      },
    },
  };
}
