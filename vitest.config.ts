import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

// The core's tests run twice, a matrix over the two databases the app supports: the local
// SQLite file (every test file) and a shop's PostgreSQL server (tests/core, on a throw-away
// server; see tests/helpers/postgres-setup.ts).
export default defineConfig({
  test: {
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Real SQLite files; each test file gets its own temp folder and binds only free ports
    // (port 0), so files can run in parallel.
    pool: 'forks',
    // Vitest's default is one fork fewer than the cores: a single fork on a two-core machine.
    // The files wait on SQLite, sockets and child processes as much as on the CPU, so one per
    // core (two to four) is faster: on two loaded cores, tests/core/activities + invites took
    // 63-69 s with two forks against 89-116 s with one.
    maxWorkers: Math.max(2, Math.min(4, availableParallelism())),
    testTimeout: 20_000,
    projects: [
      // Only `*.test.ts`: benchmarks (tests/bench, `npm run bench`) are plain scripts and never run here.
      { extends: true, test: { name: 'sqlite', include: ['tests/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['tests/core/**/*.test.ts'],
          env: { SHOP_TEST_DB: 'postgres' },
          globalSetup: ['tests/helpers/postgres-setup.ts'],
        },
      },
    ],
  },
})
