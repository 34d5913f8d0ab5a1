import { z } from 'zod'
import { byId, id, isoDate, optionalText, requiredText, searchText } from './common'

export const VEHICLE_STATUSES = ['active', 'inactive'] as const
export type VehicleStatus = (typeof VEHICLE_STATUSES)[number]

export interface Vehicle {
  id: number
  customerId: number
  customerName: string
  vin: string
  make: string
  model: string
  year: number
  licensePlate: string | null
  onboardingDate: string
  status: VehicleStatus
  notes: string | null
  createdAt: string
  updatedAt: string
}

/** The open work a vehicle has next: the earliest by its day (booked day, else due day), overdue first by nature. */
export interface NextDue {
  activityId: number
  typeName: string
  dueDate: string
  /** The booked start (UTC ISO) when booked. */
  start: string | null
  overdue: boolean
}

/** A row of the vehicles list: the vehicle with its next due work and how much is overdue. */
export interface VehicleListItem extends Vehicle {
  nextDue: NextDue | null
  /** Open work whose day has passed, and missed work awaiting rebooking. */
  overdueCount: number
}

/** How the vehicles list is ordered: by customer (the default), vehicle, next due work, or overdue work first. */
export const VEHICLE_SORTS = ['customer', 'vehicle', 'next_due', 'overdue'] as const
export type VehicleSort = (typeof VEHICLE_SORTS)[number]

export const FIRST_MODEL_YEAR = 1950

/**
 * VINs since 1981: 17 characters, digits and capital letters except I, O and Q
 * (they read as 1 and 0). Spaces and dashes people type are dropped first.
 */
export const normalizeVin = (raw: string): string => raw.replace(/[\s-]/g, '').toUpperCase()
export const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/

export const vinSchema = z
  .string()
  .transform(normalizeVin)
  .pipe(
    z
      .string()
      .length(17, { message: 'A VIN has exactly 17 letters and digits', abort: true })
      .regex(VIN_PATTERN, 'A VIN uses digits and letters other than I, O and Q'),
  )

/** What a vehicle's name is made of; leave out the parts a place does not show. */
export interface VehicleNaming {
  year?: number | null
  make: string
  model: string
  plate?: string | null
}

/**
 * How a vehicle is named everywhere (messages, invites, emails, calendar events, notices):
 * "[year] make model[ (plate)]". Each caller passes the parts its place shows: an invite
 * titled for the customer leaves the year out, a list that shows the plate in its own
 * column leaves the plate out.
 *
 * @example
 * vehicleLabel({ year: 2019, make: 'Honda', model: 'Civic', plate: 'ABC123' }) // '2019 Honda Civic (ABC123)'
 * vehicleLabel({ make: 'Honda', model: 'Civic', plate: null }) // 'Honda Civic'
 */
export function vehicleLabel(v: VehicleNaming): string {
  const name = v.year != null ? `${v.year} ${v.make} ${v.model}` : `${v.make} ${v.model}`
  return v.plate ? `${name} (${v.plate})` : name
}

/** Plates are compared without spaces, dashes or dots and in capitals: "ab-123 c" finds "AB 123C". */
export const normalizePlate = (raw: string): string => raw.replace(/[\s.\-·]/g, '').toUpperCase()

export const vehicleFields = z.object({
  customerId: id,
  vin: vinSchema,
  make: requiredText('Make', 60),
  model: requiredText('Model', 60),
  // The upper bound (next year) depends on today, so the core checks it with its clock.
  year: z.number({ message: 'Model year is required' }).int('Model year is a whole number').min(FIRST_MODEL_YEAR, `Model year is ${FIRST_MODEL_YEAR} or later`),
  licensePlate: optionalText(20).transform((v) => (v ? v.toUpperCase() : null)),
  onboardingDate: isoDate.describe('Onboarding date'),
  notes: optionalText(4000, { multiline: true }),
})

export const vehicleSchemas = {
  list: z.object({
    search: searchText.optional(),
    customerId: id.optional(),
    status: z.enum([...VEHICLE_STATUSES, 'all']).optional(),
    sort: z.enum(VEHICLE_SORTS).optional(),
  }),
  get: byId,
  create: vehicleFields.extend({
    /** First odometer reading, taken at onboarding. */
    odometerMiles: z.number().int().min(0).max(2_000_000).nullish(),
  }),
  update: vehicleFields.extend({ id }),
  setStatus: z.object({ id, status: z.enum(VEHICLE_STATUSES) }),
}

export type VehicleInput = z.input<typeof vehicleSchemas.create>
