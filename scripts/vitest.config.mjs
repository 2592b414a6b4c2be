// Tests of the scripts themselves (scripts/test/*.test.mjs), run by `npm test` as the "scripts" suite.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['test/**/*.test.mjs'], environment: 'node', testTimeout: 90_000, hookTimeout: 90_000 },
});
