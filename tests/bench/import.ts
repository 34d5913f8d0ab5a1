/**
 * Fleet import at the size of issue 11 §3: a CSV of 10,000 vehicles, each with its own
 * customer (so the search figures below run over 10,000 customers), a last odometer reading
 * and a last oil change, with 3 templates and a 12-month horizon. Prints rows/s of the
 * preview, the dry run and the import, the longest event-loop stall during the import, the
 * re-import that adds nothing, then Unicode-aware search at that size. Asserts nothing.
 *
 * Run alone: `npx tsx tests/bench/import.ts`; `npm run bench` runs it with the others.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import Papa from 'papaparse'
import { createCore, type Core } from '../../electron/core'
import { fixedClock } from '../../electron/core/clock'
import { silentLogger } from '../../electron/core/logger'
import type { ChannelInput, ChannelName } from '../../shared/contract'

const VEHICLES = 10_000
const TODAY = '2025-06-16'
const SEARCH_RUNS = 20

const FIRST = ['José', 'Zoë', 'Jürgen', 'Ana', 'François', 'Søren', 'Łukasz', 'Chloé', 'Mike', 'Ines', 'Renée', 'Björn']
const LAST = ['Müller', 'Álvarez', 'García', 'Dvořák', 'Ødegaard', 'Smith', 'Nguyễn', 'Kowalski', 'Brontë', 'Ruiz', 'Lefèvre', 'Straße']
const MODELS = [
  ['Ford', 'Transit'],
  ['Ram', 'ProMaster'],
  ['Citroën', 'Berlingo'],
  ['Škoda', 'Octavia'],
  ['Toyota', 'Hilux'],
] as const

function fleetCsv(): string {
  const rows: string[][] = [['Customer', 'Email', 'VIN', 'Make', 'Model', 'Year', 'Plate', 'Onboarded', 'Mileage', 'Last oil change']]
  for (let i = 0; i < VEHICLES; i++) {
    const [make, model] = MODELS[i % MODELS.length]!
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i}`
    const month = String(1 + (i % 12)).padStart(2, '0')
    rows.push([
      name,
      `c${i}@fleet.example`,
      `1FTBW2CM5H${String(i).padStart(7, '0')}`,
      make,
      model,
      String(2012 + (i % 13)),
      `K ${i}`,
      `${month}/15/2024`,
      String(10_000 + i * 7),
      `0${1 + (i % 5)}/10/2025`,
    ])
  }
  return Papa.unparse(rows)
}

async function timed<C extends ChannelName>(core: Core, channel: C, input: ChannelInput<C>) {
  const started = performance.now()
  const result = await core.invoke(channel, input)
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`)
  return { data: result.data, seconds: (performance.now() - started) / 1000 }
}

/** 30 ms slices of busy work with a yield between: the stall floor of this machine right now. */
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

async function medianMs<C extends ChannelName>(core: Core, channel: C, input: ChannelInput<C>): Promise<{ ms: number; hits: number }> {
  const times: number[] = []
  let hits = 0
  for (let i = 0; i < SEARCH_RUNS; i++) {
    const { data, seconds } = await timed(core, channel, input)
    hits = Array.isArray(data) ? data.length : 0
    times.push(seconds * 1000)
  }
  times.sort((a, b) => a - b)
  return { ms: times[Math.floor(times.length / 2)] ?? 0, hits }
}

export interface ImportBenchResult {
  rowsPerSecond: number
  longestStallMs: number
}

/**
 * Runs the import benchmark on a temp database and prints its figures.
 *
 * @example
 * const figures = await benchImport()
 */
export async function benchImport(): Promise<ImportBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'shop-bench-import-'))
  const core = await createCore({ dbPath: join(dir, 'shop.db'), clock: fixedClock(`${TODAY}T12:00:00Z`), log: silentLogger, actor: 'bench', timeZone: 'UTC' })
  try {
    const oilType = await timed(core, 'activityTypes.create', { name: 'Oil change', category: 'maintenance', durationMinutes: 45 })
    await timed(core, 'templates.create', { activityTypeId: oilType.data.id, intervalMonths: 6, anchor: 'last_completed' })
    const tires = await timed(core, 'activityTypes.create', { name: 'Tire rotation', category: 'maintenance', durationMinutes: 30 })
    await timed(core, 'templates.create', { activityTypeId: tires.data.id, intervalMonths: 6 })
    const brakes = await timed(core, 'activityTypes.create', { name: 'Brake inspection', category: 'inspection', durationMinutes: 60 })
    await timed(core, 'templates.create', { activityTypeId: brakes.data.id, intervalMonths: 4 })

    const file = { format: 'csv' as const, name: 'fleet.csv', text: fleetCsv() }
    console.log(
      `import: ${VEHICLES} vehicles with ${VEHICLES} customers (${(file.text.length / 1e6).toFixed(1)} MB CSV), 3 templates, ` +
        `12-month horizon (load average ${loadavg()[0]?.toFixed(1)})`,
    )
    const preview = await timed(core, 'import.preview', { file })
    console.log(
      `  preview (read, map, check): ${preview.seconds.toFixed(3)} s = ${Math.round(VEHICLES / preview.seconds).toLocaleString('en-US')} rows/s, ${preview.data.problems.length} problems`,
    )
    const mapping = preview.data.mapping

    const dry = await timed(core, 'import.run', { file, mapping, dryRun: true })
    console.log(`  dry run (all, rolled back): ${dry.seconds.toFixed(3)} s = ${Math.round(VEHICLES / dry.seconds).toLocaleString('en-US')} rows/s`)

    const control = await controlStallMs()
    const stall = monitorEventLoopDelay({ resolution: 5 })
    stall.enable()
    const run = await timed(core, 'import.run', { file, mapping, dryRun: false })
    stall.disable()
    const rowsPerSecond = Math.round(VEHICLES / run.seconds)
    const longestStallMs = stall.max / 1e6
    console.log(
      `  import:                     ${run.seconds.toFixed(3)} s = ${rowsPerSecond.toLocaleString('en-US')} rows/s ` +
        `(${run.data.customers} customers, ${run.data.vehicles} vehicles, ${run.data.readings} readings, ${run.data.services} last services, ` +
        `${run.data.planned} activities planned); longest event-loop stall ${longestStallMs.toFixed(1)} ms ` +
        `(30 ms slices of busy work show ${control.toFixed(1)} ms here now)`,
    )
    const again = await timed(core, 'import.run', { file, mapping, dryRun: false })
    console.log(
      `  re-import (adds nothing):   ${again.seconds.toFixed(3)} s, added ${again.data.customers + again.data.vehicles}, already there ${again.data.alreadyThere}`,
    )

    const searches = {
      "customers.list 'müller'": await medianMs(core, 'customers.list', { search: 'müller' }),
      "customers.list 'jose' (finds José)": await medianMs(core, 'customers.list', { search: 'jose' }),
      "customers.list 'zoe' NFD": await medianMs(core, 'customers.list', { search: 'Zoe\u0308'.normalize('NFD') }),
      'customers.list (no search)': await medianMs(core, 'customers.list', {}),
      "vehicles.list 'skoda'": await medianMs(core, 'vehicles.list', { search: 'skoda' }),
    }
    for (const [name, { ms, hits }] of Object.entries(searches)) {
      console.log(`  ${name.padEnd(36)} median ${ms.toFixed(1)} ms over ${VEHICLES} customers (${hits} found)`)
    }
    return { rowsPerSecond, longestStallMs }
  } finally {
    await core.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchImport()
}
