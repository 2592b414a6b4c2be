import { defineConfig } from 'vitest/config'

// Unit tests of the BFF (no database, no network beyond loopback). Cross-package API tests live in ../test/api.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 15_000
  }
})
