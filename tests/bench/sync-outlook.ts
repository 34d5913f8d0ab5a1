/**
 * Benchmark of the initial push to Outlook: 1,000 bookings to the default calendar of the
 * fake Microsoft Graph (in this process) with its throttling on: 3 requests in flight per
 * mailbox (one fewer than the 4 we allow ourselves, as when another app shares the mailbox),
 * 20 ms latency per call, and three batch items refused with 429 and a fractional Retry-After.
 * Prints the elapsed time, lost and duplicated events (goal 0), and every 429 with how it
 * was retried (a refused `$batch` whole after its Retry-After, a refused item alone).
 *
 *   npx tsx tests/bench/sync-outlook.ts
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { createCore } from '../../electron/core'
import { silentLogger } from '../../electron/core/logger'
import { fixedClock } from '../../electron/core/clock'
import { unencryptedFileSecretStore } from '../../electron/core/secrets/file-secret-store'
import { SYNC_SERVICE, type CalendarSyncService } from '../../electron/core/sync/calendar-sync-service'
import { startFakeGraph } from '../fakes/graph'
import { playGraphBrowser } from '../fakes/graph/connect'

export interface OutlookSyncBench {
  bookings: number
  seconds: number
  /** Requests on the wire: `$batch` envelopes and lone calls. */
  wireRequests: number
  batches: number
  batchedItems: number
  lost: number
  duplicated: number
  /** 429 answers: whole requests (too many in flight) and single batch items. */
  refusedRequests: number
  refusedItems: number
  retryAfterSeconds: number[]
  retried: number
  peakInFlight: number
  loadAverage: number
}

const ITEM_FAULTS = [
  { nth: 150, retryAfter: '1.5' },
  { nth: 450, retryAfter: '0.75' },
  { nth: 800, retryAfter: '2.128' },
]

/**
 * @example
 * printSyncOutlook(await benchSyncOutlook())
 */
