import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openShop, planned, type Shop } from './fixture'

// New York in March 2025 before the DST change: EST, UTC-5. Monday 2025-03-03 … Sunday 03-09.
const at = (local: string): string => new Date(`${local}-05:00`).toISOString()

describe('booking capacity (rule 9)', () => {
  let shop: Shop
  beforeEach(async () => (shop = await openShop({ now: '2025-03-01T15:00:00Z' })))
  afterEach(() => shop.core.dispose())

  const book = (activityTypeId: number, start: string, extra: { end?: string; bayId?: number; technicianId?: number; vehicleId?: number } = {}) =>
    shop.core.invoke('activities.createManual', { vehicleId: extra.vehicleId ?? shop.vehicleId, activityTypeId, start, ...extra })

  it('ends a booking after the type duration by default and pins manual work', async () => {
    const a = await shop.core.ok('activities.createManual', { vehicleId: shop.vehicleId, activityTypeId: shop.brakes, start: at('2025-03-04T10:00') })
    expect(a).toMatchObject({
      start: at('2025-03-04T10:00'),
      end: at('2025-03-04T11:30'),
      dueDate: '2025-03-04',
      origin: 'manual',
      pinned: true,
      status: 'scheduled',
    })
  })

  it('refuses a bay clash and names the bay, the time and the vehicle', async () => {
    await shop.core.ok('activities.createManual', { vehicleId: shop.vehicleId, activityTypeId: shop.oil, start: at('2025-03-04T10:00'), bayId: shop.bay2 })
    const r = await book(shop.oil, at('2025-03-04T10:30'), { bayId: shop.bay2, vehicleId: shop.otherVehicleId })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('conflict')
    expect(r.error.message).toContain('Bay 2 is booked 10:00 AM – 11:00 AM for 2019 Honda Civic (ABC123)')
    // Another bay at the same time is fine, and so is the same bay right after.
    expect((await book(shop.oil, at('2025-03-04T10:30'), { bayId: shop.bay1 })).ok).toBe(true)
    expect((await book(shop.oil, at('2025-03-04T11:00'), { bayId: shop.bay2 })).ok).toBe(true)
  })

  it('refuses a technician clash and names the technician', async () => {
    await shop.core.ok('activities.createManual', {
      vehicleId: shop.otherVehicleId,
      activityTypeId: shop.brakes,
      start: at('2025-03-04T13:00'),
      technicianId: shop.alex,
      bayId: shop.bay1,
    })
    const r = await book(shop.oil, at('2025-03-04T14:00'), { technicianId: shop.alex, bayId: shop.bay2 })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('conflict')
    expect(r.error.message).toContain('Alex Moreno is booked 1:00 PM – 2:30 PM for 2020 Ford Transit (FLEET7)')
    expect((await book(shop.oil, at('2025-03-04T14:00'), { technicianId: shop.sam, bayId: shop.bay2 })).ok).toBe(true)
  })

  it('lets a booking move within its own slot, and cancelled work frees its slot', async () => {
    const a = await shop.core.ok('activities.createManual', {
      vehicleId: shop.vehicleId,
      activityTypeId: shop.oil,
      start: at('2025-03-04T10:00'),
      bayId: shop.bay1,
    })
    const moved = await shop.core.ok('activities.book', { id: a.id, version: a.version, start: at('2025-03-04T10:30'), bayId: shop.bay1 })
    expect(moved.start).toBe(at('2025-03-04T10:30'))
    await shop.core.ok('activities.cancel', { id: a.id, version: moved.version, reason: 'Customer called off' })
    expect((await book(shop.oil, at('2025-03-04T10:30'), { bayId: shop.bay1, vehicleId: shop.otherVehicleId })).ok).toBe(true)
  })

  it('keeps the bay and technician when a booking is moved to another time, and checks them there', async () => {
    const { core } = shop
    await core.ok('activities.createManual', { vehicleId: shop.otherVehicleId, activityTypeId: shop.oil, start: at('2025-03-05T10:00'), bayId: shop.bay2 })
    const a = await core.ok('activities.createManual', {
      vehicleId: shop.vehicleId,
      activityTypeId: shop.oil,
      start: at('2025-03-04T10:00'),
      bayId: shop.bay2,
      technicianId: shop.sam,
    })
    const clash = await core.refused('activities.book', { id: a.id, version: a.version, start: at('2025-03-05T10:00') })
    expect(clash.message).toContain('Bay 2 is booked 10:00 AM – 11:00 AM for 2020 Ford Transit (FLEET7)')
    const moved = await core.ok('activities.book', { id: a.id, version: a.version, start: at('2025-03-05T13:00') })
    expect(moved).toMatchObject({ bayId: shop.bay2, technicianId: shop.sam, start: at('2025-03-05T13:00') })
    const cleared = await core.ok('activities.book', { id: a.id, version: moved.version, start: at('2025-03-05T13:00'), technicianId: null })
    expect(cleared).toMatchObject({ bayId: shop.bay2, technicianId: null })
  })

  it('refuses times outside shop hours and closed days, in the shop time zone', async () => {
    const early = await shop.core.refused('activities.createManual', { vehicleId: shop.vehicleId, activityTypeId: shop.oil, start: at('2025-03-04T07:30') })
    expect(early.code).toBe('conflict')
    expect(early.message).toContain('outside shop hours: Tuesday 8:00 AM – 5:00 PM')
    const late = await shop.core.refused('activities.createManual', { vehicleId: shop.vehicleId, activityTypeId: shop.oil, start: at('2025-03-04T16:30') })
    expect(late.message).toContain('4:30 PM – 5:30 PM')
    // Saturday closes at noon, Sunday is closed.
    expect((await book(shop.oil, at('2025-03-08T11:00'))).ok).toBe(true)
    expect((await book(shop.oil, at('2025-03-08T11:30'))).ok).toBe(false)
    const sunday = await shop.core.refused('activities.createManual', { vehicleId: shop.vehicleId, activityTypeId: shop.oil, start: at('2025-03-09T10:00') })
    expect(sunday.message).toBe('The shop is closed on Sundays.')
    // 08:00–17:00 exactly fits.
    expect((await book(shop.oil, at('2025-03-05T08:00'), { end: at('2025-03-05T17:00') })).ok).toBe(true)
  })

  it('refuses shop, bay and technician closures, naming them', async () => {
    const { core } = shop
    await core.ok('closures.create', { startsOn: '2025-03-06', endsOn: '2025-03-06', scope: 'shop', reason: 'Inventory' })
    await core.ok('closures.create', { startsOn: '2025-03-04', endsOn: '2025-03-05', scope: 'bay', bayId: shop.bay2, reason: 'Lift repair' })
    await core.ok('closures.create', { startsOn: '2025-03-07', endsOn: '2025-03-14', scope: 'technician', technicianId: shop.sam })

    const shopClosed = await core.refused('activities.createManual', { vehicleId: shop.vehicleId, activityTypeId: shop.oil, start: at('2025-03-06T10:00') })
    expect(shopClosed).toMatchObject({ code: 'conflict', message: 'The shop is closed on Mar 6, 2025 (Inventory).' })
    const bayClosed = await core.refused('activities.createManual', {
      vehicleId: shop.vehicleId,
      activityTypeId: shop.oil,
      start: at('2025-03-05T10:00'),
      bayId: shop.bay2,
    })
    expect(bayClosed.message).toBe('Bay 2 is closed from Mar 4, 2025 to Mar 5, 2025 (Lift repair).')
    const techClosed = await core.refused('activities.createManual', {
      vehicleId: shop.vehicleId,
      activityTypeId: shop.oil,
      start: at('2025-03-07T10:00'),
      technicianId: shop.sam,
    })
    expect(techClosed.message).toBe('Sam Lee is away from Mar 7, 2025 to Mar 14, 2025.')
    // The other bay and technician are open.
    expect((await book(shop.oil, at('2025-03-05T10:00'), { bayId: shop.bay1 })).ok).toBe(true)
    expect((await book(shop.oil, at('2025-03-07T10:00'), { technicianId: shop.alex })).ok).toBe(true)
  })

  it('refuses booking or moving finished and cancelled work', async () => {
    const { core } = shop
    const a = await planned(core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-03-04' })
    const c = await core.ok('activities.cancel', { id: a.id, version: a.version, reason: 'Duplicate' })
    const err = await core.refused('activities.book', { id: c.id, version: c.version, start: at('2025-03-04T10:00') })
    expect(err.code).toBe('refused')
    expect(err.message).toContain('cancelled')
    const b = await planned(core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-03-04' })
    let done = await core.ok('activities.start', { id: b.id, version: b.version })
    done = await core.ok('activities.complete', { id: b.id, version: done.version, completedBy: 'Alex' })
    expect((await core.refused('activities.book', { id: b.id, version: done.version, start: at('2025-03-04T10:00') })).message).toContain('completed')
    expect((await core.refused('activities.setDueDate', { id: b.id, version: done.version, dueDate: '2025-03-10' })).code).toBe('refused')
  })

  it('refuses work for an inactive bay', async () => {
    await shop.core.ok('bays.update', { id: shop.bay2, name: 'Bay 2', active: false })
    const err = await shop.core.refused('activities.createManual', {
      vehicleId: shop.vehicleId,
      activityTypeId: shop.oil,
      start: at('2025-03-04T10:00'),
      bayId: shop.bay2,
    })
    expect(err).toMatchObject({ code: 'refused', message: 'Bay 2 is inactive' })
  })
})
