import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openShop, planned, type Shop } from '../activities/fixture'

const at = (local: string): string => new Date(`${local}-05:00`).toISOString()

/** Now: Wed 2025-03-05, 10:00 in New York. Jane's Civic and Acme's Transit; nothing planned by itself. */
describe('the vehicles list: next due work and overdue work', () => {
  let shop: Shop
  beforeEach(async () => {
    shop = await openShop({ now: '2025-03-05T15:00:00Z' })
  })
  afterEach(() => shop.core.dispose())

  it('gives each vehicle its earliest open work and its count of overdue work; finished work is not due', async () => {
    const { core } = shop
    // The Civic: two overdue (one of them missed) and one ahead.
    await planned(core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-03-20' })
    const late = await planned(core, { vehicleId: shop.vehicleId, activityTypeId: shop.brakes, dueDate: '2025-02-25' })
    const missed = await planned(core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-02-27' })
    await core.db.updateTable('activities').set({ status: 'missed' }).where('id', '=', missed.id).execute()
    // The Transit: a booking on Mar 7 (due the 10th), ahead of unbooked work due Mar 8; a completed job earlier.
    const done = await planned(core, { vehicleId: shop.otherVehicleId, activityTypeId: shop.oil, dueDate: '2025-03-01' })
    await core.db.updateTable('activities').set({ status: 'completed' }).where('id', '=', done.id).execute()
    await planned(core, { vehicleId: shop.otherVehicleId, activityTypeId: shop.oil, dueDate: '2025-03-08' })
    const booked = await planned(core, { vehicleId: shop.otherVehicleId, activityTypeId: shop.brakes, dueDate: '2025-03-10' })
    await core.ok('activities.book', { id: booked.id, version: booked.version, start: at('2025-03-07T09:00'), bayId: shop.bay1 })

    const list = await core.ok('vehicles.list', {})
    const civic = list.find((v) => v.id === shop.vehicleId)!
    const transit = list.find((v) => v.id === shop.otherVehicleId)!
    expect(civic.nextDue).toEqual({ activityId: late.id, typeName: 'Brake repair', dueDate: '2025-02-25', start: null, overdue: true })
    expect(civic.overdueCount).toBe(2)
    expect(transit.nextDue).toEqual({ activityId: booked.id, typeName: 'Brake repair', dueDate: '2025-03-10', start: at('2025-03-07T09:00'), overdue: false })
    expect(transit.overdueCount).toBe(0)
  })

  it('sorts by next due (nothing open last), by overdue work first, by vehicle, or by customer', async () => {
    const { core } = shop
    await core.ok('vehicles.create', {
      customerId: shop.customerId,
      vin: '1HGCM82633A004352',
      make: 'Audi',
      model: 'A4',
      year: 2018,
      onboardingDate: '2025-01-02',
    })
    // The Civic is the longest overdue, the Transit has the most overdue; the Audi has nothing open.
    await planned(core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-03-01' })
    await planned(core, { vehicleId: shop.otherVehicleId, activityTypeId: shop.oil, dueDate: '2025-03-03' })
    await planned(core, { vehicleId: shop.otherVehicleId, activityTypeId: shop.brakes, dueDate: '2025-03-04' })
    const names = async (sort?: 'customer' | 'vehicle' | 'next_due' | 'overdue') => (await core.ok('vehicles.list', { sort })).map((v) => v.model)
    // By customer: Acme Plumbing, then Jane Doe's (make, model).
    expect(await names()).toEqual(['Transit', 'A4', 'Civic'])
    expect(await names('vehicle')).toEqual(['A4', 'Transit', 'Civic'])
    expect(await names('next_due')).toEqual(['Civic', 'Transit', 'A4'])
    expect(await names('overdue')).toEqual(['Transit', 'Civic', 'A4'])
    expect((await core.ok('vehicles.list', { sort: 'overdue' }))[0]).toMatchObject({ id: shop.otherVehicleId, overdueCount: 2 })
  })

  it('refuses an unknown sort', async () => {
    const err = await shop.core.refused('vehicles.list', { sort: 'mileage' as never })
    expect(err.code).toBe('invalid_input')
  })
})
