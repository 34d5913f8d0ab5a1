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
import { startFakeGoogle, type FakeGoogle, type FakeGoogleOptions } from '../../fakes/google'
import { consent } from '../../fakes/google/connect'
import { testVin } from '../../helpers/core'

export const SHOP_CAL = 'shop-bookings@group.calendar.google.com'
export const ALEX_CAL = 'alex.moreno@example.com'

export interface SyncShop {
  core: Core
  fake: FakeGoogle
  dir: string
  dbPath: string
  secretsPath: string
  sync: CalendarSyncService
  ok<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>>
  refused<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<{ code: string; message: string }>
  setNow(iso: string): void
  /** Plays the browser through the whole consent, and waits until the account is connected. */
  connect(accountId?: number): Promise<number>
  syncNow(): Promise<SyncRoundSummary['accounts'][number]>
  /** Books a new manual activity (oil change, 60 min) at a local time on a day of the week of 2025-03-10. */
  book(at: string, opts?: { technicianId?: number | null; bayId?: number | null; vehicleId?: number }): Promise<Activity>
  /** Closes the core (a crash or a quit) and opens it again on the same files. */
  restart(): Promise<void>
  /** Puts a hand between the core and the network (null: none): e.g. a crash right after a request landed. */
  interceptFetch(hook: FetchHook | null): void
  vehicleId: number
  otherVehicleId: number
  bay1: number
  bay2: number
  alex: number
  sam: number
  oil: number
  dispose(): Promise<void>
}

export type FetchHook = (url: string, init: RequestInit | undefined, next: typeof fetch) => Promise<Response>

export interface SyncShopOptions {
  now?: string
  timeZone?: string
  fake?: FakeGoogleOptions
  pageSize?: number
  /** Skip connecting an account and choosing the shop calendar. */
  bare?: boolean
}

/**
 * A shop (two bays, Alex and Sam, two vehicles, an oil-change type, auto-planning off)
 * whose core talks to a fresh fake Google, connected through the real OAuth flow, with the
 * shop calendar chosen. The clock is pinned on a Wednesday, 2025-03-05 10:00 New York.
 */
export async function syncShop(opts: SyncShopOptions = {}): Promise<SyncShop> {
  const fake = await startFakeGoogle({ quotaPerMinute: null, ...opts.fake })
  fake.addCalendar({ id: SHOP_CAL, summary: 'Shop bookings', timeZone: opts.timeZone ?? 'America/New_York' })
  fake.addCalendar({ id: ALEX_CAL, summary: 'Alex Moreno', timeZone: opts.timeZone ?? 'America/New_York' })
  const dir = mkdtempSync(join(tmpdir(), 'shop-sync-'))
  const dbPath = join(dir, 'shop.db')
  const secretsPath = join(dir, 'shop.db.secrets.json')
  let now = new Date(opts.now ?? '2025-03-05T15:00:00Z')
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
    env: {
      SHOP_GOOGLE_CLIENT_ID: fake.clientId,
      SHOP_GOOGLE_CLIENT_SECRET: fake.clientSecret,
      SHOP_GOOGLE_OAUTH_URL: fake.url,
      SHOP_GOOGLE_API_URL: fake.url,
      SHOP_SYNC_INTERVAL_S: '3600',
    },
    serviceOptions: { sync: { connectTimeoutMs: 10_000, ...(opts.pageSize ? { pageSize: opts.pageSize } : {}) } },
  })
  let core = await createCore(options())
  const shop: SyncShop = {
    core,
    fake,
    dir,
    dbPath,
    secretsPath,
    get sync() {
      return shop.core.services.get<CalendarSyncService>(SYNC_SERVICE)!
    },
    async ok(channel, input) {
      const result = await shop.core.invoke(channel, input)
      if (!result.ok) throw new Error(`${channel} refused: ${JSON.stringify(result.error)}`)
      return result.data as never
    },
    async refused(channel, input) {
      const result = await shop.core.invoke(channel, input)
      if (result.ok) throw new Error(`${channel} was expected to be refused but answered ${JSON.stringify(result.data)}`)
      return result.error
    },
    setNow(iso) {
      now = new Date(iso)
    },
    async connect(accountId) {
      const started = await shop.ok('sync.connect', accountId ? { accountId } : {})
      const back = await consent(started.authorizeUrl)
      const answer = await fetch(back)
      if (answer.status !== 200) throw new Error(`The loopback answered ${answer.status}: ${await answer.text()}`)
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
    sam: 0,
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
  shop.sam = (await shop.ok('technicians.create', { name: 'Sam Lee' })).id
  shop.oil = (await shop.ok('activityTypes.create', { name: 'Oil change', category: 'maintenance', durationMinutes: 60 })).id
  if (!opts.bare) {
    const accountId = await shop.connect()
    await shop.ok('sync.chooseCalendar', { accountId, remoteId: SHOP_CAL, summary: 'Shop bookings', role: 'shop' })
  }
  return shop
}

/** Calls the fake answered, by method and a path pattern, without the admin ones. */
export const calls = (fake: FakeGoogle, method: string, path: RegExp) => fake.requests().filter((r) => r.method === method && path.test(r.path))

/** Local wall time → ISO with that day's offset in New York (March 2025: EST until the 9th, EDT after). */
export const ny = (local: string): string =>
  new Date(`${local}${Date.parse(`${local}Z`) < Date.parse('2025-03-09T07:00:00Z') ? '-05:00' : '-04:00'}`).toISOString()
