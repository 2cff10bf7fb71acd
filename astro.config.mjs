// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import tailwindcss from '@tailwindcss/vite';
import { pagefindIndex } from './src/integrations/pagefind-index.ts';
import { buildReport } from './src/integrations/build-report.ts';

// Deployment settings come from the environment so one checkout can build several sites.
export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  base: process.env.BASE_PATH || '/',
  outDir: process.env.OUT_DIR || './dist',
  integrations: [mdx(), pagefindIndex(), buildReport()],
  vite: {
    plugins: [tailwindcss()],
    // The lazily loaded search chunks are tiny; skipping Vite's preload helper saves every page a request.
    build: { modulePreload: false },
  },
});
