/** Reference data the planner and booking rules read: settings, hours, closures, bays, technicians, types, templates, odometer. */
import { z } from 'zod'
import { byId, id, isoDate, optionalEmail, optionalText, requiredText, safeText } from './common'

// ---- settings -------------------------------------------------------------------------

export interface Settings {
  shopName: string
  shopEmail: string | null
  shopPhone: string | null
  shopAddress: string | null
  /** IANA zone, e.g. America/New_York: due dates are days there; bookings are shown there. */
  timeZone: string
  inspectionIntervalMonths: number
  horizonMonths: number
  autoSchedule: boolean
  remindersEnabled: boolean
  reminderDaysBefore: number
  /** Days after its due day (or booked day) before unstarted work counts as missed. */
  missedGraceDays: number
  dueSoonDays: number
  dueSoonMiles: number
  updatedAt: string
}

export const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

export const settingsFields = z.object({
  shopName: safeText().max(200),
  shopEmail: optionalEmail,
  shopPhone: optionalText(40),
  shopAddress: optionalText(500, { multiline: true }),
  timeZone: z.string().refine(isTimeZone, 'Not a known time zone (e.g. America/New_York)'),
  inspectionIntervalMonths: z.number().int().min(1, 'At least 1 month').max(24, 'At most 24 months'),
  horizonMonths: z.number().int().min(1, 'At least 1 month').max(36, 'At most 36 months'),
  autoSchedule: z.boolean(),
  remindersEnabled: z.boolean(),
  reminderDaysBefore: z.number().int().min(0).max(60),
  missedGraceDays: z.number().int().min(0).max(60),
  dueSoonDays: z.number().int().min(0).max(365),
  dueSoonMiles: z.number().int().min(0).max(100_000),
})
export type SettingsInput = z.input<typeof settingsFields>

// ---- shop hours -------------------------------------------------------------------------

export interface ShopDay {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number
  /** `HH:MM`, both null when closed. */
  opens: string | null
  closes: string | null
}

/** A time of day, `HH:MM` (24-hour): shop hours, and the time a booking form asks for. */
export const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (24-hour)')
export const shopDay = z
  .object({ weekday: z.number().int().min(0).max(6), opens: hhmm.nullable(), closes: hhmm.nullable() })
  .refine((d) => (d.opens === null) === (d.closes === null), { message: 'Give both opening and closing time, or neither', path: ['closes'] })
  .refine((d) => d.opens === null || d.closes === null || d.opens < d.closes, { message: 'Closes after it opens', path: ['closes'] })

// ---- closures ------------------------------------------------------------------------------

export const CLOSURE_SCOPES = ['shop', 'bay', 'technician'] as const
export interface Closure {
  id: number
  startsOn: string
  endsOn: string
  scope: (typeof CLOSURE_SCOPES)[number]
  bayId: number | null
  technicianId: number | null
  /** The bay's or technician's name, for display. */
  resourceName: string | null
  reason: string | null
}
export const closureFields = z
  .object({
    startsOn: isoDate,
    endsOn: isoDate,
    scope: z.enum(CLOSURE_SCOPES),
    bayId: id.nullish(),
    technicianId: id.nullish(),
    reason: optionalText(200),
  })
  .refine((c) => c.endsOn >= c.startsOn, { message: 'Ends on or after the first day', path: ['endsOn'] })
  .refine((c) => c.scope !== 'bay' || c.bayId != null, { message: 'Choose the bay', path: ['bayId'] })
  .refine((c) => c.scope !== 'technician' || c.technicianId != null, { message: 'Choose the technician', path: ['technicianId'] })

// ---- bays and technicians -------------------------------------------------------------------

export interface Bay {
  id: number
  name: string
  active: boolean
  sortOrder: number
}
export interface Technician {
  id: number
  name: string
  email: string | null
  active: boolean
}

// ---- activity types and templates -------------------------------------------------------------

export const CATEGORIES = ['inspection', 'maintenance', 'repair', 'other'] as const
export type Category = (typeof CATEGORIES)[number]
export interface ActivityType {
  id: number
  name: string
  category: Category
  durationMinutes: number
  active: boolean
  /** The two built-in inspections cannot be deleted. */
  builtin: 'initial' | 'minor' | null
}
export const activityTypeFields = z.object({
  name: requiredText('Name', 80),
  category: z.enum(CATEGORIES),
  durationMinutes: z
    .number()
    .int()
    .min(5, 'At least 5 minutes')
    .max(24 * 60, 'At most a day'),
})

export const ANCHORS = ['onboarding', 'last_completed'] as const
export interface MaintenanceTemplate {
  id: number
  activityTypeId: number
  typeName: string
  category: Category
  intervalMonths: number | null
  intervalDays: number | null
  intervalMiles: number | null
  anchor: (typeof ANCHORS)[number]
  active: boolean
}
export const templateFields = z
  .object({
    activityTypeId: id,
    intervalMonths: z.number().int().min(1).max(120).nullish(),
    intervalDays: z.number().int().min(1).max(3650).nullish(),
    intervalMiles: z.number().int().min(100).max(1_000_000).nullish(),
    anchor: z.enum(ANCHORS).default('onboarding'),
  })
  .refine((t) => t.intervalMonths != null || t.intervalDays != null || t.intervalMiles != null, {
    message: 'Give at least one interval (months, days or miles)',
    path: ['intervalMonths'],
  })

// ---- odometer --------------------------------------------------------------------------------

export interface OdometerReading {
  id: number
  vehicleId: number
  date: string
  miles: number
  isCorrection: boolean
  source: 'manual' | 'onboarding' | 'completion'
}

export const referenceSchemas = {
  settingsGet: z.object({}),
  settingsUpdate: settingsFields.partial(),
  hoursGet: z.object({}),
  hoursSet: z.object({ days: z.array(shopDay).length(7, 'Give all seven days') }),
  closuresList: z.object({ from: isoDate.optional(), to: isoDate.optional() }),
  closuresCreate: closureFields,
  closuresDelete: byId,
  baysList: z.object({ includeInactive: z.boolean().optional() }),
  baysCreate: z.object({ name: requiredText('Name', 60) }),
  baysUpdate: z.object({ id, name: requiredText('Name', 60), active: z.boolean(), sortOrder: z.number().int().optional() }),
  techniciansList: z.object({ includeInactive: z.boolean().optional() }),
  techniciansCreate: z.object({ name: requiredText('Name', 100), email: optionalEmail }),
  techniciansUpdate: z.object({ id, name: requiredText('Name', 100), email: optionalEmail, active: z.boolean() }),
  typesList: z.object({ includeInactive: z.boolean().optional() }),
  typesCreate: activityTypeFields,
  typesUpdate: activityTypeFields.extend({ id, active: z.boolean() }),
  typesDelete: byId,
  templatesList: z.object({ includeInactive: z.boolean().optional() }),
  templatesCreate: templateFields,
  templatesUpdate: z.intersection(templateFields, z.object({ id, active: z.boolean() })),
  templatesDelete: byId,
  odometerList: z.object({ vehicleId: id }),
  odometerAdd: z.object({
    vehicleId: id,
    date: isoDate,
    miles: z.number().int().min(0, 'Miles cannot be negative').max(2_000_000),
    /** Allows a reading lower than an earlier one (a replaced cluster, a typo fixed). */
    isCorrection: z.boolean().optional(),
  }),
}
