/**
 * The shared PostgreSQL server beside the local SQLite file (issue 13 point 8), in the same run
 * on the same machine: schedule-all for 10,000 vehicles (activities/s) and the month query on
 * both, then the desk-to-desk change latency (a change on one desk until another desk's
 * `changed` event, LISTEN/NOTIFY). Prints figures, asserts nothing.
 *
 * The server: an admin URL in SHOP_BENCH_PG_URL or SHOP_TEST_PG_URL (a database is created and
 * dropped), else a throw-away cluster from scripts/postgres/throwaway-cluster.sh (needs the
 * PostgreSQL server binaries); without either the PostgreSQL figures say "unavailable".
 *
 * Run alone: `npx tsx tests/bench/postgres.ts`; `npm run bench` runs it with the others.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { performance } from 'node:perf_hooks'
import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { createCore, type Core } from '../../electron/core'
import { fixedClock } from '../../electron/core/clock'
import { silentLogger } from '../../electron/core/logger'
import { seed, TODAY, VEHICLES } from './scheduling'
import { freePort, urlFor, withAdmin } from '../helpers/postgres'

const MONTH_RUNS = 20
const LATENCY_RUNS = 30

type Leg = 'sqlite' | 'postgres'

interface LegResult {
  activities: number | null
  seconds: number | null
  activitiesPerSecond: number | null
  /** Why schedule-all did not finish on this database. */
  failed: string | null
  monthMedianMs: number | 'unavailable'
}

export interface PostgresBenchResult {
  sqlite: LegResult
  postgres: LegResult | 'unavailable'
  latency: { medianMs: number; p95Ms: number; maxMs: number } | string
}

/** An admin URL: the one given, or a throw-away cluster started here (stopped by `stop`). */
async function server(): Promise<{ adminUrl: string; stop(): void } | null> {
  const given = process.env.SHOP_BENCH_PG_URL ?? process.env.SHOP_TEST_PG_URL
  if (given) return { adminUrl: given, stop: () => undefined }
  const dir = mkdtempSync(join(tmpdir(), 'shop-bench-pg-'))
  try {
    const adminUrl = execFileSync('bash', ['scripts/postgres/throwaway-cluster.sh', 'start', dir, String(await freePort())], { encoding: 'utf8' }).trim()
    return { adminUrl, stop: () => void execFileSync('bash', ['scripts/postgres/throwaway-cluster.sh', 'stop', dir]) }
  } catch (error) {
    console.log(`  PostgreSQL: unavailable (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`)
    rmSync(dir, { recursive: true, force: true })
    return null
  }
}

async function newDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `shop_bench_${process.pid}_${randomBytes(3).toString('hex')}`
  await withAdmin(adminUrl, (c) => c.query(`create database ${name}`))
  return { url: urlFor(adminUrl, name), drop: () => withAdmin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined) }
}

const open = (leg: Leg, where: string) =>
  createCore({
    dbPath: leg === 'sqlite' ? where : join(tmpdir(), 'unused.db'),
    ...(leg === 'postgres' ? { dbUrl: where } : {}),
    clock: fixedClock(`${TODAY}T12:00:00Z`),
    log: silentLogger,
    actor: 'bench',
    timeZone: 'UTC',
    env: {},
  })

