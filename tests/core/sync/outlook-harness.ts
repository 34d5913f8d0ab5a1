import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, type Core, type CoreOptions } from '../../../electron/core'
import type { Clock } from '../../../electron/core/clock'
import { silentLogger } from '../../../electron/core/logger'
import { unencryptedFileSecretStore } from '../../../electron/core/secrets/file-secret-store'
import { SYNC_SERVICE, type CalendarSyncService } from '../../../electron/core/sync/calendar-sync-service'
import type { ChannelInput, ChannelName, ChannelResult } from '../../../shared/contract'
import type { Activity } from '../../../shared/domain/activities'
import type { SyncRoundSummary } from '../../../shared/domain/sync'
import { startFakeGraph, type FakeGraph, type FakeGraphOptions } from '../../fakes/graph'
import { playGraphBrowser } from '../../fakes/graph/connect'
import type { LoggedRequest } from '../../fakes/shared/http'
import { testVin } from '../../helpers/core'
import type { FetchHook } from './harness'

export { ny } from './harness'

export interface OutlookShop {
  core: Core
  fake: FakeGraph
  dir: string
  secretsPath: string
  sync: CalendarSyncService
  /** The fake's default calendar (the shop's) and a second one (Alex's). */
  shopCal: string
  alexCal: string
  accountId: number
  ok<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>>
  setNow(iso: string): void
  connect(accountId?: number): Promise<number>
  syncNow(): Promise<SyncRoundSummary['accounts'][number]>
  book(at: string, opts?: { technicianId?: number | null; bayId?: number | null; vehicleId?: number }): Promise<Activity>
  restart(): Promise<void>
  interceptFetch(hook: FetchHook | null): void
  vehicleId: number
  otherVehicleId: number
  bay1: number
  bay2: number
  alex: number
  oil: number
  dispose(): Promise<void>
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
 * The Google harness's shop (two bays, Alex and Sam, two vehicles, an oil change, auto-planning
 * off, pinned on Wednesday 2025-03-05 10:00 New York), its core pointed at a fresh fake Graph
 * + identity server through SHOP_MS_*, connected through MSAL's real interactive flow (the test
 * plays the browser), the default calendar chosen as the shop's.
 */
export async function outlookShop(opts: OutlookShopOptions = {}): Promise<OutlookShop> {
  let now = new Date(opts.now ?? '2025-03-05T15:00:00Z')
  const fake = await startFakeGraph({ now: () => new Date(now), ...opts.fake })
  const alexCal = fake.addCalendar({ name: 'Alex Moreno' }).id
  const dir = mkdtempSync(join(tmpdir(), 'shop-outlook-'))
  const dbPath = join(dir, 'shop.db')
  const secretsPath = join(dir, 'shop.db.secrets.json')
  const clock: Clock = { now: () => new Date(now) }
  let hook: FetchHook | null = null
  const portFetch: typeof fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    return hook ? hook(url, init, globalThis.fetch) : globalThis.fetch(input, init)
  }
  const options = (): CoreOptions => ({
    dbPath,
    clock,
    log: silentLogger,
    actor: 'tester',
    timeZone: opts.timeZone ?? 'America/New_York',
    ports: { secrets: unencryptedFileSecretStore(secretsPath), openExternal: async () => {}, fetch: portFetch },
    env: { SHOP_MS_CLIENT_ID: fake.clientId, SHOP_MS_LOGIN_URL: fake.url, SHOP_GRAPH_URL: fake.url, SHOP_SYNC_INTERVAL_S: '3600', ...opts.env },
    serviceOptions: { sync: { connectTimeoutMs: opts.connectTimeoutMs ?? 10_000, ...(opts.pageSize ? { pageSize: opts.pageSize } : {}) } },
  })
  let core = await createCore(options())
  const shop: OutlookShop = {
    core,
    fake,
    dir,
    secretsPath,
    get sync() {
      return shop.core.services.get<CalendarSyncService>(SYNC_SERVICE)!
    },
    shopCal: fake.defaultCalendarId,
    alexCal,
    accountId: 0,
    async ok(channel, input) {
      const result = await shop.core.invoke(channel, input)
      if (!result.ok) throw new Error(`${channel} refused: ${JSON.stringify(result.error)}`)
      return result.data as never
    },
    setNow(iso) {
      now = new Date(iso)
    },
    async connect(accountId) {
      const started = await shop.ok('sync.connect', accountId ? { accountId } : { provider: 'outlook' })
      const back = await playGraphBrowser(started.authorizeUrl)
      if (back.status !== 200) throw new Error(`The loopback answered ${back.status}: ${back.text}`)
      await shop.sync.connecting(started.accountId)
      return started.accountId
    },
    async syncNow() {
      const summary = await shop.ok('sync.now', {})
      return summary.accounts[0]!
    },
    async book(at, o = {}) {
      return shop.ok('activities.createManual', {
        vehicleId: o.vehicleId ?? shop.vehicleId,
        activityTypeId: shop.oil,
        start: at,
        bayId: o.bayId === undefined ? shop.bay1 : o.bayId,
        technicianId: o.technicianId === undefined ? null : o.technicianId,
      })
    },
    interceptFetch(h) {
      hook = h
    },
    async restart() {
      await shop.core.close()
      core = await createCore(options())
      shop.core = core
    },
    vehicleId: 0,
    otherVehicleId: 0,
    bay1: 0,
    bay2: 0,
    alex: 0,
    oil: 0,
    async dispose() {
      await shop.core.close()
      await fake.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
  await shop.ok('settings.update', { autoSchedule: false, shopName: 'Main Street Auto', shopAddress: '12 Main St, Springfield' })
  const jane = await shop.ok('customers.create', { name: 'Jane Doe', phone: '555-0100', email: 'jane@example.com' })
  const civic = await shop.ok('vehicles.create', {
    customerId: jane.id,
    vin: testVin(1),
    make: 'Honda',
    model: 'Civic',
    year: 2019,
    licensePlate: 'ABC123',
    onboardingDate: '2025-01-02',
  })
  const transit = await shop.ok('vehicles.create', {
    customerId: jane.id,
    vin: testVin(2),
    make: 'Ford',
    model: 'Transit',
    year: 2020,
    licensePlate: 'FLEET7',
    onboardingDate: '2025-01-02',
  })
  shop.vehicleId = civic.id
  shop.otherVehicleId = transit.id
  shop.bay1 = (await shop.ok('bays.create', { name: 'Bay 1' })).id
  shop.bay2 = (await shop.ok('bays.create', { name: 'Bay 2' })).id
  shop.alex = (await shop.ok('technicians.create', { name: 'Alex Moreno' })).id
  await shop.ok('technicians.create', { name: 'Sam Lee' })
  shop.oil = (await shop.ok('activityTypes.create', { name: 'Oil change', category: 'maintenance', durationMinutes: 60 })).id
  if (!opts.bare) {
    shop.accountId = await shop.connect()
    await shop.ok('sync.chooseCalendar', { accountId: shop.accountId, remoteId: shop.shopCal, summary: 'Calendar', role: 'shop' })
  }
  return shop
}

/** Graph calls the fake answered (batch items included, the `$batch` envelopes not), by method and path. */
export const graphCalls = (fake: FakeGraph, method: string, path: RegExp): LoggedRequest[] =>
  fake.requests().filter((r) => r.method === method && path.test(r.path) && !r.path.endsWith('$batch'))
