import type { HandlerMap } from '../handler'
import { findVehicle } from '../vehicles/queries'
import { onVehicleChanged } from '../schedule/on-vehicle-changed'
import { addReading } from './add-reading'
import { toReading } from './map'
import { listReadings } from './queries'

export const odometerHandlers = {
  /** Oldest first, the order a chart or a table of readings wants. */
  'odometer.list': async ({ vehicleId }, { db }) => {
    await findVehicle(db, vehicleId)
    return (await listReadings(db, vehicleId)).map(toReading)
  },

  /** A new reading changes the mileage projection, so the vehicle is re-planned (rule 6). */
  'odometer.add': async (input, ctx) => {
    await findVehicle(ctx.db, input.vehicleId)
    const reading = await addReading(ctx.db, { ...input, source: 'manual', now: ctx.clock.now().toISOString() })
    await onVehicleChanged(ctx, input.vehicleId, 'odometer')
    ctx.changed('odometer', 'vehicles', 'activities')
    return reading
  },
} satisfies HandlerMap<'odometer'>
