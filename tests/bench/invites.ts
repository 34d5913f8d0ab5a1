/**
 * Benchmark of the shop range export: 10,000 events with attendees and alarms. Prints
 * events/s and the longest event-loop stall while it runs (the app allows 100 ms).
 *
 *   npx tsx tests/bench/invites.ts
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { createCore } from '../../electron/core'
import { silentLogger } from '../../electron/core/logger'

export interface InvitesBench {
  events: number
  seconds: number
  eventsPerSecond: number
  /** Longest event-loop delay seen by `monitorEventLoopDelay`, ms. */
  longestStallMs: number
  p99StallMs: number
  megabytes: number
  /** Longest stall over one idle second just before: what the machine itself adds. */
  idleLongestStallMs: number
  /** 1-minute load average when it ran: on a busy machine every stall is longer. */
  loadAverage: number
  cpus: number
}

/**
 * Seeds a fresh database with `count` activities over 500 vehicles and times one range export.
 *
 * @example
 * const figures = await benchInvites()
 */
export async function benchInvites(count = 10_000): Promise<InvitesBench> {
  const dir = mkdtempSync(join(tmpdir(), 'shop-bench-invites-'))
  const now = '2025-01-01T12:00:00.000Z'
  const core = await createCore({
    dbPath: join(dir, 'shop.db'),
    clock: { now: () => new Date(now) },
    log: silentLogger,
    actor: 'bench',
    timeZone: 'America/New_York',
  })
  try {
    await seed(core.db, count, now)
    const idle = monitorEventLoopDelay({ resolution: 5 })
    idle.enable()
    await new Promise((resolve) => setTimeout(resolve, 1000))
    idle.disable()
    const histogram = monitorEventLoopDelay({ resolution: 5 })
    histogram.enable()
    const started = performance.now()
    const result = await core.invoke('invites.exportRange', { from: '2025-01-01', to: '2026-12-31' })
    const seconds = (performance.now() - started) / 1000
    histogram.disable()
    if (!result.ok) throw new Error(result.error.message)
    const figures: InvitesBench = {
      events: result.data.eventCount,
      seconds: round(seconds),
      eventsPerSecond: Math.round(result.data.eventCount / seconds),
      longestStallMs: round(histogram.max / 1e6),
      p99StallMs: round(histogram.percentile(99) / 1e6),
      megabytes: round(Buffer.byteLength(result.data.content) / 1e6),
      idleLongestStallMs: round(idle.max / 1e6),
      loadAverage: round(loadavg()[0] ?? 0),
      cpus: availableParallelism(),
    }
    console.log(
      `invites.exportRange: ${figures.events} events in ${figures.seconds} s = ${figures.eventsPerSecond} events/s, ` +
        `${figures.megabytes} MB; longest event-loop stall ${figures.longestStallMs} ms (p99 ${figures.p99StallMs} ms, limit 100 ms); ` +
        `idle baseline ${figures.idleLongestStallMs} ms; load average ${figures.loadAverage} on ${figures.cpus} CPUs`,
    )
    return figures
  } finally {
    await core.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

async function seed(db: Awaited<ReturnType<typeof createCore>>['db'], count: number, now: string): Promise<void> {
  await db
    .updateTable('settings')
    .set({ shop_name: 'Bench Garage', shop_email: 'desk@bench.example', shop_address: '1 Bench Rd, Springfield', auto_schedule: 0 })
    .execute()
  const type = await db.selectFrom('activity_types').select('id').where('builtin', '=', 'minor').executeTakeFirstOrThrow()
  const bay = await db.insertInto('bays').values({ name: 'Bay 1', created_at: now }).returning('id').executeTakeFirstOrThrow()
  const vehicles = 500
  await db.transaction().execute(async (trx) => {
    for (let v = 0; v < vehicles; v++) {
      const c = await trx
        .insertInto('customers')
        .values({ name: `Customer ${v}`, email: `customer${v}@example.com`, phone: null, notes: null, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
      await trx
        .insertInto('vehicles')
        .values({
          customer_id: c.id,
          vin: `1HGCM8263${String(v).padStart(8, '0')}`,
          make: 'Toyota',
          model: 'Corolla',
          year: 2020,
          license_plate: `B ${v}`,
          plate_normalized: `B${v}`,
          onboarding_date: '2025-01-01',
          created_at: now,
          updated_at: now,
        })
        .execute()
    }
    const rows = Array.from({ length: count }, (_, i) => {
      // Spread over 2025-2026 in shop-ish hours; every fourth one unbooked (all-day).
      const start = new Date(Date.UTC(2025, 0, 2, 13) + Math.floor(i / 8) * 86_400_000 * 0.55 + (i % 8) * 3_600_000)
      const booked = i % 4 !== 0
      return {
        vehicle_id: (i % vehicles) + 1,
        activity_type_id: type.id,
        origin: 'manual' as const,
        occurrence_key: `bench:${i}`,
        due_date: start.toISOString().slice(0, 10),
        start_at: booked ? start.toISOString() : null,
        end_at: booked ? new Date(start.getTime() + 3_600_000).toISOString() : null,
        bay_id: booked ? bay.id : null,
        created_at: now,
        updated_at: now,
      }
    })
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('activities')
        .values(rows.slice(i, i + 500))
        .execute()
  })
}

const round = (n: number) => Math.round(n * 100) / 100

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchInvites()
}
