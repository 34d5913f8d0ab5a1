import type { HandlerMap } from '../handler'
import { AppError } from '../errors'
import { foldForSearch } from '../../../shared/domain/search'
import { toCustomer } from './map'
import { findCustomer, listCustomers } from './queries'
import { vehicleLabel } from '../../../shared/domain/vehicles'

export const customersHandlers = {
  'customers.list': async (input, { db }) => {
    const rows = await listCustomers(db, input)
    return rows.map((r) => ({ ...toCustomer(r), vehicleCount: Number(r.vehicle_count ?? 0) }))
  },

  'customers.get': async ({ id }, { db }) => toCustomer(await findCustomer(db, id)),

  'customers.create': async (input, { db, clock, changed }) => {
    const now = clock.now().toISOString()
    const row = await db
      .insertInto('customers')
      .values({ ...input, name_folded: foldForSearch(input.name), created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow()
    changed('customers')
    return toCustomer(row)
  },

  'customers.update': async ({ id, ...fields }, { db, clock, changed }) => {
    await findCustomer(db, id)
    const row = await db
      .updateTable('customers')
      .set({ ...fields, name_folded: foldForSearch(fields.name), updated_at: clock.now().toISOString() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    changed('customers', 'vehicles')
    return toCustomer(row)
  },

  'customers.setActive': async ({ id, active }, { db, clock, changed }) => {
    await findCustomer(db, id)
    if (!active) {
      const vehicles = await db
        .selectFrom('vehicles')
        .select(['make', 'model', 'license_plate'])
        .where('customer_id', '=', id)
        .where('status', '=', 'active')
        .execute()
      if (vehicles.length > 0) {
        const names = vehicles.map((v) => vehicleLabel({ make: v.make, model: v.model, plate: v.license_plate }))
        throw new AppError(
          'refused',
          `Deactivate this customer's active vehicles first: ${names.join(', ')}.`,
        )
      }
    }
    const row = await db
      .updateTable('customers')
      .set({ active: active ? 1 : 0, updated_at: clock.now().toISOString() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    changed('customers')
    return toCustomer(row)
  },
} satisfies HandlerMap<'customers'>
