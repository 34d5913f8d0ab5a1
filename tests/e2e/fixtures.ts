/**
 * Playwright fixtures for the whole e2e suite. Import `test` and `expect` from here, not from
 * '@playwright/test'.
 *
 * Every test gets its own shop: the real core on a fresh SQLite file in a temp folder, behind
 * the real HTTP bridge on a free port, with the clock pinned at `shopNow` (default
 * 2026-03-10 11:00 in New York, a Tuesday) both in the core and in the browser. `baseURL` points
 * at that bridge, so `page.goto('/#/vehicles')` opens the app on the test's own data.
 *
 * @example
 * import { test, expect } from './fixtures'
 * test.use({ shopNow: '2026-06-01T13:00:00Z' })
 * test('lists a seeded vehicle', async ({ page, shop }) => {
 *   await seedVehicle(shop, { make: 'Mazda', model: 'CX-5' })
 *   await page.goto('/#/vehicles')
 *   await expect(page.getByRole('row', { name: /Mazda CX-5/ })).toBeVisible()
 * })
 */
import { test as base, expect } from '@playwright/test'
import { startShopServer, type ShopServer } from './support/shop-server'

export interface ShopOptions {
  /** The instant both the core and the browser take as "now". */
  shopNow: string
  /** The shop's IANA time zone: a new database's setting and the browser's zone. */
  shopTimeZone: string
  /** Fail the test when the page throws an uncaught error (default on). */
  failOnPageError: boolean
}

export interface ShopFixtures {
  /** This test's running shop: its URL, database file and a typed client of its channels. */
  shop: ShopServer
}

export const DEFAULT_NOW = '2026-03-10T15:00:00.000Z'
export const DEFAULT_TIME_ZONE = 'America/New_York'

export const test = base.extend<ShopOptions & ShopFixtures>({
  shopNow: [DEFAULT_NOW, { option: true }],
  shopTimeZone: [DEFAULT_TIME_ZONE, { option: true }],
  failOnPageError: [true, { option: true }],

  shop: async ({ shopNow, shopTimeZone }, use) => {
    const shop = await startShopServer({ now: shopNow, timeZone: shopTimeZone })
    try {
      await use(shop)
    } finally {
      await shop.close()
    }
  },

  baseURL: async ({ shop }, use) => use(shop.url),
  timezoneId: async ({ shopTimeZone }, use) => use(shopTimeZone),

  page: async ({ page, shopNow, failOnPageError }, use) => {
    // Date.now() answers the pinned instant while timers keep running, so "today" on screen is
    // the core's today and nothing waits on a frozen clock.
    await page.clock.setFixedTime(new Date(shopNow))
    const errors: Error[] = []
    page.on('pageerror', (error) => errors.push(error))
    await use(page)
    if (failOnPageError)
      expect(
        errors.map((e) => e.stack ?? e.message),
        'uncaught errors in the page',
      ).toEqual([])
  },
})

export { expect }
export { expectNoSeriousA11yViolations } from './support/axe'
export { seedCustomer, seedVehicle, seedFrontDesk, uniqueVin, vin, FRONT_DESK_BOOK } from './support/seed'
export type { ShopServer } from './support/shop-server'
