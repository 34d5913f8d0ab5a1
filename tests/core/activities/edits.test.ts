import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Activity } from '../../../shared/domain/activities'
import { openShop, planned, type Shop } from './fixture'

const at = (local: string): string => new Date(`${local}-05:00`).toISOString()

describe('editing activities', () => {
  let shop: Shop
  let a: Activity
  beforeEach(async () => {
    shop = await openShop({ now: '2025-03-03T15:00:00Z' })
    a = await planned(shop.core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-03-05' })
  })
  afterEach(() => shop.core.dispose())

  it('refuses a stale edit, applies nothing and hands back the current activity', async () => {
    const { core } = shop
    const booked = await core.ok('activities.book', { id: a.id, version: a.version, start: at('2025-03-05T10:00'), bayId: shop.bay1 })
    expect(booked.version).toBe(a.version + 1)
    // A second screen still holds the first version.
    const err = await core.refused('activities.book', { id: a.id, version: a.version, start: at('2025-03-05T14:00'), bayId: shop.bay2 })
    expect(err.code).toBe('stale')
    expect(err.message).toContain('booked by tester')
    expect(err.details).toMatchObject({ id: a.id, version: booked.version, start: at('2025-03-05T10:00'), bayId: shop.bay1 })
    for (const call of [
      core.refused('activities.update', { id: a.id, version: a.version, notes: 'lost' }),
      core.refused('activities.cancel', { id: a.id, version: a.version, reason: 'lost' }),
      core.refused('activities.start', { id: a.id, version: a.version }),
    ]) {
      expect((await call).code).toBe('stale')
    }
    const now = await core.ok('activities.get', { id: a.id })
    expect(now).toMatchObject({ version: booked.version, start: at('2025-03-05T10:00'), bayId: shop.bay1, notes: null, status: 'scheduled' })
    expect((await core.ok('activities.history', { id: a.id })).length).toBe(1)
  })

  it('pins on book, unbook, setDueDate, update and rebook, bumping the version each time', async () => {
    const { core } = shop
    expect(a.pinned).toBe(false)
    const d = await core.ok('activities.setDueDate', { id: a.id, version: a.version, dueDate: '2025-03-07' })
    expect(d).toMatchObject({ pinned: true, dueDate: '2025-03-07', version: a.version + 1 })

    const b = await planned(core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-03-05' })
    const u = await core.ok('activities.update', { id: b.id, version: b.version, notes: 'Bring own oil' })
    expect(u).toMatchObject({ pinned: true, notes: 'Bring own oil', version: b.version + 1 })

    const c = await planned(core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-03-05' })
    const booked = await core.ok('activities.book', { id: c.id, version: c.version, start: at('2025-03-05T09:00') })
    expect(booked).toMatchObject({ pinned: true, end: at('2025-03-05T10:00') })
    const unbooked = await core.ok('activities.unbook', { id: c.id, version: booked.version })
    expect(unbooked).toMatchObject({ pinned: true, start: null, end: null, bayId: null, version: booked.version + 1 })
    expect((await core.refused('activities.setDueDate', { id: booked.id, version: unbooked.version + 5, dueDate: '2025-03-09' })).code).toBe('stale')
  })

  it('refuses a new due date for booked work: the booking decides its day', async () => {
    const booked = await shop.core.ok('activities.book', { id: a.id, version: a.version, start: at('2025-03-05T10:00') })
    const err = await shop.core.refused('activities.setDueDate', { id: a.id, version: booked.version, dueDate: '2025-03-10' })
    expect(err).toMatchObject({ code: 'refused' })
    expect(err.message).toMatch(/booked/)
  })

  it('logs every change with who, what and the fields as [before, after]', async () => {
    const { core } = shop
    let x = await core.ok('activities.book', { id: a.id, version: a.version, start: at('2025-03-05T10:00'), bayId: shop.bay1, technicianId: shop.alex })
    x = await core.ok('activities.book', { id: a.id, version: x.version, start: at('2025-03-05T11:00'), bayId: shop.bay2, technicianId: shop.alex })
    x = await core.ok('activities.markContacted', { id: a.id, version: x.version })
    await core.ok('activities.start', { id: a.id, version: x.version })
    const history = await core.ok('activities.history', { id: a.id })
    expect(history.map((h) => [h.action, h.actor])).toEqual([
      ['started', 'tester'],
      ['contacted', 'tester'],
      ['moved', 'tester'],
      ['booked', 'tester'],
    ])
    expect(history[2]!.changes).toEqual({
      start: [at('2025-03-05T10:00'), at('2025-03-05T11:00')],
      end: [at('2025-03-05T11:00'), at('2025-03-05T12:00')],
      bayId: [shop.bay1, shop.bay2],
    })
    expect(history[3]!.changes).toMatchObject({ start: [null, at('2025-03-05T10:00')], pinned: [0, 1] })
    expect(history[0]!.changes).toEqual({ status: ['scheduled', 'in_progress'], startedAt: [null, '2025-03-03T15:00:00.000Z'] })
  })

  it('completion records when, who, odometer and notes; the odometer becomes a reading', async () => {
    const { core } = shop
    const started = await core.ok('activities.start', { id: a.id, version: a.version })
    const done = await core.ok('activities.complete', {
      id: a.id,
      version: started.version,
      completedBy: 'Alex Moreno',
      completedAt: '2025-03-03T14:30:00Z',
      odometer: 23_456,
      notes: 'Used 5W-30',
    })
    expect(done).toMatchObject({
      status: 'completed',
      completedAt: '2025-03-03T14:30:00.000Z',
      completedBy: 'Alex Moreno',
      completionOdometer: 23_456,
      completionNotes: 'Used 5W-30',
      urgency: null,
    })
    const readings = await core.ok('odometer.list', { vehicleId: shop.vehicleId })
    expect(readings.at(-1)).toMatchObject({ date: '2025-03-03', miles: 23_456, source: 'completion' })
    const [entry] = await core.ok('activities.history', { id: a.id })
    expect(entry).toMatchObject({ action: 'completed', actor: 'Alex Moreno' })
    expect(entry!.changes).toMatchObject({ status: ['in_progress', 'completed'], completionOdometer: [null, 23_456] })
  })

  it('refuses a completion odometer below the last reading, saving nothing', async () => {
    const { core } = shop
    const started = await core.ok('activities.start', { id: a.id, version: a.version })
    const err = await core.refused('activities.complete', { id: a.id, version: started.version, completedBy: 'Alex', odometer: 19_000 })
    expect(err).toMatchObject({ code: 'refused', issues: [{ path: 'odometer' }] })
    expect(err.message).toContain('20,000')
    expect((await core.ok('activities.get', { id: a.id })).status).toBe('in_progress')
    expect((await core.ok('odometer.list', { vehicleId: shop.vehicleId })).length).toBe(1)
  })

  it('records a lower completion odometer when it is marked as a correction', async () => {
    const { core } = shop
    const started = await core.ok('activities.start', { id: a.id, version: a.version })
    const done = await core.ok('activities.complete', {
      id: a.id,
      version: started.version,
      completedBy: 'Alex',
      odometer: 19_000,
      odometerIsCorrection: true,
    })
    expect(done).toMatchObject({ status: 'completed', completionOdometer: 19_000 })
    const readings = await core.ok('odometer.list', { vehicleId: shop.vehicleId })
    expect(readings).toHaveLength(2)
    expect(readings.at(-1)).toMatchObject({ miles: 19_000, isCorrection: true, source: 'completion' })
  })

  it('creates manual work for an active vehicle only', async () => {
    const { core } = shop
    await core.ok('vehicles.setStatus', { id: shop.otherVehicleId, status: 'inactive' })
    const err = await core.refused('activities.createManual', { vehicleId: shop.otherVehicleId, activityTypeId: shop.oil, start: at('2025-03-05T10:00') })
    expect(err.issues?.[0]?.path).toBe('vehicleId')
    const m = await core.ok('activities.createManual', {
      vehicleId: shop.vehicleId,
      activityTypeId: shop.brakes,
      start: at('2025-03-05T10:00'),
      technicianId: shop.sam,
      notes: 'Squeal on braking',
    })
    expect(m).toMatchObject({
      origin: 'manual',
      typeName: 'Brake repair',
      category: 'repair',
      technicianName: 'Sam Lee',
      notes: 'Squeal on braking',
      vehicleLabel: '2019 Honda Civic',
      licensePlate: 'ABC123',
      customerName: 'Jane Doe',
    })
    expect((await core.ok('activities.history', { id: m.id }))[0]).toMatchObject({ action: 'created', actor: 'tester' })
  })

  it('rebooks missed work as due today when no time is given', async () => {
    const { core } = shop
    const old = await planned(core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-02-20' })
    core.setNow('2025-03-04T15:00:00Z')
    await core.background.checkDayChange()
    const missed = await core.ok('activities.get', { id: old.id })
    expect(missed.status).toBe('missed')
    const r = await core.ok('activities.rebook', { id: old.id, version: missed.version })
    expect(r).toMatchObject({ status: 'scheduled', dueDate: '2025-03-04', pinned: true })
    // A booking given with the rebook is capacity-checked like any other.
    await core.ok('activities.createManual', { vehicleId: shop.otherVehicleId, activityTypeId: shop.oil, start: at('2025-03-06T10:00'), bayId: shop.bay1 })
    const other = await planned(core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-02-20' })
    core.setNow('2025-03-05T15:00:00Z')
    await core.background.checkDayChange()
    const m2 = await core.ok('activities.get', { id: other.id })
    const clash = await core.refused('activities.rebook', { id: other.id, version: m2.version, booking: { start: at('2025-03-06T10:30'), bayId: shop.bay1 } })
    expect(clash.code).toBe('conflict')
    expect((await core.ok('activities.get', { id: other.id })).status).toBe('missed')
  })
})
