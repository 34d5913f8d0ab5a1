import type { ActivityStatus } from '../../../electron/core/db/database'
import type { TestCore } from '../../helpers/core'
import { testVin } from '../../helpers/core'

let vinCounter = 0

/** A customer and one vehicle through the channels, as the front desk would create them. */
export async function onboard(core: TestCore, onboardingDate: string, odometerMiles?: number): Promise<number> {
  const customer = await core.ok('customers.create', { name: `Customer ${++vinCounter}` })
  const vehicle = await core.ok('vehicles.create', {
    customerId: customer.id,
    vin: testVin(vinCounter),
    make: 'Honda',
    model: 'Civic',
    year: 2020,
    onboardingDate,
    odometerMiles,
  })
  return vehicle.id
}

/** An activity type and a template for it, written directly (their channels belong to another domain). */
export async function addTemplate(
  core: TestCore,
  name: string,
  intervals: { months?: number; days?: number; miles?: number; anchor?: 'onboarding' | 'last_completed' },
): Promise<number> {
  const now = core.clock.now().toISOString()
  const type = await core.db
    .insertInto('activity_types')
    .values({ name, category: 'maintenance', duration_minutes: 60, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  const template = await core.db
    .insertInto('maintenance_templates')
    .values({
      activity_type_id: type.id,
      interval_months: intervals.months ?? null,
      interval_days: intervals.days ?? null,
      interval_miles: intervals.miles ?? null,
      anchor: intervals.anchor ?? 'onboarding',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return template.id
}

/** The reference example's three templates: oil every 3 months, tires every 6, brakes every 4. */
export async function referenceTemplates(core: TestCore): Promise<{ oil: number; tires: number; brakes: number }> {
  return {
    oil: await addTemplate(core, 'Oil change', { months: 3 }),
    tires: await addTemplate(core, 'Tire rotation', { months: 6 }),
    brakes: await addTemplate(core, 'Brake inspection', { months: 4 }),
  }
}

/** `occurrence key -> due date` of a vehicle's activities with the given status. */
export async function dueDates(core: TestCore, vehicleId: number, status: ActivityStatus = 'scheduled'): Promise<Record<string, string>> {
  const rows = await core.db
    .selectFrom('activities')
    .select(['occurrence_key', 'due_date'])
    .where('vehicle_id', '=', vehicleId)
    .where('status', '=', status)
    .orderBy('id')
    .execute()
  return Object.fromEntries(rows.map((r) => [r.occurrence_key ?? 'manual', r.due_date]))
}

export async function activityByKey(core: TestCore, vehicleId: number, key: string) {
  return core.db.selectFrom('activities').selectAll().where('vehicle_id', '=', vehicleId).where('occurrence_key', '=', key).executeTakeFirstOrThrow()
}

export async function logCount(core: TestCore): Promise<number> {
  const row = await core.db
    .selectFrom('activity_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export const REFERENCE_DATES = {
  initial: '2025-01-01',
  'inspection:1': '2025-05-01',
  'inspection:2': '2025-09-01',
  'inspection:3': '2026-01-01',
}
