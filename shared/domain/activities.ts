/** Activities: planned and manual work on a vehicle, its booking, its status and its trace. */
import { z } from 'zod'
import { byId, id, isoDate, isoInstant, optionalText, requiredText, searchText } from './common'
import { CATEGORIES, type Category } from './activity-types'

export const ACTIVITY_STATUSES = ['scheduled', 'in_progress', 'completed', 'cancelled', 'missed'] as const
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number]
export const ACTIVITY_ORIGINS = ['initial', 'inspection', 'template', 'manual'] as const
export type ActivityOrigin = (typeof ACTIVITY_ORIGINS)[number]

/**
 * Rule 7 of DESIGN.md: the only status changes there are. Anything else is refused.
 * `missed` is set by the core itself once the day plus the grace has passed.
 */
export const TRANSITIONS: Readonly<Record<ActivityStatus, readonly ActivityStatus[]>> = {
  scheduled: ['in_progress', 'cancelled', 'missed'],
  in_progress: ['completed', 'cancelled'],
  missed: ['scheduled'],
  completed: [],
  cancelled: [],
}

/** How pressing an open activity is: past due, due within the thresholds, or later. Null once finished. */
export type Urgency = 'overdue' | 'due_soon' | 'later'

export interface Activity {
  id: number
  vehicleId: number
  /** "2019 Honda Civic" */
  vehicleLabel: string
  licensePlate: string | null
  customerId: number
  customerName: string
  activityTypeId: number
  typeName: string
  category: Category
  origin: ActivityOrigin
  templateId: number | null
  occurrenceIndex: number | null
  dueDate: string
  /** Booked time as UTC ISO instants; null when only due. */
  start: string | null
  end: string | null
  bayId: number | null
  bayName: string | null
  technicianId: number | null
  technicianName: string | null
  status: ActivityStatus
  /** A person moved, booked or edited it: the scheduler leaves it alone. */
  pinned: boolean
  startedAt: string | null
  completedAt: string | null
  completedBy: string | null
  completionOdometer: number | null
  completionNotes: string | null
  cancelReason: string | null
  notes: string | null
  contactedAt: string | null
  version: number
  urgency: Urgency | null
}

export interface ActivityLogEntry {
  id: number
  activityId: number
  at: string
  actor: string
  action: string
  /** `{ field: [before, after] }` */
  changes: Record<string, [unknown, unknown]> | null
  message: string | null
}

export interface VehicleSchedule {
  overdue: Activity[]
  upcoming: Activity[]
  /** Completed, cancelled and missed, newest first. */
  history: Activity[]
}

export interface ActivityStats {
  from: string
  to: string
  total: number
  byStatus: Record<ActivityStatus, number>
  byCategory: Record<Category, number>
  /** completed / (completed + missed + cancelled + due in the range and past), 0..1; null with nothing due. */
  completionRate: number | null
}

export interface TodayView {
  date: string
  /** Booked today, by start time. */
  booked: Activity[]
  overdue: Activity[]
  dueSoon: Activity[]
  upcoming: Activity[]
  /** Due or booked within the reminder days and not yet contacted. */
  toContact: Activity[]
}

/** One page of the unbooked list, and how many there are in all. */
export interface UnbookedPage {
  items: Activity[]
  total: number
}

export interface FreeSlot {
  start: string
  end: string
  bayId: number | null
  technicianId: number | null
}

/** Optimistic concurrency: every edit names the version it was made against; a stale one is refused. */
const versioned = z.object({ id, version: z.number().int().positive() })

/** A bay or technician as a booking asks for it: a given one, or the first free one. */
export const FIRST_FREE = 'first_free' as const
const bookingResource = z.union([id, z.literal(FIRST_FREE)])

const booking = z.object({
  start: isoInstant,
  /** Defaults to start + the activity type's duration. */
  end: isoInstant.optional(),
  /**
   * Left out: keeps the current bay when moving a booking. A booking always takes a bay when
   * the shop has any: unbooked work, a booking without one, null and 'first_free' all take
   * the first free bay.
   */
  bayId: bookingResource.nullish(),
  /**
   * Left out: keeps the current technician when moving a booking, and takes the first free
   * one for unbooked work ('first_free' asks for that outright); null: no technician.
   */
  technicianId: bookingResource.nullish(),
})

export const activitySchemas = {
  get: byId,
  /** The activity's log, newest first; it outlives an occurrence the scheduler removed. */
  history: byId,
  /**
   * Work whose day is in `[from, to]` (inclusive, shop days): unbooked work by its due date,
   * booked work by its booked day in the shop's time zone. Sorted by day, then start time.
   */
  range: z.object({
    from: isoDate,
    to: isoDate,
    vehicleId: id.optional(),
    status: z.array(z.enum(ACTIVITY_STATUSES)).optional(),
    category: z.array(z.enum(CATEGORIES)).optional(),
    bayId: id.optional(),
    technicianId: id.optional(),
    /** Matches vehicle (make, model, plate, VIN), customer name or type name. */
    text: searchText.optional(),
  }),
  today: z.object({}),
  /** Open work from today through `days - 1` days later (`days: 1` is today only), booked or not. */
  upcoming: z.object({ days: z.number().int().min(1).max(366).default(7) }),
  /** Open work whose day has passed, and missed work awaiting rebooking; oldest first. */
  overdue: z.object({}),
  /**
   * Scheduled work without a booking, by due date. Without `from` it includes everything
   * overdue; without `to` it stops 31 days after today.
   */
  unbooked: z.object({ from: isoDate.optional(), to: isoDate.optional(), text: searchText.optional() }),
  /**
   * All scheduled work without a time, due on or before `to` (every due date without it, overdue
   * included unless `from` is given), soonest first, one page at a time.
   */
  unbookedPage: z.object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    text: searchText.optional(),
    limit: z.number().int().min(1).max(200).default(50),
    offset: z.number().int().min(0).default(0),
  }),
  forVehicle: z.object({ vehicleId: id }),
  stats: z.object({ from: isoDate, to: isoDate }),
  createManual: booking.extend({
    vehicleId: id,
    activityTypeId: id,
    notes: optionalText(4000, { multiline: true }),
  }),
  book: versioned.merge(booking),
  unbook: versioned,
  /** Moves the due date of unbooked work (e.g. dragged to another day in the month view). */
  setDueDate: versioned.extend({ dueDate: isoDate }),
  update: versioned.extend({ notes: optionalText(4000, { multiline: true }) }),
  start: versioned,
  complete: versioned.extend({
    completedBy: requiredText('Who did the work', 100),
    /** Defaults to now. */
    completedAt: isoInstant.optional(),
    odometer: z.number().int().min(0).max(2_000_000).nullish(),
    /**
     * The reading corrects a wrong earlier one (or a replaced odometer): stored as a
     * correction, as `odometer.add` does, so a lower reading than the last is accepted.
     */
    odometerIsCorrection: z.boolean().optional(),
    notes: optionalText(4000, { multiline: true }),
  }),
  cancel: versioned.extend({ reason: requiredText('A reason', 500, { multiline: true }) }),
  rebook: versioned.extend({ booking: booking.optional() }),
  markContacted: versioned,
  freeSlots: z.object({
    durationMinutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60),
    from: isoDate,
    days: z.number().int().min(1).max(60).default(14),
    bayId: id.optional(),
    technicianId: id.optional(),
    limit: z.number().int().min(1).max(100).default(10),
  }),
}
