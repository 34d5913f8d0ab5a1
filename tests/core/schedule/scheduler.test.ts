import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testCore, type TestCore } from '../../helpers/core'
import type { ProgressEvent } from '../../../shared/contract'
import { activityByKey, addTemplate, dueDates, logCount, onboard, referenceTemplates } from './db-fixtures'

let core: TestCore
beforeEach(async () => {
  core = await testCore({ now: '2025-01-01T12:00:00Z', timeZone: 'UTC' })
})
afterEach(async () => {
  await core.dispose()
})

const referenceExample = (t: { oil: number; tires: number; brakes: number }) => ({
  initial: '2025-01-01',
  [`template:${t.oil}:1`]: '2025-04-01',
  [`template:${t.oil}:2`]: '2025-07-01',
  [`template:${t.oil}:3`]: '2025-10-01',
  [`template:${t.oil}:4`]: '2026-01-01',
  [`template:${t.tires}:1`]: '2025-07-01',
  [`template:${t.tires}:2`]: '2026-01-01',
  [`template:${t.brakes}:1`]: '2025-05-01',
  [`template:${t.brakes}:2`]: '2025-09-01',
  [`template:${t.brakes}:3`]: '2026-01-01',
  'inspection:1': '2025-05-01',
  'inspection:2': '2025-09-01',
  'inspection:3': '2026-01-01',
})

describe('scheduler: onboarding', () => {
  it('plans the reference example of DESIGN.md on onboarding and logs every insert', async () => {
    const t = await referenceTemplates(core)
    const vehicleId = await onboard(core, '2025-01-01')
    expect(await dueDates(core, vehicleId)).toEqual(referenceExample(t))
    const log = await core.db.selectFrom('activity_log').selectAll().where('vehicle_id', '=', vehicleId).execute()
    expect(log).toHaveLength(13)
    expect(log.every((l) => l.action === 'planned' && l.actor === 'tester')).toBe(true)
    const initial = await activityByKey(core, vehicleId, 'initial')
    expect(log.find((l) => l.activity_id === initial.id)?.changes).toBe(JSON.stringify({ dueDate: [null, '2025-01-01'] }))
    expect(initial).toMatchObject({ origin: 'initial', status: 'scheduled', pinned: 0, version: 1 })
  })

  it('plans nothing on onboarding when auto-schedule is off, until asked', async () => {
    await core.db.updateTable('settings').set({ auto_schedule: 0 }).execute()
    const t = await referenceTemplates(core)
    const vehicleId = await onboard(core, '2025-01-01')
    expect(await dueDates(core, vehicleId)).toEqual({})
    const preview = await core.ok('schedule.previewVehicle', { vehicleId })
    expect(preview).toMatchObject({ add: 13, move: 0, remove: 0 })
    expect(await dueDates(core, vehicleId)).toEqual({})
    const applied = await core.ok('schedule.reconcileVehicle', { vehicleId })
    expect(applied).toMatchObject({ add: 13, move: 0, remove: 0, notes: [] })
    expect(applied.planned).toHaveLength(13)
    expect(await dueDates(core, vehicleId)).toEqual(referenceExample(t))
  })

  it('re-plans when the onboarding date is edited', async () => {
    const vehicleId = await onboard(core, '2025-01-01')
    const vehicle = await core.ok('vehicles.get', { id: vehicleId })
    const { id, customerId, vin, make, model, year, licensePlate, notes } = vehicle
    await core.ok('vehicles.update', { id, customerId, vin, make, model, year, licensePlate, notes, onboardingDate: '2025-01-02' })
    expect(await dueDates(core, vehicleId)).toEqual({
      initial: '2025-01-02',
      'inspection:1': '2025-05-02',
      'inspection:2': '2025-09-02',
      'inspection:3': '2026-01-02',
    })
  })
})

