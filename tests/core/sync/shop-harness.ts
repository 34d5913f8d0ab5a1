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
import { testDatabase, testVin } from '../../helpers/core'

export type FetchHook = (url: string, init: RequestInit | undefined, next: typeof fetch) => Promise<Response>

/** What the Google and the Outlook harness share: a seeded shop on a core whose network a test can reach into. */
export interface CalendarShop {
  core: Core
  dir: string
  dbPath: string
  secretsPath: string
  sync: CalendarSyncService
  ok<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>>
  refused<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<{ code: string; message: string }>
  setNow(iso: string): void
  syncNow(): Promise<SyncRoundSummary['accounts'][number]>
  /** Books a new manual activity (oil change, 60 min) at a local time on a day of the week of 2025-03-10. */
  book(at: string, opts?: { technicianId?: number | null; bayId?: number | null; vehicleId?: number }): Promise<Activity>
  /** Closes the core (a crash or a quit) and opens it again on the same database. */
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

export interface CalendarShopSetup {
  /** Pinned clock start (default Wednesday 2025-03-05 10:00 New York). */
  now: Date
  timeZone?: string
  /** Folder name prefix of the temp folder. */
  prefix: string
  /** The provider's endpoints and the sync interval. */
  env: Record<string, string | undefined>
  connectTimeoutMs?: number
  pageSize?: number
  /** Closes the provider's fake on dispose. */
  closeFake(): Promise<void>
}

/**
 * A shop (two bays, Alex and Sam, two vehicles, an oil-change type, auto-planning off) on a
 * core whose provider endpoints are the given fake's, on the database of this leg of the
 * test matrix (a file, or a fresh PostgreSQL database).
 */
export async function calendarShop(setup: CalendarShopSetup): Promise<CalendarShop> {
  const dir = mkdtempSync(join(tmpdir(), setup.prefix))
  const dbPath = join(dir, 'shop.db')
  const secretsPath = join(dir, 'shop.db.secrets.json')
  const database = await testDatabase()
  let now = setup.now
  const clock: Clock = { now: () => new Date(now) }
  let hook: FetchHook | null = null
  const portFetch: typeof fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    return hook ? hook(url, init, globalThis.fetch) : globalThis.fetch(input, init)
  }
  const options = (): CoreOptions => ({
    dbPath,
    dbUrl: database?.url,
    clock,
    log: silentLogger,
    actor: 'tester',
    timeZone: setup.timeZone ?? 'America/New_York',
    ports: { secrets: unencryptedFileSecretStore(secretsPath), openExternal: async () => {}, fetch: portFetch },
    env: setup.env,
    serviceOptions: { sync: { connectTimeoutMs: setup.connectTimeoutMs ?? 10_000, ...(setup.pageSize ? { pageSize: setup.pageSize } : {}) } },
  })
  const shop: CalendarShop = {
    core: await createCore(options()),
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
      shop.core = await createCore(options())
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
      await setup.closeFake()
      await database?.drop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
  await shop.ok('settings.update', { autoSchedule: false, shopName: 'Main Street Auto', shopAddress: '12 Main St, Springfield' })
  const jane = await shop.ok('customers.create', { name: 'Jane Doe', phone: '555-0100', email: 'jane@example.com' })
  const vehicle = (n: number, make: string, model: string, year: number, licensePlate: string) =>
    shop.ok('vehicles.create', { customerId: jane.id, vin: testVin(n), make, model, year, licensePlate, onboardingDate: '2025-01-02' })
  shop.vehicleId = (await vehicle(1, 'Honda', 'Civic', 2019, 'ABC123')).id
  shop.otherVehicleId = (await vehicle(2, 'Ford', 'Transit', 2020, 'FLEET7')).id
  shop.bay1 = (await shop.ok('bays.create', { name: 'Bay 1' })).id
  shop.bay2 = (await shop.ok('bays.create', { name: 'Bay 2' })).id
  shop.alex = (await shop.ok('technicians.create', { name: 'Alex Moreno' })).id
  shop.sam = (await shop.ok('technicians.create', { name: 'Sam Lee' })).id
  shop.oil = (await shop.ok('activityTypes.create', { name: 'Oil change', category: 'maintenance', durationMinutes: 60 })).id
  return shop
}

/** Local wall time → ISO with that day's offset in New York (March 2025: EST until the 9th, EDT after). */
export const ny = (local: string): string =>
  new Date(`${local}${Date.parse(`${local}Z`) < Date.parse('2025-03-09T07:00:00Z') ? '-05:00' : '-04:00'}`).toISOString()
