/**
 * Benchmark of the initial push: 1,000 bookings to a fresh shop calendar on the fake Google
 * (in a child process, so its work is not counted as the app's) with the per-user quota on
 * (600 requests per sliding minute). Prints the elapsed time over the quota's floor (goal
 * ≤ 1.15), how many events were lost or duplicated (goal 0), and the longest event-loop
 * stall of the app's process while it ran (goal < 50 ms).
 *
 *   npx tsx tests/bench/sync-google.ts
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { loadavg } from 'node:os'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { SYNC_SERVICE, type CalendarSyncService } from '../../electron/core/sync/calendar-sync-service'
import { bookedShop } from './support/booked-shop'

const SHOP_CAL = 'shop-bookings@group.calendar.google.com'
const QUOTA = 600

export interface SyncBench {
  bookings: number
  requests: number
  seconds: number
  floorSeconds: number
  ratio: number
  lost: number
  duplicated: number
  rateLimited: number
  longestStallMs: number
  p99StallMs: number
  /** Longest stall over one idle second just before: what the machine itself adds. */
  idleLongestStallMs: number
  loadAverage: number
}

async function startFake(): Promise<{ url: string; clientId: string; clientSecret: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'tests/fakes/google/cli.ts',
      '--port',
      '0',
      '--quota',
      String(QUOTA),
      '--calendar',
      `${SHOP_CAL}=Shop bookings`,
      '--time-zone',
      'America/New_York',
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  let out = ''
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`The fake exited (${code})`)))
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (/SHOP_GOOGLE_CLIENT_SECRET=\S+/.test(out)) resolve()
    })
  })
  const pick = (name: string) => new RegExp(`${name}=(\\S+)`).exec(out)![1]!
  return { url: pick('SHOP_GOOGLE_OAUTH_URL'), clientId: pick('SHOP_GOOGLE_CLIENT_ID'), clientSecret: pick('SHOP_GOOGLE_CLIENT_SECRET'), child }
}

/**
 * @example
 * const figures = await benchSyncGoogle()
 */
export async function benchSyncGoogle(count = 1000): Promise<SyncBench> {
  const fake = await startFake()
  const shop = await bookedShop({
    prefix: 'shop-bench-sync-',
    count,
    env: { SHOP_GOOGLE_CLIENT_ID: fake.clientId, SHOP_GOOGLE_CLIENT_SECRET: fake.clientSecret, SHOP_GOOGLE_OAUTH_URL: fake.url, SHOP_GOOGLE_API_URL: fake.url },
  }).catch((error: unknown) => {
    fake.child.kill('SIGTERM')
    throw error
  })
  const { core, ok } = shop
  try {
    const started = await ok<{ accountId: number; authorizeUrl: string }>(core.invoke('sync.connect', {}))
    const consent = await fetch(started.authorizeUrl, { redirect: 'manual' })
    await fetch(consent.headers.get('location')!)
    await core.services.get<CalendarSyncService>(SYNC_SERVICE)!.connecting(started.accountId)
    await ok(core.invoke('sync.chooseCalendar', { accountId: started.accountId, remoteId: SHOP_CAL, role: 'shop' }))
    await fetch(`${fake.url}/__admin/requests`, { method: 'DELETE' })

    const idle = monitorEventLoopDelay({ resolution: 5 })
    idle.enable()
    await new Promise((resolve) => setTimeout(resolve, 1000))
    idle.disable()
    const histogram = monitorEventLoopDelay({ resolution: 5 })
    histogram.enable()
    const t0 = performance.now()
    await ok(core.invoke('sync.now', {}))
    const seconds = (performance.now() - t0) / 1000
    histogram.disable()

    const requests = (await (await fetch(`${fake.url}/__admin/requests`)).json()) as Array<{ status: number; path: string }>
    const state = (await (await fetch(`${fake.url}/__admin/state`)).json()) as {
      calendars: Array<{ id: string; events: Array<{ status: string; extendedProperties?: { private?: Record<string, string> } }> }>
    }
    const events = state.calendars.find((c) => c.id === SHOP_CAL)!.events.filter((e) => e.status !== 'cancelled')
    const ids = events.map((e) => e.extendedProperties?.private?.shopSchedulerActivity)
    const unique = new Set(ids)
    const accepted = requests.filter((r) => r.status !== 403 && r.status !== 429).length
    // Sliding 60 s window: the first QUOTA calls may go at once, each further QUOTA waits one more minute.
    const floorSeconds = Math.max(1, Math.ceil(accepted / QUOTA) - 1) * 60
    return {
      bookings: count,
      requests: requests.length,
      seconds: Math.round(seconds * 10) / 10,
      floorSeconds,
      ratio: Math.round((seconds / floorSeconds) * 1000) / 1000,
      lost: count - unique.size,
      duplicated: ids.length - unique.size,
      rateLimited: requests.length - accepted,
      longestStallMs: Math.round(histogram.max / 1e5) / 10,
      p99StallMs: Math.round(histogram.percentile(99) / 1e5) / 10,
      idleLongestStallMs: Math.round(idle.max / 1e5) / 10,
      loadAverage: Math.round(loadavg()[0]! * 10) / 10,
    }
  } finally {
    await shop.close()
    fake.child.kill('SIGTERM')
  }
}

export function printSyncGoogle(f: SyncBench): void {
  console.log('Google Calendar sync — initial push with the per-user quota on (600/min)')
  console.log(
    `  ${f.bookings} bookings, ${f.requests} requests (${f.rateLimited} rate-limited) in ${f.seconds} s; quota floor ${f.floorSeconds} s: ` +
      `${f.ratio} × the floor (goal ≤ 1.15)`,
  )
  console.log(`  lost ${f.lost}, duplicated ${f.duplicated} (goal 0)`)
  console.log(
    `  longest event-loop stall ${f.longestStallMs} ms, p99 ${f.p99StallMs} ms (goal < 50 ms); idle baseline ${f.idleLongestStallMs} ms; load average ${f.loadAverage}`,
  )
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printSyncGoogle(await benchSyncGoogle())
