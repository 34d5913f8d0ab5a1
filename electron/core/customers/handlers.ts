import type { HandlerMap } from '../handler'
import { AppError } from '../errors'
import { toCustomer } from './map'
import { activeVehiclesOf, findCustomer, insertCustomer, listCustomers, setCustomerActive, updateCustomer } from './queries'
import { vehicleLabel } from '../../../shared/domain/vehicles'

export const customersHandlers = {
  'customers.list': async (input, { db }) => {
    const rows = await listCustomers(db, input)
    return rows.map((r) => ({ ...toCustomer(r), vehicleCount: Number(r.vehicle_count ?? 0) }))
  },

  'customers.get': async ({ id }, { db }) => toCustomer(await findCustomer(db, id)),

  'customers.create': async (input, { db, clock, changed }) => {
    const row = await insertCustomer(db, input, clock.now().toISOString())
    changed('customers')
    return toCustomer(row)
  },

  'customers.update': async ({ id, ...fields }, { db, clock, changed }) => {
    await findCustomer(db, id)
    const row = await updateCustomer(db, id, fields, clock.now().toISOString())
    changed('customers', 'vehicles')
    return toCustomer(row)
  },

  'customers.setActive': async ({ id, active }, { db, clock, changed }) => {
    await findCustomer(db, id)
    if (!active) {
      const vehicles = await activeVehiclesOf(db, id)
      if (vehicles.length > 0) {
        const names = vehicles.map((v) => vehicleLabel({ make: v.make, model: v.model, plate: v.license_plate }))
        throw new AppError('refused', `Deactivate this customer's active vehicles first: ${names.join(', ')}.`)
      }
    }
    const row = await setCustomerActive(db, id, active, clock.now().toISOString())
    changed('customers')
    return toCustomer(row)
  },
} satisfies HandlerMap<'customers'>
