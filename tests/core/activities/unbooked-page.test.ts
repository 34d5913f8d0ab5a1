import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ids, openShop, planned, type Shop } from './fixture'

// Today is Wednesday 2025-03-05 in New York.
describe('activities.unbookedPage', () => {
  let shop: Shop
  beforeEach(async () => (shop = await openShop({ now: '2025-03-05T15:00:00Z' })))
  afterEach(() => shop.core.dispose())

  it('pages through all unbooked work, overdue first, however far ahead it is due', async () => {
    const { core } = shop
    const overdue = await planned(core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-03-04' })
    const soon = await planned(core, { vehicleId: shop.otherVehicleId, activityTypeId: shop.brakes, dueDate: '2025-03-07' })
    const autumn = await planned(core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-10-30' })
    const booked = await planned(core, { vehicleId: shop.vehicleId, activityTypeId: shop.brakes, dueDate: '2025-03-20' })
    await core.ok('activities.book', { id: booked.id, version: booked.version, start: '2025-03-10T14:00:00.000Z', bayId: shop.bay1, technicianId: shop.sam })
    const everything = await core.ok('activities.unbookedPage', {})
    const mine = [overdue.id, soon.id, autumn.id]
    // The fixture's vehicles bring their own planned work; ours is in due order among it.
    expect(ids(everything.items).filter((id) => mine.includes(id))).toEqual(mine)
    expect(ids(everything.items)).not.toContain(booked.id)
    expect(everything.total).toBe(everything.items.length)
    const due = everything.items.map((a) => a.dueDate)
    expect(due).toEqual([...due].sort())

    // Pages: the same order, cut; the total counts them all.
    const first = await core.ok('activities.unbookedPage', { limit: 2 })
    const second = await core.ok('activities.unbookedPage', { limit: 2, offset: 2 })
    expect([...ids(first.items), ...ids(second.items)]).toEqual(ids(everything.items).slice(0, 4))
    expect(first.total).toBe(everything.total)

    // A range and a text narrow it.
    const april = await core.ok('activities.unbookedPage', { from: '2025-03-05', to: '2025-12-31', text: 'civic' })
    expect(ids(april.items)).toContain(autumn.id)
    expect(ids(april.items)).not.toContain(overdue.id)
    expect(april.total).toBe(april.items.length)
    expect(await core.refused('activities.unbookedPage', { limit: 0 })).toMatchObject({ code: 'invalid_input' })
  })
})
