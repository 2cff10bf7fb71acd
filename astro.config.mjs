// @ts-check
import { createHash } from 'node:crypto';
import path from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import tailwindcss from '@tailwindcss/vite';
import { catalogBuild } from './src/integrations/catalog-build.ts';

// Deployment settings come from the environment so one checkout can build several sites.
const outDir = process.env.OUT_DIR || './dist';
// Each output folder keeps its own cache (content store, incremental pages, manifest), so two builds
// into different folders never read each other's state.
const cacheDir = process.env.OUT_DIR
  ? `./node_modules/.astro/out-${createHash('sha256').update(path.resolve(outDir)).digest('hex').slice(0, 12)}`
  : './node_modules/.astro';

export default defineConfig({
  ...(process.env.SITE_URL ? { site: process.env.SITE_URL } : {}),
  base: process.env.BASE_PATH || '/',
  outDir,
  cacheDir,
  integrations: [mdx(), catalogBuild()],
  experimental: { incrementalBuild: true },
  vite: {
    plugins: [tailwindcss()],
    // The lazily loaded search chunks are tiny; skipping Vite's preload helper saves every page a request.
    build: { modulePreload: false },
  },
});
