import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // The corpus tests read 1,237 files; give them room on a 2-core machine.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          // Runs the real Claude Code (installed from npm into a cache folder on first use) on every folder of agents.
          name: 'conformance',
          include: ['tests/conformance/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