describe('scheduler: idempotence and what it never touches', () => {
  it('reconciling twice changes nothing the second time', async () => {
    await referenceTemplates(core)
    const vehicleId = await onboard(core, '2025-01-01')
    const before = await core.db.selectFrom('activities').selectAll().orderBy('id').execute()
    const logBefore = await logCount(core)
    expect(await core.ok('schedule.reconcileVehicle', { vehicleId })).toMatchObject({ add: 0, move: 0, remove: 0 })
    expect(await core.ok('schedule.applyAll', {})).toMatchObject({ vehicles: 1, add: 0, move: 0, remove: 0 })
    expect(await core.ok('schedule.applyAll', {})).toMatchObject({ vehicles: 1, add: 0, move: 0, remove: 0 })
    expect(await core.db.selectFrom('activities').selectAll().orderBy('id').execute()).toEqual(before)
    expect(await logCount(core)).toBe(logBefore)
  })

  it('a pinned activity survives a change of the inspection interval; untouched ones follow it', async () => {
    const vehicleId = await onboard(core, '2025-01-01')
    const first = await activityByKey(core, vehicleId, 'inspection:1')
    // The front desk moved it (their channel pins it); done here directly.
    await core.db.updateTable('activities').set({ due_date: '2025-05-10', pinned: 1 }).where('id', '=', first.id).execute()
    await core.db.updateTable('settings').set({ inspection_interval_months: 3 }).execute()

    expect(await core.ok('schedule.previewAll', {})).toEqual({ vehicles: 1, add: 1, move: 2, remove: 0 })
    expect(await dueDates(core, vehicleId)).toMatchObject({ 'inspection:2': '2025-09-01' }) // preview wrote nothing
    expect(await core.ok('schedule.applyAll', {})).toMatchObject({ vehicles: 1, add: 1, move: 2, remove: 0 })
    expect(await dueDates(core, vehicleId)).toEqual({
      initial: '2025-01-01',
      'inspection:1': '2025-05-10',
      'inspection:2': '2025-07-01',
      'inspection:3': '2025-10-01',
      'inspection:4': '2026-01-01',
    })
    const moved = await activityByKey(core, vehicleId, 'inspection:2')
    expect(moved.version).toBe(2)
    const history = await core.db.selectFrom('activity_log').selectAll().where('activity_id', '=', moved.id).orderBy('id').execute()
    expect(history.map((h) => h.action)).toEqual(['planned', 'replanned'])
    expect(JSON.parse(history[1]!.changes!)).toEqual({ dueDate: ['2025-09-01', '2025-07-01'] })

    // Back to 4 months: the pinned one still stays where the person put it, the extra one goes.
    await core.db.updateTable('settings').set({ inspection_interval_months: 4 }).execute()
    expect(await core.ok('schedule.applyAll', {})).toMatchObject({ add: 0, move: 2, remove: 1 })
    expect(await dueDates(core, vehicleId)).toEqual({
      initial: '2025-01-01',
      'inspection:1': '2025-05-10',
      'inspection:2': '2025-09-01',
      'inspection:3': '2026-01-01',
    })
    const removedLog = await core.db.selectFrom('activity_log').selectAll().where('action', '=', 'unplanned').execute()
    expect(removedLog).toHaveLength(1)
  })

  it('never moves, removes or recreates started, finished, cancelled, missed or booked work', async () => {
    const oil = await addTemplate(core, 'Oil change', { months: 3 })
    const vehicleId = await onboard(core, '2025-01-01')
    const set = async (key: string, fields: Record<string, unknown>) => {
      const a = await activityByKey(core, vehicleId, key)
      await core.db.updateTable('activities').set(fields).where('id', '=', a.id).execute()
    }
    await set(`template:${oil}:1`, { status: 'completed', completed_at: '2025-04-01T10:00:00Z' })
    await set(`template:${oil}:2`, { status: 'in_progress' })
    await set(`template:${oil}:3`, { status: 'cancelled', cancel_reason: 'Customer sold the car' })
    await set(`template:${oil}:4`, { start_at: '2026-01-02T09:00:00Z', end_at: '2026-01-02T10:00:00Z' })
    await set('inspection:1', { status: 'missed' })
    const before = await core.db.selectFrom('activities').selectAll().orderBy('id').execute()
    // The template goes away: none of those may disappear or move.
    await core.db.updateTable('maintenance_templates').set({ active: 0 }).execute()
    await core.db.updateTable('settings').set({ inspection_interval_months: 2 }).execute()
    await core.ok('schedule.applyAll', {})
    const after = await core.db
      .selectFrom('activities')
      .selectAll()
      .where(
        'id',
        'in',
        before.map((b) => b.id),
      )
      .orderBy('id')
      .execute()
    const touched = ['initial', 'inspection:2', 'inspection:3']
    expect(after.filter((a) => !touched.includes(a.occurrence_key!))).toEqual(before.filter((a) => !touched.includes(a.occurrence_key!)))
    expect(await core.db.selectFrom('activities').select('id').where('occurrence_key', 'like', 'template:%').execute()).toHaveLength(4)
  })

  it('removes untouched future work that is no longer planned, but leaves overdue work alone', async () => {
    const oil = await addTemplate(core, 'Oil change', { months: 3 })
    const vehicleId = await onboard(core, '2025-01-01')
    core.setNow('2025-04-03T12:00:00Z') // oil 1 (2025-04-01) is overdue, not yet missed
    await core.db.updateTable('maintenance_templates').set({ active: 0 }).where('id', '=', oil).execute()
    expect(await core.ok('schedule.applyAll', {})).toMatchObject({ add: 0, move: 0, remove: 3 })
    const d = await dueDates(core, vehicleId)
    expect(Object.keys(d).filter((k) => k.startsWith('template:'))).toEqual([`template:${oil}:1`])
    const unplanned = await core.db.selectFrom('activity_log').selectAll().where('action', '=', 'unplanned').execute()
    expect(unplanned).toHaveLength(3)
    expect(JSON.parse(unplanned[0]!.changes!)).toEqual({ dueDate: ['2025-07-01', null] })
  })
})

