// Cross-package tests: test/api (real BFF over HTTP against the real MariaDB test database) and test/e2e
// (H5 build in Debian's Chromium via playwright-core). Run by `npm test` (scripts/test.mjs), or directly:
//   npx vitest run --config test/vitest.config.ts [test/api/…]
// One shared database, so files run one at a time.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const shared = {
  environment: 'node' as const,
  globalSetup: ['test/setup/global.ts'],
  setupFiles: ['test/setup/env.ts'],
  hookTimeout: 120_000,
  fileParallelism: false,
};

export default defineConfig({
  root,
  test: {
    fileParallelism: false,
    maxWorkers: 1,
    projects: [
      { root, test: { ...shared, name: 'api', include: ['test/api/**/*.test.ts'], testTimeout: 20_000 } },
      { root, test: { ...shared, name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 60_000 } },
    ],
  },
});