async function scheduleAll(core: Core): Promise<LegResult> {
  await seed(core)
  const started = performance.now()
  const result = await core.invoke('schedule.applyAll', {})
  const seconds = (performance.now() - started) / 1000
  const failed = result.ok ? null : result.error.message
  const { count } = await core.db
    .selectFrom('activities')
    .select(sql<number>`count(*)`.as('count'))
    .executeTakeFirstOrThrow()
  const activities = Number(count)
  const times: number[] = []
  for (let i = 0; i < MONTH_RUNS; i++) {
    const t = performance.now()
    const month = await core.invoke('activities.range', { from: '2025-03-01', to: '2025-03-31' })
    if (!month.ok) return { activities, seconds: failed ? null : seconds, activitiesPerSecond: null, failed, monthMedianMs: 'unavailable' }
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  return {
    activities,
    seconds: failed ? null : seconds,
    activitiesPerSecond: failed ? null : Math.round(activities / seconds),
    failed,
    monthMedianMs: times[Math.floor(times.length / 2)] ?? 0,
  }
}

/** Desk A creates a customer; the time until desk B's `changed` event names customers. */
async function deskToDesk(url: string): Promise<PostgresBenchResult['latency']> {
  const a = await open('postgres', url)
  const b = await open('postgres', url)
  try {
    const times: number[] = []
    for (let i = 0; i < LATENCY_RUNS; i++) {
      let off = () => {}
      const arrived = new Promise<number>((resolve) => {
        off = b.events.on('changed', (event) => {
          if (event.domains.includes('customers')) resolve(performance.now())
        })
      })
      const started = performance.now()
      const created = await a.invoke('customers.create', { name: `Latency ${i}` })
      if (!created.ok) return `unavailable (${created.error.message})`
      const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 5000))
      const at = await Promise.race([arrived, timeout])
      off()
      if (at === null) return 'no change arrived on the other desk within 5 s'
      times.push(at - started)
    }
    times.sort((x, y) => x - y)
    return { medianMs: times[Math.floor(times.length / 2)]!, p95Ms: times[Math.floor(times.length * 0.95)]!, maxMs: times[times.length - 1]! }
  } finally {
    await a.close()
    await b.close()
  }
}

const leg = (name: string, r: LegResult) =>
  `  ${name.padEnd(11)} schedule-all: ${
    r.failed
      ? `FAILED (${r.failed})`
      : `${r.activities} activities in ${r.seconds!.toFixed(3)} s = ${r.activitiesPerSecond!.toLocaleString('en-US')} activities/s`
  }; month query (activities.range): ${r.monthMedianMs === 'unavailable' ? 'unavailable' : `median ${r.monthMedianMs.toFixed(1)} ms`}`

/**
 * Runs both databases and prints their figures side by side.
 *
 * @example
 * const figures = await benchPostgres()
 */
export async function benchPostgres(): Promise<PostgresBenchResult> {
  console.log(`postgres vs sqlite: ${VEHICLES} vehicles, 3 templates, empty schedule, same machine, same run (load average ${loadavg()[0]?.toFixed(1)})`)
  const dir = mkdtempSync(join(tmpdir(), 'shop-bench-'))
  let sqlite: LegResult
  const fileCore = await open('sqlite', join(dir, 'shop.db'))
  try {
    sqlite = await scheduleAll(fileCore)
  } finally {
    await fileCore.close()
    rmSync(dir, { recursive: true, force: true })
  }
  console.log(leg('SQLite', sqlite))

  const pg = await server()
  if (!pg) return { sqlite, postgres: 'unavailable', latency: 'unavailable' }
  try {
    const db = await newDatabase(pg.adminUrl)
    let postgres: LegResult
    try {
      const serverCore = await open('postgres', db.url)
      try {
        postgres = await scheduleAll(serverCore)
      } finally {
        await serverCore.close()
      }
    } finally {
      await db.drop()
    }
    console.log(leg('PostgreSQL', postgres))
    const fresh = await newDatabase(pg.adminUrl)
    let latency: PostgresBenchResult['latency']
    try {
      latency = await deskToDesk(fresh.url)
    } finally {
      await fresh.drop()
    }
    console.log(
      `  desk to desk (PostgreSQL, ${LATENCY_RUNS} changes): ${
        typeof latency === 'string'
          ? latency
          : `median ${latency.medianMs.toFixed(1)} ms, p95 ${latency.p95Ms.toFixed(1)} ms, max ${latency.maxMs.toFixed(1)} ms`
      }`,
    )
    return { sqlite, postgres, latency }
  } finally {
    pg.stop()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchPostgres()
}
