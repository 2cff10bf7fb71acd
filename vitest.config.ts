import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // The corpus tests read 1,237 files; give them room on a 2-core machine.
    testTimeout: 60_000,
  },
});
