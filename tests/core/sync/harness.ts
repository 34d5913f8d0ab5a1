import type { ChannelInput, ChannelName, ChannelResult } from '../../../shared/contract'
import { startFakeGoogle, type FakeGoogle, type FakeGoogleOptions } from '../../fakes/google'
import { consent } from '../../fakes/google/connect'
import { calendarShop, type CalendarShop } from './shop-harness'

export { ny, type FetchHook } from './shop-harness'

export const SHOP_CAL = 'shop-bookings@group.calendar.google.com'
export const ALEX_CAL = 'alex.moreno@example.com'

export interface SyncShop extends CalendarShop {
  fake: FakeGoogle
  refused<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<{ code: string; message: string }>
  ok<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>>
  /** Plays the browser through the whole consent, and waits until the account is connected. */
  connect(accountId?: number): Promise<number>
}

export interface SyncShopOptions {
  now?: string
  timeZone?: string
  fake?: FakeGoogleOptions
  pageSize?: number
  /** Skip connecting an account and choosing the shop calendar. */
  bare?: boolean
}

/**
 * The shared shop (shop-harness.ts) whose core talks to a fresh fake Google, connected
 * through the real OAuth flow, with the shop calendar chosen. The clock is pinned on a
 * Wednesday, 2025-03-05 10:00 New York.
 */
export async function syncShop(opts: SyncShopOptions = {}): Promise<SyncShop> {
  const fake = await startFakeGoogle({ quotaPerMinute: null, ...opts.fake })
  fake.addCalendar({ id: SHOP_CAL, summary: 'Shop bookings', timeZone: opts.timeZone ?? 'America/New_York' })
  fake.addCalendar({ id: ALEX_CAL, summary: 'Alex Moreno', timeZone: opts.timeZone ?? 'America/New_York' })
  const base = await calendarShop({
    now: new Date(opts.now ?? '2025-03-05T15:00:00Z'),
    timeZone: opts.timeZone,
    prefix: 'shop-sync-',
    env: {
      SHOP_GOOGLE_CLIENT_ID: fake.clientId,
      SHOP_GOOGLE_CLIENT_SECRET: fake.clientSecret,
      SHOP_GOOGLE_OAUTH_URL: fake.url,
      SHOP_GOOGLE_API_URL: fake.url,
      SHOP_SYNC_INTERVAL_S: '3600',
    },
    pageSize: opts.pageSize,
    closeFake: () => fake.close(),
  })
  const shop = Object.assign(base, {
    fake,
    async connect(accountId?: number) {
      const started = await shop.ok('sync.connect', accountId ? { accountId } : {})
      const back = await consent(started.authorizeUrl)
      const answer = await fetch(back)
      if (answer.status !== 200) throw new Error(`The loopback answered ${answer.status}: ${await answer.text()}`)
      await shop.sync.connecting(started.accountId)
      return started.accountId
    },
  }) as SyncShop
  if (!opts.bare) {
    const accountId = await shop.connect()
    await shop.ok('sync.chooseCalendar', { accountId, remoteId: SHOP_CAL, summary: 'Shop bookings', role: 'shop' })
  }
  return shop
}

/** Calls the fake answered, by method and a path pattern, without the admin ones. */
export const calls = (fake: FakeGoogle, method: string, path: RegExp) => fake.requests().filter((r) => r.method === method && path.test(r.path))
