import { afterEach, describe, expect, it } from 'vitest'
import { SHOP_CAL, ny, syncShop, type SyncShop } from './harness'

let shop: SyncShop | undefined
afterEach(async () => {
  await shop?.dispose()
  shop = undefined
})

/** The activity's events on the shop calendar that are not deleted. */
const eventsOf = (s: SyncShop, activityId: number) =>
  s.fake.events(SHOP_CAL).filter((e) => e.status !== 'cancelled' && e.extendedProperties?.private?.shopSchedulerActivity === String(activityId))

/** Booked on the 12th, then unbooked: open work due Wednesday 2025-03-12, without a time. */
async function unbookedDueWednesday(s: SyncShop) {
  const booked = await s.book(ny('2025-03-12T09:00:00'))
  return s.ok('activities.unbook', { id: booked.id, version: booked.version })
}

describe('unbooked due work as all-day events (opt-in)', () => {
  it('shows only once the shop opts in, becomes the booking when booked, comes back when unbooked, and goes when turned off', async () => {
    shop = await syncShop()
    const work = await unbookedDueWednesday(shop)
    expect(work.dueDate).toBe('2025-03-12')
    await shop.syncNow()
    expect(eventsOf(shop, work.id)).toEqual([])
    expect((await shop.ok('sync.getConfig', {})).dueDatesAllDay).toBe(false)

    expect((await shop.ok('sync.setDueDatesAllDay', { enabled: true })).dueDatesAllDay).toBe(true)
    await shop.syncNow()
    const [marker, ...others] = eventsOf(shop, work.id)
    expect(others).toEqual([])
    expect(marker).toMatchObject({ start: { date: '2025-03-12' }, end: { date: '2025-03-13' }, transparency: 'transparent' })
    expect(marker!.summary).toBe('Due: Oil change · 2019 Honda Civic (ABC123)')
    expect(marker!.description).toMatch(/Due Wed, Mar 12, not booked yet/)

    // Booked: the same event now shows the booking's time; still one event.
    const booked = await shop.ok('activities.book', { id: work.id, version: work.version, start: ny('2025-03-13T10:00:00'), bayId: shop.bay1 })
    await shop.syncNow()
    const [asBooking, ...more] = eventsOf(shop, work.id)
    expect(more).toEqual([])
    expect(asBooking!.id).toBe(marker!.id)
    expect(asBooking!.start?.date ?? null).toBeNull()
    expect(new Date(asBooking!.start!.dateTime!).toISOString()).toBe(ny('2025-03-13T10:00:00'))
    expect(asBooking!.transparency).toBe('opaque')

    // Unbooked again: a marker on its due day (the booked day) again.
    const unbooked = await shop.ok('activities.unbook', { id: work.id, version: booked.version })
    await shop.syncNow()
    expect(eventsOf(shop, work.id).map((e) => [e.id, e.start?.date])).toEqual([[marker!.id, unbooked.dueDate]])

    await shop.ok('sync.setDueDatesAllDay', { enabled: false })
    await shop.syncNow()
    expect(eventsOf(shop, work.id)).toEqual([])
  })

  it('a marker moved in Google changes nothing here; one deleted there never comes back until the work is booked', async () => {
    shop = await syncShop()
    const work = await unbookedDueWednesday(shop)
    const other = await unbookedDueWednesday(shop)
    await shop.ok('sync.setDueDatesAllDay', { enabled: true })
    await shop.syncNow()
    const [marker] = eventsOf(shop, work.id)
    shop.fake.external.move(SHOP_CAL, marker!.id!, '2025-03-20', '2025-03-21')
    const round = await shop.syncNow()
    expect(round.pulled.moved).toBe(0)
    expect(round.pulled.conflicts).toBe(0)
    expect(await shop.ok('activities.get', { id: work.id })).toMatchObject({ dueDate: '2025-03-12', start: null })
    expect(await shop.ok('sync.conflicts', {})).toEqual([])

    shop.fake.external.delete(SHOP_CAL, eventsOf(shop, other.id)[0]!.id!)
    await shop.syncNow()
    expect(await shop.ok('activities.get', { id: other.id })).toMatchObject({ dueDate: '2025-03-12', start: null, status: 'scheduled' })
    // Anything that re-queues it (the vehicle's plate changes) does not re-create the marker.
    const v = await shop.ok('vehicles.get', { id: shop.vehicleId })
    await shop.ok('vehicles.update', {
      id: v.id,
      customerId: v.customerId,
      vin: v.vin,
      make: v.make,
      model: v.model,
      year: v.year,
      onboardingDate: v.onboardingDate,
      licensePlate: 'XYZ 987',
    })
    expect((await shop.ok('sync.status', { accountId: 1 })).queued).toBeGreaterThan(0)
    await shop.syncNow()
    expect(eventsOf(shop, other.id)).toEqual([])
    // Booking the work shows it again, as a booking.
    const current = await shop.ok('activities.get', { id: other.id })
    await shop.ok('activities.book', { id: other.id, version: current.version, start: ny('2025-03-14T09:00:00'), bayId: shop.bay1 })
    await shop.syncNow()
    expect(eventsOf(shop, other.id).map((e) => new Date(e.start!.dateTime!).toISOString())).toEqual([ny('2025-03-14T09:00:00')])
  })
})
