/**
 * Auto-booking at the size of issue 15: a 6-bay, 8-technician shop (technicians doing some
 * categories only, one away a week, one bay closed a day, a few hundred bookings already
 * made) with 2,000 vehicles and a month of due work, some overdue, some of one vehicle due
 * days apart. Prints the time to propose, the longest event-loop stall while it runs, the
 * share placed, bay utilisation and the violations the independent checker finds (must
 * be 0). Asserts nothing.
 *
 * Run alone: `npx tsx tests/bench/autobook.ts`; `npm run bench` runs it with the others.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { createCore, type Core } from '../../electron/core'
import { fixedClock } from '../../electron/core/clock'
import { silentLogger } from '../../electron/core/logger'
import { addDays } from '../../shared/dates'
import { checkProposal } from '../helpers/autobook-checker'

const VEHICLES = 2_000
const BAYS = 6
const TECHS = 8
// Monday 2026-03-02, 08:00 in New York.
const NOW = '2026-03-02T13:00:00.000Z'
const FROM = '2026-03-02'
const TO = '2026-03-31'
const ZONE = 'America/New_York'

export interface AutobookBenchResult {
  work: number
  placed: number
  seconds: number
  longestStallMs: number
  bayUtilisation: number
  violations: number
}

/** Deterministic, so two runs compare. */
function random(seed: number): (n: number) => number {
  let s = seed
  return (n) => ((s = (s * 1103515245 + 12345) % 2 ** 31), Math.floor((s / 2 ** 31) * n))
}

async function seed(core: Core): Promise<void> {
  const now = NOW
  const rand = random(42)
  await core.db.updateTable('settings').set({ auto_schedule: 0, missed_grace_days: 7 }).execute()
  await core.db.transaction().execute(async (trx) => {
    const types: Array<{ id: number; minutes: number }> = []
    for (const [name, category, minutes] of [
      ['Oil change', 'maintenance', 45],
      ['Tire rotation', 'maintenance', 30],
      ['Brake service', 'repair', 90],
      ['Safety inspection', 'inspection', 60],
    ] as const) {
      const t = await trx
        .insertInto('activity_types')
        .values({ name, category, duration_minutes: minutes, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
      types.push({ id: t.id, minutes })
    }
    for (let b = 1; b <= BAYS; b++)
      await trx
        .insertInto('bays')
        .values({ id: b, name: `Bay ${b}`, sort_order: b, created_at: now })
        .execute()
    for (let t = 1; t <= TECHS; t++)
      await trx
        .insertInto('technicians')
        .values({ id: t, name: `Tech ${t}`, created_at: now })
        .execute()
    // Two do everything (no rows); three do maintenance and repair; three inspection and maintenance.
    for (let t = 3; t <= 5; t++)
      await trx
        .insertInto('technician_categories')
        .values([
          { technician_id: t, category: 'maintenance' },
          { technician_id: t, category: 'repair' },
        ])
        .execute()
    for (let t = 6; t <= 8; t++)
      await trx
        .insertInto('technician_categories')
        .values([
          { technician_id: t, category: 'inspection' },
          { technician_id: t, category: 'maintenance' },
        ])
        .execute()
    await trx
      .insertInto('closures')
      .values({ starts_on: '2026-03-09', ends_on: '2026-03-13', scope: 'technician', technician_id: 4, reason: 'Vacation', created_at: now })
      .execute()
    await trx
      .insertInto('closures')
      .values({ starts_on: '2026-03-18', ends_on: '2026-03-18', scope: 'bay', bay_id: 6, reason: 'Lift service', created_at: now })
      .execute()

    const chunk = 500
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
            license_plate: `B${i}`,
            onboarding_date: '2025-01-02',
            created_at: now,
            updated_at: now,
          })),
        )
        .execute()
    }
    // About one job per vehicle in the month, a tenth with a second job due days later, a twentieth overdue.
    const rows = []
    for (let v = 1; v <= VEHICLES; v++) {
      const due = rand(20) === 0 ? addDays(FROM, -1 - rand(4)) : addDays(FROM, rand(30))
      const type = types[rand(types.length)]!
      rows.push({ vehicle_id: v, activity_type_id: type.id, origin: 'manual' as const, due_date: due, created_at: now, updated_at: now })
      if (rand(10) === 0) {
        rows.push({
          vehicle_id: v,
          activity_type_id: types[rand(types.length)]!.id,
          origin: 'manual' as const,
          due_date: addDays(due, 1 + rand(3)),
          created_at: now,
          updated_at: now,
        })
      }
    }
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('activities')
        .values(rows.slice(i, i + 500))
        .execute()
    // Bookings already made: 300 one-hour jobs spread over the month's mornings.
    const booked = []
    for (let k = 0; k < 300; k++) {
      const day = addDays(FROM, rand(28))
      const weekday = new Date(`${day}T12:00:00Z`).getUTCDay()
      if (weekday === 0 || weekday === 6) continue
      const hour = 13 + rand(6) // 08:00–13:00 in New York (EST before the 8th, EDT after: either is inside hours)
      const start = new Date(`${day}T${String(hour).padStart(2, '0')}:00:00.000Z`)
      booked.push({
        vehicle_id: 1 + rand(VEHICLES),
        activity_type_id: types[0]!.id,
        origin: 'manual' as const,
        due_date: day,
        start_at: start.toISOString(),
        end_at: new Date(start.getTime() + 3_600_000).toISOString(),
        bay_id: 1 + (k % BAYS),
        technician_id: 1 + (k % TECHS),
        pinned: 1 as const,
        created_at: now,
        updated_at: now,
      })
    }
    // Drop the ones that would clash with an earlier one: the shop's own bookings obey the rules.
    const kept: typeof booked = []
    for (const b of booked) {
      const clash = kept.some((o) => (o.bay_id === b.bay_id || o.technician_id === b.technician_id) && o.start_at < b.end_at && o.end_at > b.start_at)
      if (!clash) kept.push(b)
    }
    for (let i = 0; i < kept.length; i += 200)
      await trx
        .insertInto('activities')
        .values(kept.slice(i, i + 200))
        .execute()
  })
}