describe('scheduler: closures and closed days', () => {
  it('a new whole-shop closure moves untouched due dates to the next open day; a bay closure does not', async () => {
    const oil = await addTemplate(core, 'Oil change', { months: 3 })
    const vehicleId = await onboard(core, '2025-01-01')
    const now = core.clock.now().toISOString()
    // Thu 2025-04-03 .. Sat 04-05 closed, Sunday closed by the hours: oil moves to Monday 04-07.
    // Onboarded Jan 3, so oil falls on Apr 3.
    const vehicle2 = await onboard(core, '2025-01-03')
    const bay = await core.db.insertInto('bays').values({ name: 'Bay 1', created_at: now }).returning('id').executeTakeFirstOrThrow()
    await core.db
      .insertInto('closures')
      .values([
        { starts_on: '2025-04-03', ends_on: '2025-04-05', scope: 'shop', reason: 'Renovation', created_at: now },
        { starts_on: '2025-07-01', ends_on: '2025-07-01', scope: 'bay', bay_id: bay.id, created_at: now },
      ])
      .execute()
    expect(await core.ok('schedule.applyAll', {})).toMatchObject({ vehicles: 2, add: 0, move: 1, remove: 0 })
    expect((await dueDates(core, vehicle2))[`template:${oil}:1`]).toBe('2025-04-07')
    expect((await dueDates(core, vehicleId))[`template:${oil}:2`]).toBe('2025-07-01')
  })

  it('work moved off a closed day keeps its moved day at the first re-plan after the closed days have passed', async () => {
    const oil = await addTemplate(core, 'Oil change', { months: 3 })
    const vehicleId = await onboard(core, '2025-01-01')
    // Oil falls on Tue 2025-04-01; the shop is closed Apr 1-2, so it is due Thu 04-03.
    await core.ok('closures.create', { startsOn: '2025-04-01', endsOn: '2025-04-02', scope: 'shop', reason: 'Inventory' })
    await core.ok('schedule.applyAll', {})
    const before = await activityByKey(core, vehicleId, `template:${oil}:1`)
    expect(before.due_date).toBe('2025-04-03')

    // The closed days are behind us; a reading re-plans the vehicle.
    core.setNow('2025-04-03T09:00:00Z')
    await core.ok('odometer.add', { vehicleId, date: '2025-04-03', miles: 12_000 })
    const after = await activityByKey(core, vehicleId, `template:${oil}:1`)
    expect(after).toMatchObject({ id: before.id, status: 'scheduled', due_date: '2025-04-03' })
    // And again the next day, when it is overdue work, not something to erase.
    core.setNow('2025-04-04T09:00:00Z')
    await core.ok('schedule.applyAll', {})
    expect((await activityByKey(core, vehicleId, `template:${oil}:1`)).id).toBe(before.id)
  })

  it('an onboarding on a closed Sunday gets its initial inspection on Monday', async () => {
    const vehicleId = await onboard(core, '2025-01-05')
    expect((await dueDates(core, vehicleId))['initial']).toBe('2025-01-06')
  })
})

