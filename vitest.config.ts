import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Real SQLite files; each test file gets its own temp folder, so files can run in parallel.
    pool: 'forks',
    testTimeout: 20_000,
  },
})
