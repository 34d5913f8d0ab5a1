import { test as base } from '../fixtures'
import { startFakeGraph, type FakeGraph } from '../../fakes/graph'
import { playGraphBrowser } from '../../fakes/graph/connect'
import { expect, playBrowser, useShopWith } from './google-shop'
import type { Page } from '@playwright/test'

/** The fake's signed-in user, and the second calendar it holds beside its default "Calendar". */
export const OUTLOOK_USER = 'owner@shop.example.com'
export const OUTLOOK_ALEX_CAL = 'Alex Moreno'

/**
 * The suite's fixtures with the shop's core pointed at its own in-process fake Microsoft
 * identity + Graph (`tests/fakes/graph`) through SHOP_MS_*, the Entra client id given as the
 * installation's default; its clock is the shop's.
 */
export const test = base.extend<{ graph: FakeGraph }>({
  graph: async ({ shopNow }, use) => {
    const fake = await startFakeGraph({ now: () => new Date(shopNow) })
    fake.addCalendar({ name: OUTLOOK_ALEX_CAL })
    try {
      await use(fake)
    } finally {
      await fake.close()
    }
  },
  shop: async ({ shopNow, shopTimeZone, graph }, use) => {
    await useShopWith(
      { now: shopNow, timeZone: shopTimeZone },
      { SHOP_MS_CLIENT_ID: graph.clientId, SHOP_MS_LOGIN_URL: graph.url, SHOP_GRAPH_URL: graph.url },
      use,
    )
  },
})

export { expect }

/** Plays the browser for an Outlook sign-in: the fake's consent, then its form_post (or redirect) back to MSAL's listener. */
export const playOutlookBrowser = (page: Page): Promise<void> => playBrowser(page, playGraphBrowser)
