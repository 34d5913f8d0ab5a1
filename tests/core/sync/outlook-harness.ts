import { startFakeGraph, type FakeGraph, type FakeGraphOptions } from '../../fakes/graph'
import { playGraphBrowser } from '../../fakes/graph/connect'
import type { LoggedRequest } from '../../fakes/shared/http'
import { calendarShop, type CalendarShop } from './shop-harness'

export { ny } from './shop-harness'

export interface OutlookShop extends CalendarShop {
  fake: FakeGraph
  /** The fake's default calendar (the shop's) and a second one (Alex's). */
  shopCal: string
  alexCal: string
  accountId: number
  connect(accountId?: number): Promise<number>
}

export interface OutlookShopOptions {
  now?: string
  timeZone?: string
  fake?: FakeGraphOptions
  pageSize?: number
  bare?: boolean
  /** Replaces the core's environment entries (undefined removes one). */
  env?: Record<string, string | undefined>
  connectTimeoutMs?: number
}

/**
 * The shared shop (shop-harness.ts, pinned on Wednesday 2025-03-05 10:00 New York), its core
 * pointed at a fresh fake Graph + identity server through SHOP_MS_*, connected through MSAL's
 * real interactive flow (the test plays the browser), the default calendar chosen as the shop's.
 */
export async function outlookShop(opts: OutlookShopOptions = {}): Promise<OutlookShop> {
  const start = new Date(opts.now ?? '2025-03-05T15:00:00Z')
  let shop: OutlookShop | null = null
  // The fake reads the shop's clock, which the shop harness owns once it exists.
  const fake = await startFakeGraph({ now: () => (shop ? shop.core.clock.now() : start), ...opts.fake })
  const alexCal = fake.addCalendar({ name: 'Alex Moreno' }).id
  const base = await calendarShop({
    now: start,
    timeZone: opts.timeZone,
    prefix: 'shop-outlook-',
    env: { SHOP_MS_CLIENT_ID: fake.clientId, SHOP_MS_LOGIN_URL: fake.url, SHOP_GRAPH_URL: fake.url, SHOP_SYNC_INTERVAL_S: '3600', ...opts.env },
    connectTimeoutMs: opts.connectTimeoutMs,
    pageSize: opts.pageSize,
    closeFake: () => fake.close(),
  })
  const outlook: OutlookShop = Object.assign(base, {
    fake,
    shopCal: fake.defaultCalendarId,
    alexCal,
    accountId: 0,
    async connect(accountId?: number) {
      const started = await outlook.ok('sync.connect', accountId ? { accountId } : { provider: 'outlook' })
      const back = await playGraphBrowser(started.authorizeUrl)
      if (back.status !== 200) throw new Error(`The loopback answered ${back.status}: ${back.text}`)
      await outlook.sync.connecting(started.accountId)
      return started.accountId
    },
  })
  shop = outlook
  if (!opts.bare) {
    outlook.accountId = await outlook.connect()
    await outlook.ok('sync.chooseCalendar', { accountId: outlook.accountId, remoteId: outlook.shopCal, summary: 'Calendar', role: 'shop' })
  }
  return outlook
}

/** Graph calls the fake answered (batch items included, the `$batch` envelopes not), by method and path. */
export const graphCalls = (fake: FakeGraph, method: string, path: RegExp): LoggedRequest[] =>
  fake.requests().filter((r) => r.method === method && path.test(r.path) && !r.path.endsWith('$batch'))
