import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { freePort } from '../helpers/postgres'
import { test as base, expect } from './fixtures'
import { seedBusyWeek } from './support/busy-week-seed'
import { saveScreen } from './support/screens'
import { startShopServer } from './support/shop-server'

// Screenshots of Settings → Database and of the offline banner, for a person to look at
// (.tmp/screens). Each waits for what it shows, so none can pass blank.

const CLUSTER = 'scripts/postgres/throwaway-cluster.sh'
const PG_NEEDED = 'needs PostgreSQL: SHOP_TEST_PG_URL says this run has it (.ci/run starts one)'

/** A PostgreSQL cluster of the test's own, so stopping it takes no other test's server away. */
async function ownCluster() {
  const dir = mkdtempSync(join(tmpdir(), 'shop-pg-screens-'))
  const url = execFileSync('bash', [CLUSTER, 'start', dir, String(await freePort())], { encoding: 'utf8' }).trim()
  return { url, halt: () => void execFileSync('bash', [CLUSTER, 'halt', dir]), stop: () => void execFileSync('bash', [CLUSTER, 'stop', dir]) }
}

/** A desk running on a server of its own (instead of its file), which the test can stop. */
const test = base.extend<{ onServer: boolean; cluster: Awaited<ReturnType<typeof ownCluster>> | null }>({
  onServer: [false, { option: true }],
  cluster: async ({ onServer }, use) => {
    if (!onServer || !process.env.SHOP_TEST_PG_URL) return use(null)
    const cluster = await ownCluster()
    try {
      await use(cluster)
    } finally {
      cluster.stop()
    }
  },
  shop: async ({ cluster, shopNow, shopTimeZone }, use) => {
    const shop = await startShopServer({ now: shopNow, timeZone: shopTimeZone, ...(cluster ? { dbUrl: cluster.url } : {}) })
    try {
      await use(shop)
    } finally {
      await shop.close()
    }
  },
})

async function openDatabaseTab(page: Page) {
  await page.goto('/#/settings?tab=database')
  // The settings chunk loads lazily; on a busy shared machine that takes seconds.
  await expect(page.getByRole('group', { name: 'Database in use' })).toContainText('This desk uses', { timeout: 15_000 })
  await expect(page.getByRole('heading', { name: 'Backups' })).toBeVisible()
}

test.describe('screens: Settings → Database and the offline banner', () => {
  test('Settings → Database on the local file, and Test connection on a server that is not there', async ({ page, shop }) => {
    await seedBusyWeek(shop, shop.timeZone)
    await openDatabaseTab(page)
    await saveScreen(page, 'settings-database')
    await saveScreen(page, 'settings-database-full', { fullPage: true })

    const form = page.getByRole('form', { name: 'Database server' })
    await form.getByRole('textbox', { name: 'Server (host name or address)' }).fill('127.0.0.1')
    await form.getByRole('textbox', { name: 'Port' }).fill(String(await freePort()))
    await form.getByRole('textbox', { name: 'Database' }).fill('shop')
    await form.getByRole('textbox', { name: 'User' }).fill('frontdesk')
    await form.getByRole('textbox', { name: 'Password' }).fill('desk-secret')
    await form.getByRole('button', { name: 'Test connection' }).click()
    await expect(form.getByRole('alert')).toContainText('cannot be reached')
    await form.scrollIntoViewIfNeeded()
    await saveScreen(page, 'settings-database-unreachable')
  })

  test('Settings → Database once a server answers: connected, then chosen for the next start', async ({ page, shop }) => {
    const server = process.env.SHOP_TEST_PG_URL
    test.skip(!server, PG_NEEDED)
    await seedBusyWeek(shop, shop.timeZone)
    await openDatabaseTab(page)
    const u = new URL(server!)
    const form = page.getByRole('form', { name: 'Database server' })
    await form.getByRole('textbox', { name: 'Server (host name or address)' }).fill(u.hostname)
    await form.getByRole('textbox', { name: 'Port' }).fill(u.port)
    await form.getByRole('textbox', { name: 'Database' }).fill(u.pathname.slice(1))
    await form.getByRole('textbox', { name: 'User' }).fill(decodeURIComponent(u.username))
    await form.getByRole('button', { name: 'Test connection' }).click()
    await expect(form.getByRole('status').filter({ hasText: 'Connected' })).toContainText(/Connected to PostgreSQL \d+/)
    await saveScreen(page, 'settings-database-connected')

    await form.getByRole('button', { name: 'Use this server' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Restart to switch' })).toContainText('From its next start this desk uses')
    await saveScreen(page, 'settings-database-restart')
  })

  test.describe("a desk on the shop's server", () => {
    test.use({ onServer: true })
    test('the offline banner over the Calendar and Today when the server stops under an open desk', async ({ page, shop, cluster }) => {
      test.skip(!cluster, PG_NEEDED)
      await seedBusyWeek(shop, shop.timeZone)
      // As at the front desk: this desk chose the server in Settings → Database and started again on it.
      const server = new URL(cluster!.url)
      await shop.call('database.useServer', { host: server.hostname, port: Number(server.port), database: 'postgres', user: 'postgres', password: '' })

      await openDatabaseTab(page)
      await expect(page.getByRole('group', { name: 'Database in use' })).toContainText("This desk uses the shop's database server")
      await expect(page.getByText('Restart to switch')).toHaveCount(0)
      await saveScreen(page, 'settings-database-on-server')

      // Both pages read once while the server answers: what the desk last read stays on screen.
      const nav = page.getByRole('navigation')
      await nav.getByRole('link', { name: 'Today' }).click()
      await expect(page.getByRole('region', { name: 'Booked today' }).locator('[data-activity-id]').first()).toBeVisible()
      await nav.getByRole('link', { name: 'Calendar' }).click()
      await expect(page.locator('.rbc-event').first()).toBeVisible()

      cluster!.halt()
      const banner = page.getByRole('alert').filter({ hasText: 'cannot be reached' })
      await expect(banner).toBeVisible({ timeout: 20_000 })
      await expect(page.locator('.rbc-event').first()).toBeVisible()
      await saveScreen(page, 'offline-calendar')

      await nav.getByRole('link', { name: 'Today' }).click()
      await expect(page.getByRole('region', { name: 'Booked today' }).locator('[data-activity-id]').first()).toBeVisible()
      await expect(banner).toBeVisible()
      await saveScreen(page, 'offline-today')
    })
  })
})