describe('scheduler: deactivation and reactivation', () => {
  it('deactivation cancels untouched future work (logged); reactivation brings the same occurrences back', async () => {
    await referenceTemplates(core)
    const vehicleId = await onboard(core, '2025-01-01')
    core.setNow('2025-03-01T12:00:00Z')
    const pinned = await activityByKey(core, vehicleId, 'inspection:1')
    await core.db.updateTable('activities').set({ pinned: 1 }).where('id', '=', pinned.id).execute()
    const idsBefore = (await core.db.selectFrom('activities').select('id').orderBy('id').execute()).map((a) => a.id)

    await core.ok('vehicles.setStatus', { id: vehicleId, status: 'inactive' })
    const scheduled = await dueDates(core, vehicleId)
    // The overdue initial inspection (past) and the pinned one stay; the rest is cancelled.
    expect(Object.keys(scheduled).sort()).toEqual(['initial', 'inspection:1'])
    const cancelled = await core.db.selectFrom('activities').selectAll().where('status', '=', 'cancelled').execute()
    expect(cancelled).toHaveLength(11)
    expect(cancelled.every((a) => a.cancel_reason === 'Vehicle deactivated' && a.version === 2)).toBe(true)
    const cancelLog = await core.db.selectFrom('activity_log').selectAll().where('action', '=', 'cancelled').execute()
    expect(cancelLog).toHaveLength(11)

    // An inactive vehicle is left out of schedule-all.
    expect(await core.ok('schedule.applyAll', {})).toMatchObject({ vehicles: 0, add: 0 })

    await core.ok('vehicles.setStatus', { id: vehicleId, status: 'active' })
    expect(await core.db.selectFrom('activities').select('id').where('status', '=', 'cancelled').execute()).toHaveLength(0)
    expect((await core.db.selectFrom('activities').select('id').orderBy('id').execute()).map((a) => a.id)).toEqual(idsBefore)
    const restored = await core.db.selectFrom('activity_log').selectAll().where('action', '=', 'restored').execute()
    expect(restored).toHaveLength(11)
    expect(await core.ok('schedule.reconcileVehicle', { vehicleId })).toMatchObject({ add: 0, move: 0, remove: 0 })
  })

  it('a cancellation a person made is not undone by reactivation', async () => {
    const vehicleId = await onboard(core, '2025-01-01')
    const a = await activityByKey(core, vehicleId, 'inspection:2')
    await core.db.updateTable('activities').set({ status: 'cancelled', cancel_reason: 'Customer asked' }).where('id', '=', a.id).execute()
    await core.ok('vehicles.setStatus', { id: vehicleId, status: 'inactive' })
    await core.ok('vehicles.setStatus', { id: vehicleId, status: 'active' })
    expect((await activityByKey(core, vehicleId, 'inspection:2')).status).toBe('cancelled')
    expect((await activityByKey(core, vehicleId, 'inspection:1')).status).toBe('scheduled')
  })
})

describe('scheduler: time zone', () => {
  it("counts 'today' in the shop's time zone: late evening in New York is still yesterday", async () => {
    const ny = await testCore({ now: '2025-01-01T03:00:00Z', timeZone: 'America/New_York' })
    const utc = await testCore({ now: '2025-01-01T03:00:00Z', timeZone: 'UTC' })
    try {
      // Onboarded 2024-08-31: the first four-month inspection is due 2024-12-31.
      const inNy = await dueDates(ny, await onboard(ny, '2024-08-31'))
      const inUtc = await dueDates(utc, await onboard(utc, '2024-08-31'))
      expect(inNy['inspection:1']).toBe('2024-12-31')
      expect(inUtc['inspection:1']).toBeUndefined()
    } finally {
      await ny.dispose()
      await utc.dispose()
    }
  })
})

