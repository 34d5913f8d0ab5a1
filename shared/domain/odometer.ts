/** A vehicle's odometer readings, which mileage-based maintenance is planned from. */
import { z } from 'zod'
import { id, isoDate } from './common'

export interface OdometerReading {
  id: number
  vehicleId: number
  date: string
  miles: number
  isCorrection: boolean
  source: 'manual' | 'onboarding' | 'completion'
}

export const odometerSchemas = {
  list: z.object({ vehicleId: id }),
  add: z.object({
    vehicleId: id,
    date: isoDate,
    miles: z.number().int().min(0, 'Miles cannot be negative').max(2_000_000),
    /** Allows a reading lower than an earlier one (a replaced cluster, a typo fixed). */
    isCorrection: z.boolean().optional(),
  }),
}
