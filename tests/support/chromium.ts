/**
 * How the tests and benchmarks start a browser: Debian's Chromium (Playwright cannot download
 * its own here, and CI has only this one), with the flags that keep it from dialling out on a
 * closed network — without them it retries connections all the time, which skews timings.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
}
