import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { desksOnOneDatabase, type Desk, type Desks } from '../../helpers/desks'
import { testDialect } from '../../helpers/postgres'
import { insertVehicle } from './fixture'
import type { Logger } from '../../../electron/core/logger'

// New York, March 2025 (EST, UTC-5); Tuesday 2025-03-04 is inside shop hours.
const at = (local: string): string => new Date(`${local}-05:00`).toISOString()

describe.runIf(testDialect() === 'postgres')('two desks on one server: capacity and versions', () => {
  let shop: Desks
  let retries: string[]
  let vehicleId: number
  let bay1: number
  let oil: number

  beforeEach(async () => {
    retries = []
    // The retries the desks needed, as the log tells them (db/serializable.ts).
    const log: Logger = { info: (m) => void (m.startsWith('Transaction retried') && retries.push(m)), warn() {}, error() {} }
    shop = await desksOnOneDatabase(2, { now: '2025-03-01T15:00:00Z', timeZone: 'America/New_York', log })
    const [a] = shop.desks as [Desk]
    await a.ok('settings.update', { autoSchedule: false })
    const jane = await a.ok('customers.create', { name: 'Jane Doe' })
    // Straight into the table: creating a vehicle plans its work with the scheduler's SQLite path (issue 13, pg-raw-paths).
    vehicleId = await insertVehicle(a, jane.id)
    bay1 = (await a.ok('bays.create', { name: 'Bay 1' })).id
    await a.ok('bays.create', { name: 'Bay 2' })
    oil = (await a.ok('activityTypes.create', { name: 'Oil change', category: 'maintenance', durationMinutes: 60 })).id
  })
  afterEach(() => shop.dispose())

  /** 50 bookings of Bay 1 at 10:00 on Tuesday, split across both desks and fired at once. */
  const fiftyAtOnce = async () => {
    const [a, b] = shop.desks as [Desk, Desk]
    const started = performance.now()
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 === 0 ? a : b).invoke('activities.createManual', { vehicleId, activityTypeId: oil, start: at('2025-03-04T10:00'), bayId: bay1 }),
      ),
    )
    const took = performance.now() - started
    const stood = results.filter((r) => r.ok)
    const refused = results.flatMap((r) => (r.ok ? [] : [r.error]))
    expect(stood).toHaveLength(1)
    expect(refused).toHaveLength(49)
    for (const error of refused) {
      expect(error.code).toBe('conflict')
      expect(error.message).toContain('Bay 1 is booked 10:00 AM – 11:00 AM for 2019 Honda Civic (ABC123): Oil change.')
    }
    // Both desks read the one booking that stands.
    for (const desk of [a, b]) {
      const booked = await desk.db.selectFrom('activities').select('id').where('bay_id', '=', bay1).where('status', '!=', 'cancelled').execute()
      expect(booked).toHaveLength(1)
    }
    const codes = [...new Set(retries.map((r) => r.split(' ')[3]))].join(', ') || 'none'
    return `1 stood, 49 refused with the clash named, in ${took.toFixed(0)} ms; ${retries.length} transactions retried (${codes})`
  }

  it('lets exactly one of 50 bookings of one bay and time stand, fired at once from both desks, and names the clash to the other 49', async () => {
    console.info(`50 concurrent bookings on 2 desks: ${await fiftyAtOnce()}`)
  })

  it('holds the same by serializable transactions alone, without the database constraint', async () => {
    await sql`alter table activities drop constraint activities_bay_no_overlap`.execute(shop.desks[0]!.db)
    console.info(`50 concurrent bookings on 2 desks, no constraint: ${await fiftyAtOnce()}`)
  })

  it('refuses, as the same clear conflict, a second overlapping booking written past the app (the database constraint)', async () => {
    const [a, b] = shop.desks as [Desk, Desk]
    const first = await a.ok('activities.createManual', { vehicleId, activityTypeId: oil, start: at('2025-03-04T10:00'), bayId: bay1 })
    const other = await b.ok('activities.createManual', { vehicleId, activityTypeId: oil, start: at('2025-03-04T12:00'), bayId: bay1 })
    // As if the app's check had not seen the first booking: the server itself refuses the overlap.
    const overlap = b.db
      .updateTable('activities')
      .set({ start_at: at('2025-03-04T10:30'), end_at: at('2025-03-04T11:30') })
      .where('id', '=', other.id)
      .execute()
    await expect(overlap).rejects.toMatchObject({ code: '23P01' })
    // Completed work holds its slot only until it was completed, cancelled work not at all: the constraint agrees with the app.
    await a.db.updateTable('activities').set({ status: 'cancelled' }).where('id', '=', first.id).execute()
    await b.db
      .updateTable('activities')
      .set({ start_at: at('2025-03-04T10:30'), end_at: at('2025-03-04T11:30') })
      .where('id', '=', other.id)
      .execute()
  })

  it('refuses an edit made against a stale version on the other desk, also when both edit at the same moment', async () => {
    const [a, b] = shop.desks as [Desk, Desk]
    const created = await a.ok('activities.createManual', { vehicleId, activityTypeId: oil, start: at('2025-03-04T10:00'), bayId: bay1 })
    const seenOnB = await b.ok('activities.get', { id: created.id })
    await a.ok('activities.update', { id: created.id, version: created.version, notes: 'from desk A' })
    const stale = await b.refused('activities.update', { id: created.id, version: seenOnB.version, notes: 'from desk B' })
    expect(stale.code).toBe('stale')
    expect(stale.message).toContain('changed since you opened it')

    // Ten edits from each desk, all against the same version, at once: one stands, the rest are stale.
    const current = await b.ok('activities.get', { id: created.id })
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).invoke('activities.update', { id: created.id, version: current.version, notes: `edit ${i}` })),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const refusals = results.flatMap((r) => (r.ok ? [] : [r.error.code]))
    expect(refusals).toEqual(Array(19).fill('stale'))
    const after = await a.ok('activities.get', { id: created.id })
    expect(after.version).toBe(current.version + 1)
  })
})
