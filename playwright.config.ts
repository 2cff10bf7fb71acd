import { defineConfig } from '@playwright/test';

/** Sites the e2e tests run against: production builds made by `npm run build:test-sites`, served by `astro preview`. */
const sites = {
  default: { port: 4321, outDir: 'dist', base: '/' },
  fixtures: { port: 4323, outDir: '.cache/sites/fixtures', base: '/catalog/' },
  corpora: { port: 4322, outDir: '.cache/sites/corpora', base: '/' },
} as const;

const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  forbidOnly: !!process.env['CI'],
  retries: 0,
  workers: 2,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
    },
  },
  projects: Object.entries(sites).map(([name, site]) => ({
    name,
    testMatch: `${name}/**/*.spec.ts`,
    use: { baseURL: `http://localhost:${site.port}${site.base}` },
  })),
  webServer: Object.values(sites).map((site) => ({
    command: `OUT_DIR=${site.outDir} BASE_PATH=${site.base} astro preview --ignore-lock --port ${site.port}`,
    url: `http://localhost:${site.port}${site.base}`,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
  })),
});
