import type { Locator, Page } from '@playwright/test'
import { test as base, expect } from '../fixtures'
import { startFakeGoogle, type FakeGoogle } from '../../fakes/google'
import { startShopServer, type ShopServer } from './shop-server'
import type { ShopHttpClient } from './shop-client'

export const SHOP_CAL = 'shop-bookings@group.calendar.google.com'
export const ALEX_CAL = 'alex.moreno@example.com'

/**
 * The suite's fixtures, with the shop's core pointed at its own in-process fake Google
 * (OAuth and Calendar API), its client id and secret given as the installation's defaults,
 * and no background rounds: only "Sync now" (and a reconnect) sync.
 */
export const test = base.extend<{ google: FakeGoogle }>({
  // Playwright reads a fixture's dependencies from its destructuring: this one has none.
  // eslint-disable-next-line no-empty-pattern
  google: async ({}, use) => {
    const fake = await startFakeGoogle({ quotaPerMinute: null })
    fake.addCalendar({ id: SHOP_CAL, summary: 'Shop bookings', timeZone: 'America/New_York' })
    fake.addCalendar({ id: ALEX_CAL, summary: 'Alex Moreno', timeZone: 'America/New_York' })
    try {
      await use(fake)
    } finally {
      await fake.close()
    }
  },
  shop: async ({ shopNow, shopTimeZone, google }, use) => {
    await useShopWith(
      { now: shopNow, timeZone: shopTimeZone },
      {
        SHOP_GOOGLE_CLIENT_ID: google.clientId,
        SHOP_GOOGLE_CLIENT_SECRET: google.clientSecret,
        SHOP_GOOGLE_OAUTH_URL: google.url,
        SHOP_GOOGLE_API_URL: google.url,
      },
      use,
    )
  },
})

export { expect }

/**
 * Runs a test's shop server with a calendar provider's environment (its fake's endpoints and
 * client), and no background rounds: only "Sync now" (and a reconnect) sync.
 */
export async function useShopWith(
  clock: { now: string; timeZone: string },
  env: Record<string, string>,
  use: (shop: ShopServer) => Promise<void>,
): Promise<void> {
  const shop = await startShopServer({ ...clock, env: { ...env, SHOP_SYNC_INTERVAL_S: '3600' } })
  try {
    await use(shop)
  } finally {
    await shop.close()
  }
}

/** Google's consent in the fake: authorize answers a redirect to the app's loopback listener, followed. */
async function googleConsent(authorizeUrl: string): Promise<{ status: number; text: string }> {
  const consent = await fetch(authorizeUrl, { redirect: 'manual' })
  expect(consent.status).toBe(302)
  const back = await fetch(consent.headers.get('location')!)
  return { status: back.status, text: await back.text() }
}

/**
 * Plays the system browser for a sign-in the page is waiting on: reads the authorize URL the
 * app offers ("Open the sign-in page"), lets the fake consent (`browse`: Google's by default),
 * and brings its answer back to the app's loopback listener.
 */
export async function playBrowser(page: Page, browse: (authorizeUrl: string) => Promise<{ status: number; text: string }> = googleConsent): Promise<void> {
  const waiting = page.getByRole('status', { name: 'Waiting for the browser' })
  await expect(waiting).toContainText('Waiting for the browser…')
  const authorizeUrl = await waiting.getByRole('link', { name: 'Open the sign-in page' }).getAttribute('href')
  expect(authorizeUrl).toBeTruthy()
  const back = await browse(authorizeUrl!)
  expect(back.status, back.text).toBe(200)
}

/**
 * Connects the fake Google account from Settings → Calendar accounts (the test plays the
 * browser) and shows every booking on "Shop bookings"; answers the account and its card.
 */
export async function connectShopCalendar(page: Page, shop: ShopHttpClient): Promise<{ accountId: number; card: Locator }> {
  await page.goto('/#/settings?tab=calendars')
  await page.getByRole('button', { name: 'Connect Google' }).click()
  await playBrowser(page)
  const card = page.getByRole('region', { name: 'Google account shop.owner@example.com' })
  await expect(card).toContainText('Connected')
  const account = (await shop.call('sync.accounts', {}))[0]!
  await shop.call('sync.chooseCalendar', { accountId: account.id, remoteId: SHOP_CAL, summary: 'Shop bookings', role: 'shop' })
  return { accountId: account.id, card }
}
