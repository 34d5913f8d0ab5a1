import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testCore, testVin, type TestCore } from '../../helpers/core'

let core: TestCore
beforeEach(async () => (core = await testCore({ now: '2026-03-10T15:00:00Z' })))
afterEach(() => core.dispose())

const civic = (customerId: number, over: Record<string, unknown> = {}) => ({
  customerId,
  vin: '1HGCM82633A004352',
  make: 'Honda',
  model: 'Civic',
  year: 2019,
  licensePlate: 'ab 123 c',
  onboardingDate: '2026-01-15',
  ...over,
})

describe('customers', () => {
  it('are created, edited, found by name, email or phone, and listed with their active vehicles', async () => {
    const ada = await core.ok('customers.create', { name: 'Ada Lovelace', email: 'ADA@Example.com', phone: '555-0100' })
    expect(ada.email).toBe('ada@example.com')
    await core.ok('customers.create', { name: 'Brian Kernighan' })
    await core.ok('vehicles.create', civic(ada.id))
    await core.ok('customers.update', { id: ada.id, name: 'Ada King', email: null, phone: '555-0199' })
    expect((await core.ok('customers.list', { search: '0199' })).map((c) => [c.name, c.email, c.vehicleCount])).toEqual([['Ada King', null, 1]])
    expect((await core.ok('customers.list', {})).map((c) => c.name)).toEqual(['Ada King', 'Brian Kernighan'])
  })

  it('cannot be deactivated while they have active vehicles; inactive ones are hidden unless asked for', async () => {
    const ada = await core.ok('customers.create', { name: 'Ada' })
    const v = await core.ok('vehicles.create', civic(ada.id))
    expect(await core.refused('customers.setActive', { id: ada.id, active: false })).toMatchObject({
      code: 'refused',
      message: expect.stringContaining('Honda Civic (AB 123 C)'),
    })
    await core.ok('vehicles.setStatus', { id: v.id, status: 'inactive' })
    await core.ok('customers.setActive', { id: ada.id, active: false })
    expect(await core.ok('customers.list', {})).toEqual([])
    expect((await core.ok('customers.list', { includeInactive: true })).map((c) => c.active)).toEqual([false])
    // A vehicle cannot come back to life under an inactive owner.
    expect((await core.refused('vehicles.setStatus', { id: v.id, status: 'active' })).code).toBe('refused')
  })
})

describe('vehicles', () => {
  it('store a normalised VIN and plate, and are found by customer, plate in any spacing, VIN or make and model', async () => {
    const ada = await core.ok('customers.create', { name: 'Ada Fleet' })
    const v = await core.ok('vehicles.create', civic(ada.id, { vin: '1hgcm8263-3a004352', odometerMiles: 12000 }))
    expect(v).toMatchObject({ vin: '1HGCM82633A004352', licensePlate: 'AB 123 C', customerName: 'Ada Fleet', status: 'active' })
    for (const search of ['ada', 'AB123C', 'ab-123c', '3A0043', 'honda civ']) {
      expect(
        (await core.ok('vehicles.list', { search })).map((x) => x.id),
        search,
      ).toEqual([v.id])
    }
    expect(await core.ok('vehicles.list', { search: 'toyota' })).toEqual([])
    const readings = await core.db.selectFrom('odometer_readings').select(['miles', 'reading_date', 'source']).execute()
    expect(readings).toEqual([{ miles: 12000, reading_date: '2026-01-15', source: 'onboarding' }])
  })

  it('refuse a bad VIN with a message on the field, and save nothing', async () => {
    const ada = await core.ok('customers.create', { name: 'Ada' })
    for (const vin of ['1HGCM82633A00435', '1HGCM82633A00435I', 'OHGCM82633A004352', '1HGCM82633A00435Q']) {
      const error = await core.refused('vehicles.create', civic(ada.id, { vin }))
      expect(error.code).toBe('invalid_input')
      expect(error.issues?.[0]?.path).toBe('vin')
    }
    expect(await core.ok('vehicles.list', { status: 'all' })).toEqual([])
  })

  it('refuse a duplicate VIN, naming the vehicle that has it', async () => {
    const ada = await core.ok('customers.create', { name: 'Ada Fleet' })
    const bob = await core.ok('customers.create', { name: 'Bob' })
    await core.ok('vehicles.create', civic(ada.id))
    const error = await core.refused('vehicles.create', civic(bob.id, { make: 'Ford', model: 'Focus' }))
    expect(error).toMatchObject({
      code: 'duplicate',
      message: 'This VIN is already registered to 2019 Honda Civic (AB 123 C), Ada Fleet.',
      issues: [{ path: 'vin' }],
    })
    expect(await core.ok('vehicles.list', { customerId: bob.id })).toEqual([])
  })

  it('accept model years from 1950 to next year only', async () => {
    const ada = await core.ok('customers.create', { name: 'Ada' })
    expect((await core.refused('vehicles.create', civic(ada.id, { year: 1949 }))).issues?.[0]?.path).toBe('year')
    expect(await core.refused('vehicles.create', civic(ada.id, { year: 2028 }))).toMatchObject({
      issues: [{ path: 'year', message: 'Model year is 2027 at the latest' }],
    })
    expect((await core.ok('vehicles.create', civic(ada.id, { year: 2027, vin: testVin(1) }))).year).toBe(2027)
    expect((await core.ok('vehicles.create', civic(ada.id, { year: 1950, vin: testVin(2) }))).year).toBe(1950)
  })

  it('require an onboarding date that exists', async () => {
    const ada = await core.ok('customers.create', { name: 'Ada' })
    expect(await core.refused('vehicles.create', civic(ada.id, { onboardingDate: '' }))).toMatchObject({
      issues: [{ path: 'onboardingDate' }],
    })
    expect(await core.refused('vehicles.create', civic(ada.id, { onboardingDate: '2026-02-29' }))).toMatchObject({
      issues: [{ path: 'onboardingDate', message: 'Not a real calendar date' }],
    })
  })

  it('are edited, deactivated and reactivated; inactive ones leave the default list', async () => {
    const ada = await core.ok('customers.create', { name: 'Ada' })
    const v = await core.ok('vehicles.create', civic(ada.id))
    const edited = await core.ok('vehicles.update', { ...civic(ada.id), id: v.id, licensePlate: 'xyz 9', notes: 'Fleet car 7' })
    expect(edited).toMatchObject({ licensePlate: 'XYZ 9', notes: 'Fleet car 7' })
    expect((await core.ok('vehicles.list', { search: 'xyz9' })).length).toBe(1)
    await core.ok('vehicles.setStatus', { id: v.id, status: 'inactive' })
    expect(await core.ok('vehicles.list', {})).toEqual([])
    expect((await core.ok('vehicles.list', { status: 'inactive' })).map((x) => x.id)).toEqual([v.id])
    expect((await core.ok('vehicles.setStatus', { id: v.id, status: 'active' })).status).toBe('active')
  })

  it('refuse an edit that takes another vehicle’s VIN, and one for a vehicle that does not exist', async () => {
    const ada = await core.ok('customers.create', { name: 'Ada' })
    await core.ok('vehicles.create', civic(ada.id))
    const other = await core.ok('vehicles.create', civic(ada.id, { vin: testVin(7) }))
    expect((await core.refused('vehicles.update', { ...civic(ada.id), id: other.id })).code).toBe('duplicate')
    expect((await core.refused('vehicles.get', { id: 999 })).code).toBe('not_found')
  })
})
