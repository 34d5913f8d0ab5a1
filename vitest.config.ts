import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // Only `*.test.ts`: benchmarks (tests/bench, `npm run bench`) are plain scripts and never run here.
    include: ['tests/**/*.test.ts'],
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
  },
})
