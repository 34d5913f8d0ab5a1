import type { Core } from '../../../electron/core'
import { testVin } from '../../helpers/core'

/**
 * A 2019 Honda Civic (ABC123), written straight into the table: `vehicles.create` plans the
 * vehicle's work on the scheduler's SQLite fast path, which has no PostgreSQL path yet.
 */
export async function insertVehicle(core: Pick<Core, 'db'>, customerId: number): Promise<number> {
  const now = new Date().toISOString()
  const { id } = await core.db
    .insertInto('vehicles')
    .values({
      customer_id: customerId,
      vin: testVin(1),
      make: 'Honda',
      model: 'Civic',
      year: 2019,
      license_plate: 'ABC123',
      plate_normalized: 'ABC123',
      make_model_folded: 'honda civic',
      onboarding_date: '2025-01-02',
      notes: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}
