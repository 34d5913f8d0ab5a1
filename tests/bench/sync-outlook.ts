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
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { SYNC_SERVICE, type CalendarSyncService } from '../../electron/core/sync/calendar-sync-service'
import { bookedShop } from './support/booked-shop'
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
  const shop = await bookedShop({
    prefix: 'shop-bench-outlook-',
    count,
    env: { SHOP_MS_CLIENT_ID: fake.clientId, SHOP_MS_LOGIN_URL: fake.url, SHOP_GRAPH_URL: fake.url },
  }).catch(async (error: unknown) => {
    await fake.close()
    throw error
  })
  const { core, ok } = shop
  try {
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
    await shop.close()
    await fake.close()
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
