import dayjs from 'dayjs'
import { vehicleLabel as sharedVehicleLabel } from '../../../../shared/domain/vehicles'

/** A stored `YYYY-MM-DD` calendar date as the front desk reads it: "Mar 10, 2026". */
export const formatDate = (isoDate: string): string => dayjs(isoDate).format('MMM D, YYYY')

/** How the front desk names a vehicle: "2019 Honda Civic" (the shared label without its plate). */
export const vehicleName = (v: { year: number; make: string; model: string }): string => sharedVehicleLabel({ year: v.year, make: v.make, model: v.model })

/** "2019 Honda Civic (7KXM 412)": for confirmations and notices, where the plate disambiguates. */
export const vehicleLabel = (v: { year: number; make: string; model: string; licensePlate: string | null }): string =>
  sharedVehicleLabel({ year: v.year, make: v.make, model: v.model, plate: v.licensePlate })