/** What a well-behaved job shows here now: 15 ms slices of busy work with a yield between (the load stretches both). */
async function controlStallMs(): Promise<number> {
  const stall = monitorEventLoopDelay({ resolution: 5 })
  stall.enable()
  const end = performance.now() + 1000
  while (performance.now() < end) {
    const slice = performance.now()
    while (performance.now() - slice < 15) Math.sqrt(Math.random())
    await new Promise((resolve) => setImmediate(resolve))
  }
  stall.disable()
  return stall.max / 1e6
}

/** Open bay minutes in the range from today on, and the minutes booked in them before and after the proposal. */
async function utilisation(core: Core, proposedMinutes: number): Promise<{ open: number; before: number; ratio: number }> {
  const hours = await core.db.selectFrom('shop_hours').selectAll().execute()
  const closures = await core.db.selectFrom('closures').selectAll().execute()
  let open = 0
  for (let day = FROM; day <= TO; day = addDays(day, 1)) {
    const h = hours.find((x) => x.weekday === new Date(`${day}T12:00:00Z`).getUTCDay())
    if (!h?.opens || !h.closes) continue
    const minutes = (Number(h.closes.slice(0, 2)) - Number(h.opens.slice(0, 2))) * 60 + Number(h.closes.slice(3)) - Number(h.opens.slice(3))
    const closedBays = closures.filter((c) => c.scope === 'bay' && c.starts_on <= day && c.ends_on >= day).length
    open += minutes * (BAYS - closedBays)
  }
  const booked = await core.db.selectFrom('activities').select(['start_at', 'end_at']).where('start_at', 'is not', null).execute()
  const before = booked.reduce((n, b) => n + (Date.parse(b.end_at!) - Date.parse(b.start_at!)) / 60_000, 0)
  return { open, before, ratio: (before + proposedMinutes) / open }
}

/**
 * @example
 * const figures = await benchAutobook()
 */
export async function benchAutobook(): Promise<AutobookBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'shop-bench-'))
  const core = await createCore({ dbPath: join(dir, 'shop.db'), clock: fixedClock(NOW), log: silentLogger, actor: 'bench', timeZone: ZONE })
  try {
    await seed(core)
    console.log(`autobook: ${BAYS} bays, ${TECHS} technicians, ${VEHICLES} vehicles, ${FROM}–${TO} (load average ${loadavg()[0]?.toFixed(1)})`)
    // Warm up once (module loading, statement caches), then measure.
    await core.invoke('autobook.propose', { from: FROM, to: '2026-03-03' })
    const control = await controlStallMs()
    const stall = monitorEventLoopDelay({ resolution: 5 })
    stall.enable()
    const cpu = process.cpuUsage()
    const started = performance.now()
    const result = await core.invoke('autobook.propose', { from: FROM, to: TO })
    const seconds = (performance.now() - started) / 1000
    const used = process.cpuUsage(cpu)
    stall.disable()
    if (!result.ok) throw new Error(`autobook.propose failed: ${result.error.message}`)
    const p = result.data
    const work = p.items.length + p.notPlaced.length
    const proposedMinutes = p.items.reduce((n, i) => n + (Date.parse(i.end) - Date.parse(i.start)) / 60_000, 0)
    const u = await utilisation(core, proposedMinutes)
    const checked = performance.now()
    const violations = await checkProposal(core.db, p.items, { now: new Date(NOW) })
    const checkerSeconds = (performance.now() - checked) / 1000
    const overdue = p.items.filter((i) => i.overdue).length + p.notPlaced.filter((n) => n.overdue).length
    const overduePlaced = p.items.filter((i) => i.overdue).length
    const visits = new Set(p.items.map((i) => i.visit)).size
    const longestStallMs = stall.max / 1e6
    console.log(
      `  propose:            ${seconds.toFixed(3)} s wall (CPU ${((used.user + used.system) / 1e6).toFixed(3)} s); longest event-loop stall ${longestStallMs.toFixed(1)} ms (15 ms slices of busy work show ${control.toFixed(1)} ms here now)`,
    )
    console.log(
      `  placed:             ${p.items.length} of ${work} due jobs (${((100 * p.items.length) / work).toFixed(1)} %), in ${visits} visits; overdue placed ${overduePlaced} of ${overdue}`,
    )
    console.log(
      `  bay utilisation:    ${(100 * u.ratio).toFixed(1)} % of ${(u.open / 60).toFixed(0)} open bay hours (${((100 * u.before) / u.open).toFixed(1)} % booked before)`,
    )
    const reasons = new Map<string, number>()
    for (const n of p.notPlaced)
      reasons.set(n.reason.replace(/\d+ h( \d+ min)?|\d+ min/, 'N'), (reasons.get(n.reason.replace(/\d+ h( \d+ min)?|\d+ min/, 'N')) ?? 0) + 1)
    for (const [reason, n] of reasons) console.log(`  not placed:         ${n} × ${reason}`)
    console.log(
      `  checker violations: ${violations.length} (independent pass, ${checkerSeconds.toFixed(2)} s)${violations.length ? `: ${violations.slice(0, 5).join('; ')}` : ''}`,
    )
    return { work, placed: p.items.length, seconds, longestStallMs, bayUtilisation: u.ratio, violations: violations.length }
  } finally {
    await core.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchAutobook()
}
