import type { Activity } from '../../../shared/domain/activities'
import { testCore, testVin, type TestCore } from '../../helpers/core'

export interface Shop {
  core: TestCore
  vehicleId: number
  otherVehicleId: number
  customerId: number
  bay1: number
  bay2: number
  alex: number
  sam: number
  /** "Oil change", maintenance, 60 minutes. */
  oil: number
  /** "Brake repair", repair, 90 minutes. */
  brakes: number
}

/**
 * A shop with two bays, two technicians, two vehicles (a 2019 Honda Civic ABC123 of Jane
 * Doe, a 2020 Ford Transit FLEET7 of Acme Plumbing) and two activity types. Auto-planning
 * is off so every activity in a test is one the test made.
 */
export async function openShop(opts: { now?: string; timeZone?: string } = {}): Promise<Shop> {
  const core = await testCore({ now: opts.now ?? '2025-03-05T15:00:00Z', timeZone: opts.timeZone ?? 'America/New_York' })
  await core.ok('settings.update', { autoSchedule: false })
  const jane = await core.ok('customers.create', { name: 'Jane Doe' })
  const acme = await core.ok('customers.create', { name: 'Acme Plumbing' })
  const civic = await core.ok('vehicles.create', {
    customerId: jane.id,
    vin: testVin(1),
    make: 'Honda',
    model: 'Civic',
    year: 2019,
    licensePlate: 'ABC123',
    onboardingDate: '2025-01-02',
    odometerMiles: 20_000,
  })
  const transit = await core.ok('vehicles.create', {
    customerId: acme.id,
    vin: testVin(2),
    make: 'Ford',
    model: 'Transit',
    year: 2020,
    licensePlate: 'FLEET7',
    onboardingDate: '2025-01-02',
  })
  const bay1 = await core.ok('bays.create', { name: 'Bay 1' })
  const bay2 = await core.ok('bays.create', { name: 'Bay 2' })
  const alex = await core.ok('technicians.create', { name: 'Alex Moreno' })
  const sam = await core.ok('technicians.create', { name: 'Sam Lee' })
  const oil = await core.ok('activityTypes.create', { name: 'Oil change', category: 'maintenance', durationMinutes: 60 })
  const brakes = await core.ok('activityTypes.create', { name: 'Brake repair', category: 'repair', durationMinutes: 90 })
  return {
    core,
    vehicleId: civic.id,
    otherVehicleId: transit.id,
    customerId: jane.id,
    bay1: bay1.id,
    bay2: bay2.id,
    alex: alex.id,
    sam: sam.id,
    oil: oil.id,
    brakes: brakes.id,
  }
}

/**
 * Inserts planned, unbooked work the way the scheduler would (the scheduler itself is
 * another module's concern), and returns it as the screens see it.
 */
export async function planned(
  core: TestCore,
  p: { vehicleId: number; activityTypeId: number; dueDate: string; templateId?: number; key?: string; pinned?: boolean },
): Promise<Activity> {
  const now = core.clock.now().toISOString()
  const { id } = await core.db
    .insertInto('activities')
    .values({
      vehicle_id: p.vehicleId,
      activity_type_id: p.activityTypeId,
      origin: p.templateId ? 'template' : 'manual',
      template_id: p.templateId ?? null,
      occurrence_index: p.templateId ? 1 : null,
      occurrence_key: p.key ?? null,
      due_date: p.dueDate,
      start_at: null,
      end_at: null,
      bay_id: null,
      technician_id: null,
      pinned: p.pinned ? 1 : 0,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return core.ok('activities.get', { id })
}

export const ids = (list: Activity[]): number[] => list.map((a) => a.id)
