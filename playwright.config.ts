import { defineConfig } from '@playwright/test'
import { chromiumLaunchOptions } from './tests/support/chromium'

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
  // Two cores shared with other work: one browser at a time keeps timings honest.
  workers: 1,
  fullyParallel: false,
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
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // Never `npx playwright install`: the system Chromium is the one CI has.
    launchOptions: chromiumLaunchOptions,
  },
})