describe('scheduler: completions, readings and schedule-all', () => {
  it('completing work through its channel re-plans a last_completed template by itself', async () => {
    const oil = await addTemplate(core, 'Oil change', { months: 3, anchor: 'last_completed' })
    const vehicleId = await onboard(core, '2025-01-01')
    core.setNow('2025-03-14T15:00:00Z')
    const first = await activityByKey(core, vehicleId, `template:${oil}:1`)
    const started = await core.ok('activities.start', { id: first.id, version: first.version })
    await core.ok('activities.complete', { id: first.id, version: started.version, completedBy: 'Sam' })
    const d = await dueDates(core, vehicleId)
    // Completed 2025-03-14: next 06-14 (a Saturday, open), 09-14 (Sunday: Monday 09-15), 12-14 (Sunday: 12-15).
    expect([2, 3, 4].map((k) => d[`template:${oil}:${k}`])).toEqual(['2025-06-14', '2025-09-15', '2025-12-15'])
  })

  it('an odometer reading through its channel re-plans mileage templates by itself', async () => {
    const service = await addTemplate(core, 'Service', { miles: 3000 })
    const vehicleId = await onboard(core, '2024-12-02', 10_000)
    expect(Object.keys(await dueDates(core, vehicleId)).some((k) => k.startsWith('template:'))).toBe(false)
    await core.ok('odometer.add', { vehicleId, date: '2025-01-01', miles: 10_900 })
    const d = await dueDates(core, vehicleId)
    expect([1, 2, 3].map((k) => d[`template:${service}:${k}`])).toEqual(['2025-03-12', '2025-06-20', '2025-09-29'])
  })

  it('a completion re-anchors a last_completed template on reconcile', async () => {
    const oil = await addTemplate(core, 'Oil change', { months: 3, anchor: 'last_completed' })
    const vehicleId = await onboard(core, '2025-01-01')
    core.setNow('2025-03-16T12:00:00Z')
    const first = await activityByKey(core, vehicleId, `template:${oil}:1`)
    await core.db
      .updateTable('activities')
      .set({ status: 'completed', completed_at: '2025-03-15T15:00:00Z', completed_by: 'Sam' })
      .where('id', '=', first.id)
      .execute()
    expect(await core.ok('schedule.reconcileVehicle', { vehicleId })).toMatchObject({ add: 1, move: 3, remove: 0 })
    const d = await dueDates(core, vehicleId)
    // 06-15 and 2026-03-15 are Sundays (closed): the next Mondays.
    expect([2, 3, 4, 5].map((k) => d[`template:${oil}:${k}`])).toEqual(['2025-06-16', '2025-09-15', '2025-12-15', '2026-03-16'])
  })

  it('mileage templates follow new readings; without them the preview says why', async () => {
    const service = await addTemplate(core, 'Service', { miles: 3000 })
    const vehicleId = await onboard(core, '2024-12-02', 10_000)
    const preview = await core.ok('schedule.previewVehicle', { vehicleId })
    expect(preview.notes).toHaveLength(1)
    expect(preview.notes[0]).toMatch(/Service \(every 3000 miles\) plans nothing/)
    await core.db
      .insertInto('odometer_readings')
      .values({ vehicle_id: vehicleId, reading_date: '2025-01-01', miles: 10_900, created_at: '2025-01-01T12:00:00Z' })
      .execute()
    expect(await core.ok('schedule.reconcileVehicle', { vehicleId })).toMatchObject({ add: 3, notes: [] })
    const d = await dueDates(core, vehicleId)
    // 2025-03-12 falls on a Wednesday, 06-20 a Friday, 09-28 a Sunday (closed): Monday 09-29.
    expect([1, 2, 3].map((k) => d[`template:${service}:${k}`])).toEqual(['2025-03-12', '2025-06-20', '2025-09-29'])
  })

  it('schedule-all reports progress and announces the change', async () => {
    await core.db.updateTable('settings').set({ auto_schedule: 0 }).execute()
    for (const date of ['2025-01-01', '2025-02-01', '2025-03-01']) await onboard(core, date)
    const progress: ProgressEvent[] = []
    const changed: string[][] = []
    core.events.on('progress', (p) => progress.push(p))
    core.events.on('changed', (c) => changed.push(c.domains))
    const result = await core.ok('schedule.applyAll', {})
    expect(result).toMatchObject({ vehicles: 3, add: 3 * 4, move: 0, remove: 0 })
    expect(progress[0]).toMatchObject({ job: 'schedule-all', done: 0, total: 3, finished: false })
    expect(progress.at(-1)).toMatchObject({ job: 'schedule-all', done: 3, total: 3, finished: true })
    expect(changed).toContainEqual(['activities'])
  })

  it('refuses to plan an inactive or unknown vehicle', async () => {
    const vehicleId = await onboard(core, '2025-01-01')
    await core.ok('vehicles.setStatus', { id: vehicleId, status: 'inactive' })
    expect((await core.refused('schedule.reconcileVehicle', { vehicleId })).code).toBe('refused')
    expect((await core.refused('schedule.previewVehicle', { vehicleId: 999 })).code).toBe('not_found')
  })
})
