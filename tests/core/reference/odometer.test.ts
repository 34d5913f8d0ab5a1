import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testCore, testVin, type TestCore } from '../../helpers/core'

describe('odometer readings', () => {
  let core: TestCore
  let vehicleId: number
  beforeEach(async () => {
    core = await testCore({ now: '2025-06-01T12:00:00Z' })
    const customer = await core.ok('customers.create', { name: 'Jane Doe' })
    const v = await core.ok('vehicles.create', {
      customerId: customer.id,
      vin: testVin(1),
      make: 'Honda',
      model: 'Civic',
      year: 2019,
      onboardingDate: '2025-01-01',
      odometerMiles: 10_000,
    })
    vehicleId = v.id
  })
  afterEach(() => core.dispose())

  it('accepts a higher reading and lists readings oldest first', async () => {
    await core.ok('odometer.add', { vehicleId, date: '2025-03-01', miles: 12_000 })
    const list = await core.ok('odometer.list', { vehicleId })
    expect(list.map((r) => [r.date, r.miles, r.source])).toEqual([
      ['2025-01-01', 10_000, 'onboarding'],
      ['2025-03-01', 12_000, 'manual'],
    ])
  })

  it('refuses a reading lower than an earlier one, naming it, and stores nothing', async () => {
    await core.ok('odometer.add', { vehicleId, date: '2025-03-01', miles: 12_000 })
    const err = await core.refused('odometer.add', { vehicleId, date: '2025-04-01', miles: 11_000 })
    expect(err.code).toBe('refused')
    expect(err.issues?.[0]?.path).toBe('miles')
    expect(err.message).toContain('12,000')
    expect(err.message).toContain('on Mar 1, 2025;')
    // Backdated above a later reading is just as impossible.
    expect((await core.refused('odometer.add', { vehicleId, date: '2025-02-01', miles: 13_000 })).code).toBe('refused')
    expect((await core.ok('odometer.list', { vehicleId })).length).toBe(2)
  })

  it('accepts a lower reading marked as a correction, and counts on from it', async () => {
    await core.ok('odometer.add', { vehicleId, date: '2025-03-01', miles: 12_000 })
    const c = await core.ok('odometer.add', { vehicleId, date: '2025-04-01', miles: 500, isCorrection: true })
    expect(c).toMatchObject({ miles: 500, isCorrection: true })
    await core.ok('odometer.add', { vehicleId, date: '2025-05-01', miles: 1_500 })
    expect((await core.ok('odometer.list', { vehicleId })).length).toBe(4)
  })

  it('refuses readings for a vehicle that does not exist', async () => {
    expect((await core.refused('odometer.add', { vehicleId: 999, date: '2025-03-01', miles: 1 })).code).toBe('not_found')
  })
})
