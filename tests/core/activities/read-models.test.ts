import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ids, openShop, planned, type Shop } from './fixture'

// Today is Wednesday 2025-03-05 in New York (EST, UTC-5).
const at = (local: string): string => new Date(`${local}-05:00`).toISOString()

describe('read models', () => {
  let shop: Shop
  beforeEach(async () => (shop = await openShop({ now: '2025-03-05T15:00:00Z' })))
  afterEach(() => shop.core.dispose())

  async function sample() {
    const { core } = shop
    const overdue = await planned(core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-03-04' })
    const soon = await planned(core, { vehicleId: shop.otherVehicleId, activityTypeId: shop.brakes, dueDate: '2025-03-07' })
    const later = await planned(core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-04-30' })
    const today = await core.ok('activities.createManual', {
      vehicleId: shop.otherVehicleId,
      activityTypeId: shop.oil,
      start: at('2025-03-05T14:00'),
      bayId: shop.bay2,
      technicianId: shop.alex,
    })
    // Due in April, booked for next Monday: it belongs to Monday.
    const moved = await planned(core, { vehicleId: shop.vehicleId, activityTypeId: shop.brakes, dueDate: '2025-04-15' })
    const bookedMonday = await core.ok('activities.book', {
      id: moved.id,
      version: moved.version,
      start: at('2025-03-10T09:00'),
      bayId: shop.bay1,
      technicianId: shop.sam,
    })
    return { overdue, soon, later, today, bookedMonday }
  }

  it('range: due date for unbooked work, booked day for booked work, sorted by day then time', async () => {
    const s = await sample()
    const march = await shop.core.ok('activities.range', { from: '2025-03-01', to: '2025-03-31' })
    expect(ids(march)).toEqual([s.overdue.id, s.today.id, s.soon.id, s.bookedMonday.id])
    expect(ids(await shop.core.ok('activities.range', { from: '2025-04-01', to: '2025-04-30' }))).toEqual([s.later.id])
    // Inclusive at both ends.
    expect(ids(await shop.core.ok('activities.range', { from: '2025-03-10', to: '2025-03-10' }))).toEqual([s.bookedMonday.id])
  })

  it('range: filters by vehicle, status, category, bay, technician and text', async () => {
    const s = await sample()
    const { core } = shop
    const r = (extra: object) => core.ok('activities.range', { from: '2025-03-01', to: '2025-04-30', ...extra })
    expect(ids(await r({ vehicleId: shop.otherVehicleId }))).toEqual([s.today.id, s.soon.id])
    expect(ids(await r({ category: ['repair'] }))).toEqual([s.soon.id, s.bookedMonday.id])
    expect(ids(await r({ bayId: shop.bay1 }))).toEqual([s.bookedMonday.id])
    expect(ids(await r({ technicianId: shop.alex }))).toEqual([s.today.id])
    await core.ok('activities.cancel', { id: s.later.id, version: s.later.version, reason: 'Sold' })
    expect(ids(await r({ status: ['cancelled'] }))).toEqual([s.later.id])
    expect(ids(await r({ status: ['scheduled'], category: ['maintenance'] }))).toEqual([s.overdue.id, s.today.id])
    // Text: plate typed loosely, customer, type, make and model, VIN.
    expect(ids(await r({ text: 'fleet-7' }))).toEqual([s.today.id, s.soon.id])
    expect(ids(await r({ text: 'jane' }))).toEqual([s.overdue.id, s.bookedMonday.id, s.later.id])
    expect(ids(await r({ text: 'brake' }))).toEqual([s.soon.id, s.bookedMonday.id])
    expect(ids(await r({ text: 'ford trans' }))).toEqual([s.today.id, s.soon.id])
    const vin = (await core.ok('vehicles.get', { id: shop.otherVehicleId })).vin
    expect(ids(await r({ text: vin.slice(-6).toLowerCase() }))).toEqual([s.today.id, s.soon.id])
  })

  it('urgency: overdue, due soon within the days threshold, later; none once finished', async () => {
    const s = await sample()
    const get = async (id: number) => (await shop.core.ok('activities.get', { id })).urgency
    expect(await get(s.overdue.id)).toBe('overdue')
    expect(await get(s.soon.id)).toBe('due_soon')
    expect(await get(s.bookedMonday.id)).toBe('due_soon') // booked in 5 days, though due in April
    expect(await get(s.later.id)).toBe('later')
    await shop.core.ok('settings.update', { dueSoonDays: 3 })
    expect(await get(s.bookedMonday.id)).toBe('later')
    await shop.core.ok('activities.cancel', { id: s.soon.id, version: s.soon.version, reason: 'Sold' })
    expect(await get(s.soon.id)).toBe(null)
  })

  it('urgency: mileage work is due soon when the projected driving before it is under the miles threshold', async () => {
    const { core } = shop
    const tpl = await core.ok('templates.create', { activityTypeId: shop.oil, intervalMiles: 5_000 })
    // Pinned, so the scheduler's re-planning after the new reading leaves its date alone.
    const a = await planned(core, {
      vehicleId: shop.vehicleId,
      activityTypeId: shop.oil,
      dueDate: '2025-04-04',
      templateId: tpl.id,
      key: `template:${tpl.id}:1`,
      pinned: true,
    })
    // No projection yet (one reading): 30 days out is later.
    expect((await core.ok('activities.get', { id: a.id })).urgency).toBe('later')
    // 20,000 on Jan 2 to 22,000 on Mar 3: about 33 miles a day, so ~1,000 miles in 30 days.
    await core.ok('odometer.add', { vehicleId: shop.vehicleId, date: '2025-03-03', miles: 22_000 })
    expect((await core.ok('activities.get', { id: a.id })).urgency).toBe('later')
    await core.ok('settings.update', { dueSoonMiles: 1_500 })
    expect((await core.ok('activities.get', { id: a.id })).urgency).toBe('due_soon')
    const view = await core.ok('activities.today', {})
    expect(ids(view.dueSoon)).toContain(a.id)
  })

  it('today: booked today, overdue, due soon unbooked, bookings this week, customers to contact', async () => {
    const s = await sample()
    const { core } = shop
    const view = await core.ok('activities.today', {})
    expect(view.date).toBe('2025-03-05')
    expect(ids(view.booked)).toEqual([s.today.id])
    expect(ids(view.overdue)).toEqual([s.overdue.id])
    expect(ids(view.dueSoon)).toEqual([s.soon.id])
    expect(ids(view.upcoming)).toEqual([s.bookedMonday.id])
    // Reminder days = 3: due or booked from today to 03-08, not contacted.
    expect(ids(view.toContact)).toEqual([s.today.id, s.soon.id])
    const soon = await core.ok('activities.get', { id: s.soon.id })
    await core.ok('activities.markContacted', { id: soon.id, version: soon.version })
    expect(ids((await core.ok('activities.today', {})).toContact)).toEqual([s.today.id])
    // Moving it to another day is news again: back on the list.
    const contacted = await core.ok('activities.get', { id: s.soon.id })
    expect(contacted.contactedAt).not.toBeNull()
    await core.ok('activities.setDueDate', { id: soon.id, version: contacted.version, dueDate: '2025-03-06' })
    expect(ids((await core.ok('activities.today', {})).toContact)).toEqual([s.today.id, s.soon.id])
    await core.ok('settings.update', { remindersEnabled: false })
    expect((await core.ok('activities.today', {})).toContact).toEqual([])
  })

  it('upcoming N days, overdue (with missed work) and unbooked lists', async () => {
    const s = await sample()
    const { core } = shop
    expect(ids(await core.ok('activities.upcoming', { days: 1 }))).toEqual([s.today.id])
    expect(ids(await core.ok('activities.upcoming', { days: 7 }))).toEqual([s.today.id, s.soon.id, s.bookedMonday.id])
    const old = await planned(core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-02-01' })
    // A day later with 10 days of grace, only the February work is missed.
    await core.ok('settings.update', { missedGraceDays: 10 })
    core.setNow('2025-03-06T15:00:00Z')
    expect(await core.background.checkDayChange()).toBe(1)
    expect((await core.ok('activities.get', { id: old.id })).status).toBe('missed')
    core.setNow('2025-03-05T15:00:00Z')
    expect(ids(await core.ok('activities.overdue', {}))).toEqual([old.id, s.overdue.id])
    expect(ids(await core.ok('activities.unbooked', {}))).toEqual([s.overdue.id, s.soon.id])
    expect(ids(await core.ok('activities.unbooked', { to: '2025-12-31' }))).toEqual([s.overdue.id, s.soon.id, s.later.id])
    expect(ids(await core.ok('activities.unbooked', { from: '2025-03-05', to: '2025-12-31', text: 'civic' }))).toEqual([s.later.id])
  })

  it('a deactivated vehicle leaves the lists that ask the front desk to act, but keeps its history', async () => {
    const s = await sample()
    const { core } = shop
    const old = await planned(core, { vehicleId: shop.otherVehicleId, activityTypeId: shop.oil, dueDate: '2025-02-20' })
    expect(ids(await core.ok('activities.overdue', {}))).toEqual([old.id, s.overdue.id])
    await core.ok('vehicles.setStatus', { id: shop.otherVehicleId, status: 'inactive' })
    expect(ids(await core.ok('activities.overdue', {}))).toEqual([s.overdue.id])
    expect(ids(await core.ok('activities.unbooked', { to: '2025-12-31' }))).not.toContain(old.id)
    const today = await core.ok('activities.today', {})
    expect(ids(today.overdue)).toEqual([s.overdue.id])
    expect(ids(today.toContact)).not.toContain(s.soon.id)
    // Its past work is still there to look at.
    expect(ids((await core.ok('activities.forVehicle', { vehicleId: shop.otherVehicleId })).overdue)).toContain(old.id)
    expect(ids(await core.ok('activities.range', { from: '2025-02-01', to: '2025-02-28' }))).toContain(old.id)
  })

  it("one vehicle's schedule: overdue, upcoming, and history newest first", async () => {
    const s = await sample()
    const { core } = shop
    let done = await core.ok('activities.start', { id: s.overdue.id, version: s.overdue.version })
    done = await core.ok('activities.complete', { id: done.id, version: done.version, completedBy: 'Sam' })
    const overdue2 = await planned(core, { vehicleId: shop.vehicleId, activityTypeId: shop.brakes, dueDate: '2025-03-01' })
    const cancelled = await core.ok('activities.cancel', { id: s.later.id, version: s.later.version, reason: 'Sold' })
    const sched = await core.ok('activities.forVehicle', { vehicleId: shop.vehicleId })
    expect(ids(sched.overdue)).toEqual([overdue2.id])
    expect(ids(sched.upcoming)).toEqual([s.bookedMonday.id])
    expect(ids(sched.history)).toEqual([cancelled.id, done.id])
    expect((await core.refused('activities.forVehicle', { vehicleId: 999 })).code).toBe('not_found')
  })

  it('stats: counts by status and category, completion rate over what was due', async () => {
    const s = await sample()
    const { core } = shop
    const x = await core.ok('activities.start', { id: s.today.id, version: s.today.version })
    await core.ok('activities.complete', { id: x.id, version: x.version, completedBy: 'Alex' })
    const stats = await core.ok('activities.stats', { from: '2025-03-01', to: '2025-03-31' })
    expect(stats.total).toBe(4)
    expect(stats.byStatus).toEqual({ scheduled: 3, in_progress: 0, completed: 1, cancelled: 0, missed: 0 })
    expect(stats.byCategory).toEqual({ inspection: 0, maintenance: 2, repair: 2, other: 0 })
    // Completed 1 of 2 due so far (the overdue oil change is still open).
    expect(stats.completionRate).toBe(0.5)
    expect((await core.ok('activities.stats', { from: '2025-06-01', to: '2025-06-30' })).completionRate).toBe(null)
  })
})

describe('free slots', () => {
  let shop: Shop
  beforeEach(async () => (shop = await openShop({ now: '2025-03-03T12:00:00Z' })))
  afterEach(() => shop.core.dispose())

  it('respects shop hours, closures, bookings and the chosen bay, and never offers the past', async () => {
    const { core } = shop
    // Monday 07:00 New York now; shop opens at 08:00.
    await core.ok('closures.create', { startsOn: '2025-03-04', endsOn: '2025-03-04', scope: 'shop', reason: 'Training' })
    await core.ok('activities.createManual', { vehicleId: shop.vehicleId, activityTypeId: shop.oil, start: at('2025-03-03T08:00'), bayId: shop.bay1 })
    const onBay1 = await core.ok('activities.freeSlots', { durationMinutes: 60, from: '2025-03-03', days: 3, bayId: shop.bay1, limit: 100 })
    const starts = onBay1.map((s) => s.start)
    expect(starts[0]).toBe(at('2025-03-03T09:00')) // 08:00–09:00 is taken
    expect(starts.filter((t) => t.startsWith('2025-03-04'))).toEqual([]) // closed for training
    expect(starts.at(-1)).toBe(at('2025-03-05T16:00')) // last hour before 17:00
    expect(onBay1.every((s) => s.bayId === shop.bay1)).toBe(true)
    // Without a bay, the other bay is free at 08:00.
    const any = await core.ok('activities.freeSlots', { durationMinutes: 60, from: '2025-03-03', days: 1, limit: 1 })
    expect(any[0]).toMatchObject({ start: at('2025-03-03T08:00'), bayId: shop.bay2 })
    // Later today, nothing before now.
    core.setNow(at('2025-03-03T10:10'))
    const later = await core.ok('activities.freeSlots', { durationMinutes: 60, from: '2025-03-03', days: 1, limit: 1 })
    expect(later[0]?.start).toBe(at('2025-03-03T10:30'))
  })

  it('skips a technician on vacation and one already booked', async () => {
    const { core } = shop
    await core.ok('closures.create', { startsOn: '2025-03-03', endsOn: '2025-03-07', scope: 'technician', technicianId: shop.sam })
    await core.ok('activities.createManual', {
      vehicleId: shop.vehicleId,
      activityTypeId: shop.oil,
      start: at('2025-03-03T08:00'),
      technicianId: shop.alex,
      bayId: shop.bay1,
    })
    expect(await core.ok('activities.freeSlots', { durationMinutes: 60, from: '2025-03-03', days: 5, technicianId: shop.sam, limit: 5 })).toEqual([])
    const alex = await core.ok('activities.freeSlots', { durationMinutes: 60, from: '2025-03-03', days: 1, limit: 1 })
    expect(alex[0]).toMatchObject({ start: at('2025-03-03T09:00'), technicianId: shop.alex })
    expect((await core.refused('activities.freeSlots', { durationMinutes: 60, from: '2025-03-03', bayId: 999 })).code).toBe('not_found')
  })
})
