import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openShop, planned, type Shop } from './fixture'

// New York in March 2025 before the DST change: EST, UTC-5. Tuesday 2025-03-04.
const at = (local: string): string => new Date(`${local}-05:00`).toISOString()

describe('a booking takes a bay (issue 10 §1)', () => {
  let shop: Shop
  beforeEach(async () => (shop = await openShop({ now: '2025-03-01T15:00:00Z' })))
  afterEach(() => shop.core.dispose())

  const unbooked = (vehicleId = shop.vehicleId) => planned(shop.core, { vehicleId, activityTypeId: shop.brakes, dueDate: '2025-03-04' })

  it('booking unbooked work without a bay takes the first free bay and a free technician; with none free it is refused naming the clashes', async () => {
    const { core } = shop
    const third = await core.ok('vehicles.create', {
      customerId: shop.customerId,
      vin: '1FTFW1ET5DFC10312',
      make: 'Toyota',
      model: 'Tacoma',
      year: 2018,
      licensePlate: 'TRK42',
      onboardingDate: '2025-01-02',
    })
    // Three 90-minute jobs dropped at 10:00 in the whole-shop view of a two-bay shop.
    const a = await unbooked()
    const b = await unbooked(shop.otherVehicleId)
    const c = await unbooked(third.id)
    const first = await core.ok('activities.book', { id: a.id, version: a.version, start: at('2025-03-04T10:00') })
    expect(first).toMatchObject({ bayName: 'Bay 1', technicianName: 'Alex Moreno' })
    const second = await core.ok('activities.book', { id: b.id, version: b.version, start: at('2025-03-04T10:00'), bayId: null })
    expect(second).toMatchObject({ bayName: 'Bay 2', technicianName: 'Sam Lee' })
    const refused = await core.refused('activities.book', { id: c.id, version: c.version, start: at('2025-03-04T10:00') })
    expect(refused.code).toBe('conflict')
    expect(refused.message).toBe(
      'No bay is free Mar 4, 2025, 10:00 AM – 11:30 AM: Bay 1 is booked 10:00 AM – 11:30 AM for 2019 Honda Civic (ABC123): Brake repair. ' +
        'Bay 2 is booked 10:00 AM – 11:30 AM for 2020 Ford Transit (FLEET7): Brake repair.',
    )
    expect((await core.ok('activities.get', { id: c.id })).start).toBeNull()
  })

  it('a form booking with no bay takes one too; "no technician" is a choice, the first free one the default', async () => {
    const { core } = shop
    const manual = await core.ok('activities.createManual', { vehicleId: shop.vehicleId, activityTypeId: shop.oil, start: at('2025-03-04T09:00') })
    expect(manual).toMatchObject({ bayName: 'Bay 1', technicianName: 'Alex Moreno' })
    const alone = await core.ok('activities.createManual', {
      vehicleId: shop.otherVehicleId,
      activityTypeId: shop.oil,
      start: at('2025-03-04T09:00'),
      bayId: 'first_free',
      technicianId: null,
    })
    expect(alone).toMatchObject({ bayName: 'Bay 2', technicianId: null })
  })

  it('with every technician busy the booking still takes a bay, with no technician named yet', async () => {
    const { core } = shop
    await core.ok('technicians.update', { id: shop.sam, name: 'Sam Lee', email: null, active: false })
    await core.ok('activities.createManual', { vehicleId: shop.vehicleId, activityTypeId: shop.oil, start: at('2025-03-04T09:00') })
    const r = await core.ok('activities.createManual', {
      vehicleId: shop.otherVehicleId,
      activityTypeId: shop.oil,
      start: at('2025-03-04T09:30'),
      technicianId: 'first_free',
    })
    expect(r).toMatchObject({ bayName: 'Bay 2', technicianId: null })
  })

  it('moving an existing booking that has no bay gives it the first free bay', async () => {
    const { core } = shop
    const a = await unbooked()
    // Booked before bays were required: no bay, no technician.
    await core.db
      .updateTable('activities')
      .set({ start_at: at('2025-03-04T10:00'), end_at: at('2025-03-04T11:30') })
      .where('id', '=', a.id)
      .execute()
    const moved = await core.ok('activities.book', { id: a.id, version: a.version, start: at('2025-03-04T13:00') })
    expect(moved).toMatchObject({ bayName: 'Bay 1', technicianId: null, start: at('2025-03-04T13:00') })
  })
})

