// @ts-check
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { catalogBuild } from './src/build/catalog-build.ts';
import { THEME_SCRIPT } from './src/theme-script.ts';

// Deployment settings come from the environment so one checkout can build several sites.
const root = path.dirname(fileURLToPath(import.meta.url));
const requestedOutDir = path.resolve(root, process.env.OUT_DIR || 'dist');
const outDirKey = createHash('sha256').update(requestedOutDir).digest('hex').slice(0, 12);
// Each output folder keeps its own cache (content store, incremental pages, manifest), so two builds
// into different folders never read each other's state.
const cacheDir = process.env.OUT_DIR ? path.join(root, 'node_modules/.astro', `out-${outDirKey}`) : path.join(root, 'node_modules/.astro');
// Astro decides whether outDir is inside the project by comparing path prefixes, so a sibling such as
// ../main-dist next to main is mistaken for a folder inside it and the build cannot resolve packages.
// A build into any folder outside the project therefore renders inside the cache and moves the result.
const outside = path.relative(root, requestedOutDir).startsWith('..') || path.isAbsolute(path.relative(root, requestedOutDir));
const building = process.argv.includes('build');
const outDir = outside && building ? path.join(cacheDir, 'staged-dist') : requestedOutDir;

// Agent pages a rebuild keeps are not rendered, so Astro does not list them: the catalogue adds them here for the sitemap.
/** @type {string[]} */
const keptAgentPages = [];

export default defineConfig({
  ...(process.env.SITE_URL ? { site: process.env.SITE_URL } : {}),
  base: process.env.BASE_PATH || '/',
  outDir,
  cacheDir,
  // The sitemap needs the site's address; without SITE_URL it is left out (robots.txt then names none).
  integrations: [
    mdx(),
    ...(process.env.SITE_URL ? [sitemap({ customPages: keptAgentPages })] : []),
    catalogBuild({ sitemapPages: keptAgentPages, ...(outDir === requestedOutDir ? {} : { publishTo: requestedOutDir }) }),
  ],
  // Pages are written while the next ones render; Astro still honours the incremental cache at this setting.
  build: { concurrency: 4 },
  // Prompts are rendered by src/lib/text/markdown.ts and the MDX guide has no code fences, so Shiki would load for nothing.
  markdown: { syntaxHighlight: false },
  experimental: { incrementalBuild: true },
  // A Content-Security-Policy on every page, so a script that got into a page despite the escaping would not run:
  // Astro hashes its bundled scripts and styles; the theme script's hash is added here, and Pagefind's search
  // engine needs 'wasm-unsafe-eval' to compile its WebAssembly. No inline handlers or styles are allowed.
  security: {
    csp: {
      scriptDirective: {
        resources: ["'self'", "'wasm-unsafe-eval'"],
        hashes: [`sha256-${createHash('sha256').update(THEME_SCRIPT).digest('base64')}`],
      },
      styleDirective: { resources: ["'self'"] },
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  vite: {
    plugins: [tailwindcss()],
    // The lazily loaded search chunks are tiny; skipping Vite's preload helper saves every page a request.
    build: { modulePreload: false },
    // The test sites and their sources (tens of thousands of files, symlink loops on purpose) are not code to watch.
    server: { watch: { ignored: ['**/.cache/**', '**/dist/**', '**/test-results/**'] } },
  },
});
