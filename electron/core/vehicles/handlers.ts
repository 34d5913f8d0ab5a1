import type { Ctx, HandlerMap } from '../handler'
import { AppError, fieldError } from '../errors'
import { findCustomer } from '../customers/queries'
import { onVehicleChanged } from '../schedule/on-vehicle-changed'
import { toVehicle, toVehicleListItem } from './map'
import { getSettingsRow } from '../settings/queries'
import {
  describeVehicle,
  findVehicle,
  findVehicleByVin,
  insertOnboardingReading,
  insertVehicle,
  listVehicles,
  setVehicleStatus,
  updateVehicle,
} from './queries'
import { shopDay, startOfShopDay } from '../../../shared/shop-day'

/** Checks what a schema cannot: the year against today, the VIN against other vehicles, the owner. */
async function checkVehicle(ctx: Ctx, fields: { vin: string; year: number; customerId: number }, selfId?: number): Promise<void> {
  const maxYear = ctx.clock.now().getUTCFullYear() + 1
  if (fields.year > maxYear) throw fieldError('year', `Model year is ${maxYear} at the latest`)
  const holder = await findVehicleByVin(ctx.db, fields.vin)
  if (holder && holder.id !== selfId) {
    throw fieldError('vin', `This VIN is already registered to ${describeVehicle(holder)}.`, 'duplicate')
  }
  const customer = await findCustomer(ctx.db, fields.customerId).catch(() => {
    throw fieldError('customerId', 'Choose the customer who owns this vehicle')
  })
  if (!customer.active) {
    throw fieldError('customerId', `${customer.name} is inactive; reactivate the customer first`)
  }
}

export const vehiclesHandlers = {
  'vehicles.list': async (input, { db, clock }) => {
    const { time_zone: timeZone } = await getSettingsRow(db)
    const today = shopDay(clock.now(), timeZone)
    const todayStart = startOfShopDay(today, timeZone)
    const offsetMinutes = Math.round((Date.parse(`${today}T00:00:00Z`) - todayStart.getTime()) / 60_000)
    return (await listVehicles(db, input, { today, todayStart: todayStart.toISOString(), offsetMinutes })).map(toVehicleListItem)
  },

  'vehicles.get': async ({ id }, { db }) => toVehicle(await findVehicle(db, id)),

  'vehicles.create': async ({ odometerMiles, customerId, licensePlate, onboardingDate, ...rest }, ctx) => {
    await checkVehicle(ctx, { ...rest, customerId })
    const now = ctx.clock.now().toISOString()
    const id = await insertVehicle(ctx.db, { ...rest, customer_id: customerId, license_plate: licensePlate, onboarding_date: onboardingDate }, now)
    if (odometerMiles != null) {
      await insertOnboardingReading(ctx.db, { vehicleId: id, onboardingDate, miles: odometerMiles }, now)
    }
    await onVehicleChanged(ctx, id, 'onboarded')
    ctx.changed('vehicles', 'customers', 'activities')
    return toVehicle(await findVehicle(ctx.db, id))
  },

  'vehicles.update': async ({ id, customerId, licensePlate, onboardingDate, ...rest }, ctx) => {
    const before = await findVehicle(ctx.db, id)
    await checkVehicle(ctx, { ...rest, customerId }, id)
    await updateVehicle(
      ctx.db,
      id,
      { ...rest, customer_id: customerId, license_plate: licensePlate, onboarding_date: onboardingDate },
      ctx.clock.now().toISOString(),
    )
    if (before.onboarding_date !== onboardingDate) await onVehicleChanged(ctx, id, 'updated')
    ctx.changed('vehicles', 'customers', 'activities')
    return toVehicle(await findVehicle(ctx.db, id))
  },

  'vehicles.setStatus': async ({ id, status }, ctx) => {
    const before = await findVehicle(ctx.db, id)
    if (before.status === status) return toVehicle(before)
    if (status === 'active') {
      const owner = await findCustomer(ctx.db, before.customer_id)
      if (!owner.active) throw new AppError('refused', `${owner.name} is inactive; reactivate the customer first.`)
    }
    await setVehicleStatus(ctx.db, id, status, ctx.clock.now().toISOString())
    await onVehicleChanged(ctx, id, status === 'active' ? 'reactivated' : 'deactivated')
    ctx.changed('vehicles', 'customers', 'activities')
    return toVehicle(await findVehicle(ctx.db, id))
  },
} satisfies HandlerMap<'vehicles'>