describe('booking in the past is refused (issue 10 §1)', () => {
  let shop: Shop
  // Tuesday 2025-03-04 10:15 in New York.
  beforeEach(async () => (shop = await openShop({ now: '2025-03-04T15:15:00Z' })))
  afterEach(() => shop.core.dispose())

  it('refuses a start before the core\u2019s now, saying it has passed, and changes nothing', async () => {
    const { core } = shop
    const a = await planned(core, { vehicleId: shop.vehicleId, activityTypeId: shop.oil, dueDate: '2025-03-04' })
    const err = await core.refused('activities.book', { id: a.id, version: a.version, start: at('2025-03-04T09:00') })
    expect(err).toMatchObject({
      code: 'conflict',
      message: 'Mar 4, 2025, 9:00 AM has already passed (it is Mar 4, 2025, 10:15 AM at the shop); choose a later time.',
    })
    expect(await core.ok('activities.get', { id: a.id })).toMatchObject({ start: null, version: a.version })
    expect(
      (await core.refused('activities.createManual', { vehicleId: shop.vehicleId, activityTypeId: shop.oil, start: at('2025-03-03T14:00') })).message,
    ).toContain('has already passed')
    expect((await core.ok('activities.book', { id: a.id, version: a.version, start: at('2025-03-04T10:30') })).start).toBe(at('2025-03-04T10:30'))
  })

  it('work under way can still be lengthened: its start has passed but does not move', async () => {
    const { core } = shop
    core.setNow('2025-03-04T13:00:00Z') // 08:00
    const a = await core.ok('activities.createManual', { vehicleId: shop.vehicleId, activityTypeId: shop.oil, start: at('2025-03-04T09:00') })
    core.setNow('2025-03-04T15:15:00Z') // 10:15
    const started = await core.ok('activities.start', { id: a.id, version: a.version })
    const longer = await core.ok('activities.book', { id: a.id, version: started.version, start: a.start!, end: at('2025-03-04T11:00') })
    expect(longer.end).toBe(at('2025-03-04T11:00'))
  })
})

describe('finished work frees the rest of its slot (issue 10 §1)', () => {
  let shop: Shop
  beforeEach(async () => (shop = await openShop({ now: '2025-03-04T13:00:00Z' }))) // 08:00
  afterEach(() => shop.core.dispose())

  it('a job completed early no longer blocks its bay or technician after its completion; a cancelled one not at all', async () => {
    const { core } = shop
    const a = await core.ok('activities.createManual', {
      vehicleId: shop.vehicleId,
      activityTypeId: shop.brakes,
      start: at('2025-03-04T09:00'),
      bayId: shop.bay1,
      technicianId: shop.alex,
    })
    core.setNow('2025-03-04T14:00:00Z') // 09:00
    const started = await core.ok('activities.start', { id: a.id, version: a.version })
    core.setNow('2025-03-04T14:30:00Z') // 09:30, an hour early
    await core.ok('activities.complete', { id: a.id, version: started.version, completedBy: 'Alex Moreno' })
    // Free slots see it the same way.
    const slots = await core.ok('activities.freeSlots', {
      durationMinutes: 30,
      from: '2025-03-04',
      days: 1,
      bayId: shop.bay1,
      technicianId: shop.alex,
      limit: 1,
    })
    expect(slots[0]?.start).toBe(at('2025-03-04T09:30'))
    const next = await core.ok('activities.createManual', {
      vehicleId: shop.otherVehicleId,
      activityTypeId: shop.oil,
      start: at('2025-03-04T09:30'),
      bayId: shop.bay1,
      technicianId: shop.alex,
    })
    expect(next).toMatchObject({ bayName: 'Bay 1', technicianName: 'Alex Moreno' })
    const c = await core.ok('activities.createManual', {
      vehicleId: shop.vehicleId,
      activityTypeId: shop.oil,
      start: at('2025-03-04T11:00'),
      bayId: shop.bay2,
      technicianId: shop.sam,
    })
    await core.ok('activities.cancel', { id: c.id, version: c.version, reason: 'Customer called off' })
    expect(
      await core.ok('activities.createManual', {
        vehicleId: shop.otherVehicleId,
        activityTypeId: shop.oil,
        start: at('2025-03-04T11:00'),
        bayId: shop.bay2,
        technicianId: shop.sam,
      }),
    ).toMatchObject({ bayName: 'Bay 2' })
  })
})
