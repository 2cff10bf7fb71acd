import { defineConfig } from '@playwright/test';

// The fixtures site is served on a port chosen per run, so no test can pass because an address was
// written into the build: install commands must use the origin the page was opened at. Set here, in the
// main process, so the workers inherit the same port.
process.env['FIXTURES_PORT'] ??= String(41000 + Math.floor(Math.random() * 9000));
process.env['SERVED_PORT'] ??= String(Number(process.env['FIXTURES_PORT']) + 1);

/** Sites the e2e tests run against: production builds made by `npm run build:test-sites`, served by `astro preview`. */
const sites = {
  default: { port: 4321, outDir: 'dist', base: '/' },
  fixtures: { port: Number(process.env['FIXTURES_PORT']), outDir: '.cache/sites/fixtures', base: '/catalog/' },
  served: { port: Number(process.env['SERVED_PORT']), outDir: '.cache/sites/served', base: '/catalog/' },
  corpora: { port: 4322, outDir: '.cache/sites/corpora', base: '/' },
  hostile: { port: 4324, outDir: '.cache/sites/hostile', base: '/' },
  scale: { port: 4325, outDir: '.cache/sites/scale', base: '/' },
} as const;

const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  forbidOnly: !!process.env['CI'],
  retries: 0,
  workers: 2,
  // Generous: on a shared 2-core machine another build may be running at the same time.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-gpu',
      ],
    },
  },
  projects: [
    ...Object.entries(sites).map(([name, site]) => ({
      name,
      testMatch: `${name}/**/*.spec.ts`,
      use: { baseURL: `http://localhost:${site.port}${site.base}` },
    })),
    // Starts its own `astro dev` on a folder it edits (tests/e2e/dev/dev.spec.ts).
    { name: 'dev', testMatch: 'dev/**/*.spec.ts' },
  ],
  webServer: Object.values(sites).map((site) => ({
    command: `OUT_DIR=${site.outDir} BASE_PATH=${site.base} astro preview --ignore-lock --port ${site.port}`,
    url: `http://localhost:${site.port}${site.base}`,
    reuseExistingServer: !process.env['CI'],
    timeout: 120_000,
  })),
});