export async function benchSyncOutlook(count = 1000): Promise<OutlookSyncBench> {
  const fake = await startFakeGraph({ maxInFlight: 3, latencyMs: 20, now: () => new Date('2025-03-05T15:00:00Z') })
  const dir = mkdtempSync(join(tmpdir(), 'shop-bench-outlook-'))
  const core = await createCore({
    dbPath: join(dir, 'shop.db'),
    clock: fixedClock('2025-03-05T15:00:00Z'),
    log: silentLogger,
    timeZone: 'America/New_York',
    ports: { secrets: unencryptedFileSecretStore(join(dir, 'secrets.json')), openExternal: async () => {} },
    env: { SHOP_MS_CLIENT_ID: fake.clientId, SHOP_MS_LOGIN_URL: fake.url, SHOP_GRAPH_URL: fake.url, SHOP_SYNC_INTERVAL_S: '86400' },
  })
  try {
    const ok = async <T>(r: Promise<{ ok: boolean; data?: unknown; error?: unknown }>): Promise<T> => {
      const result = await r
      if (!result.ok) throw new Error(JSON.stringify(result.error))
      return result.data as T
    }
    await ok(core.invoke('settings.update', { autoSchedule: false, shopAddress: '12 Main St, Springfield' }))
    const customer = await ok<{ id: number }>(core.invoke('customers.create', { name: 'Fleet Co' }))
    const vehicle = await ok<{ id: number }>(
      core.invoke('vehicles.create', {
        customerId: customer.id,
        vin: '1HGCM82633A004352',
        make: 'Ford',
        model: 'Transit',
        year: 2020,
        licensePlate: 'FLEET1',
        onboardingDate: '2025-01-02',
      }),
    )
    const type = await ok<{ id: number }>(core.invoke('activityTypes.create', { name: 'Oil change', category: 'maintenance', durationMinutes: 60 }))
    const base = Date.parse('2025-03-10T13:00:00Z')
    const rows = Array.from({ length: count }, (_, i) => ({
      vehicle_id: vehicle.id,
      activity_type_id: type.id,
      origin: 'manual' as const,
      template_id: null,
      occurrence_index: null,
      occurrence_key: null,
      due_date: new Date(base + i * 3_600_000).toISOString().slice(0, 10),
      start_at: new Date(base + i * 3_600_000).toISOString(),
      end_at: new Date(base + i * 3_600_000 + 3_600_000).toISOString(),
      bay_id: null,
      technician_id: null,
      pinned: 1 as const,
      started_at: null,
      completed_at: null,
      completed_by: null,
      completion_odometer: null,
      completion_notes: null,
      cancel_reason: null,
      notes: null,
      contacted_at: null,
      created_at: '2025-03-05T15:00:00Z',
      updated_at: '2025-03-05T15:00:00Z',
    }))
    for (let i = 0; i < rows.length; i += 200)
      await core.db
        .insertInto('activities')
        .values(rows.slice(i, i + 200))
        .execute()

    const started = await ok<{ accountId: number; authorizeUrl: string }>(core.invoke('sync.connect', { provider: 'outlook' }))
    await playGraphBrowser(started.authorizeUrl)
    const sync = core.services.get<CalendarSyncService>(SYNC_SERVICE)!
    await sync.connecting(started.accountId)
    await ok(core.invoke('sync.chooseCalendar', { accountId: started.accountId, remoteId: fake.defaultCalendarId, role: 'shop' }))
    const before = { ...sync.throttleStats(started.accountId)!, retryAfterMs: [...sync.throttleStats(started.accountId)!.retryAfterMs] }
    fake.clearRequests()
    for (const f of ITEM_FAULTS) {
      fake.fault({ match: { method: 'POST', pathRegex: '/events$', nth: f.nth, times: 1 }, respond: { status: 429, headers: { 'Retry-After': f.retryAfter } } })
    }

    const t0 = performance.now()
    await ok(core.invoke('sync.now', {}))
    const seconds = (performance.now() - t0) / 1000

    const stats = sync.throttleStats(started.accountId)!
    const requests = fake.requests()
    const wire = requests.filter((r) => !r.inBatch && r.path.startsWith('/v1.0/'))
    const items = requests.filter((r) => r.inBatch)
    const keys = fake.events(fake.defaultCalendarId).map((e) => String(e['transactionId'] ?? ''))
    const activities = keys.map((k) => k.split('.')[1])
    const unique = new Set(activities)
    return {
      bookings: count,
      seconds: Math.round(seconds * 10) / 10,
      wireRequests: wire.length,
      batches: stats.batches - before.batches,
      batchedItems: stats.batchedItems - before.batchedItems,
      lost: count - unique.size,
      duplicated: activities.length - unique.size,
      refusedRequests: wire.filter((r) => r.status === 429).length,
      refusedItems: items.filter((r) => r.status === 429).length,
      retryAfterSeconds: stats.retryAfterMs.slice(before.retryAfterMs.length).map((ms) => Math.round(ms) / 1000),
      retried: stats.retried - before.retried,
      peakInFlight: stats.peakInFlight,
      loadAverage: Math.round(loadavg()[0]! * 10) / 10,
    }
  } finally {
    await core.close()
    await fake.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export function printSyncOutlook(f: OutlookSyncBench): void {
  const waits = f.retryAfterSeconds
  const range = waits.length ? `${Math.min(...waits)}–${Math.max(...waits)} s` : 'none'
  console.log('Outlook (Microsoft Graph) sync — initial push against the fake’s throttling (3 in flight, 20 ms latency, 3 items refused)')
  console.log(
    `  ${f.bookings} bookings in ${f.seconds} s: ${f.wireRequests} requests on the wire, ${f.batches} $batches carrying ${f.batchedItems} items (≤ 20 each); peak ${f.peakInFlight} in flight (cap 4)`,
  )
  console.log(`  lost ${f.lost}, duplicated ${f.duplicated} (goal 0)`)
  console.log(
    `  429s: ${f.refusedRequests} whole requests (re-sent whole after their Retry-After), ${f.refusedItems} batch items (re-sent alone in a later batch); ` +
      `${f.retried} retries, Retry-After ${range} honoured (${waits.slice(0, 12).join(', ')}${waits.length > 12 ? ', …' : ''}); load average ${f.loadAverage}`,
  )
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printSyncOutlook(await benchSyncOutlook())
