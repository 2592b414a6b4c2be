import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Property-based tests run a few hundred cases each; keep the whole suite well under a few seconds.
    testTimeout: 20_000,
  },
});
