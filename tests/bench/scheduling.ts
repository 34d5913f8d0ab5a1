/**
 * Schedule-all at the size of issue 3 point 7: 10,000 vehicles, 3 templates, a 12-month
 * horizon, on an empty database; then again with nothing to change; then the month range,
 * overdue list and statistics queries at that size. Prints figures, asserts nothing.
 *
 * Run alone: `npx tsx tests/bench/scheduling.ts`; `npm run bench` runs it with the others.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { createCore, type Core } from '../../electron/core'
import { fixedClock } from '../../electron/core/clock'
import { silentLogger } from '../../electron/core/logger'
import { addDays } from '../../shared/dates'
import type { ChannelInput, ChannelName } from '../../shared/contract'

export const VEHICLES = 10_000
export const TODAY = '2025-01-01'
const QUERY_RUNS = 20

export interface SchedulingBenchResult {
  rows: number
  seconds: number
  activitiesPerSecond: number
  longestStallMs: number
  secondRunSeconds: number
  queries: Record<string, number | 'unavailable'>
}

/** Customers, vehicles (onboarded over the last two years) and 3 templates, in a few big SQL statements. */
export async function seed(core: Core): Promise<void> {
  const now = `${TODAY}T12:00:00.000Z`
  await core.db.transaction().execute(async (trx) => {
    for (const [name, months] of [
      ['Oil change', 3],
      ['Tire rotation', 6],
      ['Brake inspection', 4],
    ] as const) {
      const type = await trx
        .insertInto('activity_types')
        .values({ name, category: 'maintenance', duration_minutes: 60, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
      await trx.insertInto('maintenance_templates').values({ activity_type_id: type.id, interval_months: months, created_at: now, updated_at: now }).execute()
    }
    const chunk = 2_000
    for (let start = 0; start < VEHICLES; start += chunk) {
      const ids = Array.from({ length: Math.min(chunk, VEHICLES - start) }, (_, i) => start + i + 1)
      await trx
        .insertInto('customers')
        .values(ids.map((i) => ({ id: i, name: `Customer ${i}`, created_at: now, updated_at: now })))
        .execute()
      await trx
        .insertInto('vehicles')
        .values(
          ids.map((i) => ({
            id: i,
            customer_id: i,
            vin: `BENCH${String(i).padStart(12, '0')}`,
            make: 'Ford',
            model: 'Transit',
            year: 2020,
            onboarding_date: addDays(TODAY, -(i % 730)),
            created_at: now,
            updated_at: now,
          })),
        )
        .execute()
    }
  })
}

/** Wall seconds, and CPU seconds of this process: on a busy shared machine the two differ a lot. */
async function timed<C extends ChannelName>(core: Core, channel: C, input: ChannelInput<C>) {
  const cpu = process.cpuUsage()
  const started = performance.now()
  const result = await core.invoke(channel, input)
  const used = process.cpuUsage(cpu)
  return { result, seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 }
}

/**
 * The stall a well-behaved job shows on this machine right now: 30 ms slices of busy work
 * with a yield between. On a loaded machine the OS deschedules the process mid-slice, and
 * the event-loop monitor counts that too; this figure is the floor to read the job's against.
 */
async function controlStallMs(): Promise<number> {
  const stall = monitorEventLoopDelay({ resolution: 5 })
  stall.enable()
  const end = performance.now() + 1000
  while (performance.now() < end) {
    const slice = performance.now()
    while (performance.now() - slice < 30) Math.sqrt(Math.random())
    await new Promise((resolve) => setImmediate(resolve))
  }
  stall.disable()
  return stall.max / 1e6
}

async function medianMs<C extends ChannelName>(core: Core, channel: C, input: ChannelInput<C>): Promise<number | 'unavailable'> {
  const times: number[] = []
  for (let i = 0; i < QUERY_RUNS; i++) {
    const { result, seconds } = await timed(core, channel, input)
    if (!result.ok) return 'unavailable'
    times.push(seconds * 1000)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)] ?? 0
}

/**
 * Runs the scheduling benchmark on a temp database and prints its figures.
 *
 * @example
 * const figures = await benchScheduling()
 */
export async function benchScheduling(): Promise<SchedulingBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'shop-bench-'))
  const core = await createCore({
    dbPath: join(dir, 'shop.db'),
    clock: fixedClock(`${TODAY}T12:00:00Z`),
    log: silentLogger,
    actor: 'bench',
    timeZone: 'UTC',
  })
  try {
    await seed(core)
    // Other work on a shared machine stretches wall times and stalls; the load says how much.
    console.log(`scheduling: ${VEHICLES} vehicles, 3 templates, 12-month horizon, empty schedule ` + `(load average ${loadavg()[0]?.toFixed(1)})`)

    const control = await controlStallMs()
    const stall = monitorEventLoopDelay({ resolution: 5 })
    stall.enable()
    const first = await timed(core, 'schedule.applyAll', {})
    stall.disable()
    if (!first.result.ok) throw new Error(`schedule.applyAll failed: ${first.result.error.message}`)
    const { count } = await core.db
      .selectFrom('activities')
      .select(sql<number>`count(*)`.as('count'))
      .executeTakeFirstOrThrow()
    const rows = Number(count)
    const activitiesPerSecond = Math.round(rows / first.seconds)
    const longestStallMs = stall.max / 1e6
    console.log(
      `  schedule-all (empty):     ${rows} activities in ${first.seconds.toFixed(3)} s = ${activitiesPerSecond.toLocaleString('en-US')} activities/s ` +
        `(CPU ${first.cpuSeconds.toFixed(3)} s); longest event-loop stall ${longestStallMs.toFixed(1)} ms ` +
        `(30 ms slices of busy work show ${control.toFixed(1)} ms here now)`,
    )

    const second = await timed(core, 'schedule.applyAll', {})
    if (!second.result.ok) throw new Error(`schedule.applyAll failed: ${second.result.error.message}`)
    console.log(`  schedule-all (no change): ${second.seconds.toFixed(3)} s (CPU ${second.cpuSeconds.toFixed(3)} s) ${JSON.stringify(second.result.data)}`)

    const queries = {
      'activities.range (one month)': await medianMs(core, 'activities.range', { from: '2025-03-01', to: '2025-03-31' }),
      'activities.overdue': await medianMs(core, 'activities.overdue', {}),
      'activities.stats (one month)': await medianMs(core, 'activities.stats', { from: '2025-03-01', to: '2025-03-31' }),
    }
    for (const [name, ms] of Object.entries(queries)) {
      console.log(`  ${name.padEnd(30)} ${ms === 'unavailable' ? 'unavailable' : `median ${ms.toFixed(1)} ms`}`)
    }
    return { rows, seconds: first.seconds, activitiesPerSecond, longestStallMs, secondRunSeconds: second.seconds, queries }
  } finally {
    await core.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchScheduling()
}
