import { availableParallelism } from 'node:os'
import { defineConfig } from '@playwright/test'
import { chromiumLaunchOptions } from './tests/support/chromium'

/**
 * Browsers at once. Every test has its own core, SQLite file in its own temp folder, bridge on
 * a free port (port 0), fakes on free ports and its own browser context (tests/e2e/fixtures.ts),
 * so tests share nothing and any number of workers is safe. Each worker is a Node process
 * (core + bridge) plus a Chromium, about two cores' worth when busy: one per two cores, at
 * least one, at most four. `PW_WORKERS=n` overrides it (`--workers` too).
 */
export const E2E_WORKERS = Number(process.env.PW_WORKERS) || Math.max(1, Math.min(4, Math.floor(availableParallelism() / 2)))

/**
 * End-to-end tests: Debian's Chromium drives the built renderer through the HTTP bridge,
 * against the real core and a fresh SQLite file per test (see tests/e2e/fixtures.ts).
 * `npm run test:e2e` builds the renderer first; the bridge serves `out/renderer`.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // Screenshot specs (`*.screens.spec.ts`) are for a person to look at, not checks: `npm run screenshots`.
  testIgnore: '**/*.screens.spec.ts',
  // Serves a copy of out/renderer taken at the start, so a rebuild mid-run changes nothing.
  globalSetup: './tests/e2e/support/global-setup.ts',
  workers: E2E_WORKERS,
  // Tests, not files, are shared out: a few files hold most of the slow tests.
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    // The shop's time zone in every e2e database (fixtures.ts), so what the browser shows matches.
    timezoneId: 'America/New_York',
    // Libraries that honour it skip their animations, so nothing is read mid-fade
    // (support/motion.ts waits out what still moves).
    contextOptions: { reducedMotion: 'reduce' },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // Never `npx playwright install`: the system Chromium is the one CI has.
    launchOptions: chromiumLaunchOptions,
  },
})
