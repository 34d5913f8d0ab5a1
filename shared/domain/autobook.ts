/**
 * Auto-booking ("Fill the week", issue 15): a proposal of bookings for due, unbooked work
 * into free bay and technician time, accepted in whole or in part, undone in one step.
 */
import { z } from 'zod'
import { id, isoDate, isoInstant } from './common'
import { CATEGORIES, type Category } from './activity-types'

/** The longest range one proposal covers: a month and a bit, so a preview stays readable. */
export const AUTOBOOK_MAX_DAYS = 42

/** One proposed booking: an activity, as it stood when proposed, and where it would go. */
export interface ProposedBooking {
  /** `<activityId>@<version>`: names this proposal for this state of the activity. */
  proposalId: string
  activityId: number
  version: number
  vehicleId: number
  /** `2019 Ford Transit`. */
  vehicle: string
  plate: string | null
  customer: string
  typeName: string
  category: Category
  dueDate: string
  /** Due before today. */
  overdue: boolean
  start: string
  end: string
  bayId: number | null
  bayName: string | null
  technicianId: number | null
  technicianName: string | null
  /** Work of one vehicle booked back to back shares a visit number. */
  visit: number
}

/** Work the proposal could not place, and why. */
export interface NotPlaced {
  activityId: number
  vehicle: string
  plate: string | null
  typeName: string
  dueDate: string
  overdue: boolean
  reason: string
}

export interface ProposalDay {
  day: string
  count: number
  minutes: number
}

export interface AutobookProposal {
  from: string
  to: string
  items: ProposedBooking[]
  notPlaced: NotPlaced[]
  /** Every day of the range, with how many bookings and minutes are proposed on it. */
  perDay: ProposalDay[]
  bufferMinutes: number
  groupDays: number
}

export interface AcceptResult {
  booked: number[]
  /** Proposals not booked because something changed meanwhile (a clash, an edit), with the reason. */
  skipped: Array<{ activityId: number; reason: string }>
  /** Undoes exactly what was booked; null when nothing was. */
  undoToken: string | null
}

export interface UndoResult {
  removed: number[]
  /** Bookings left as they are because someone changed them after they were accepted. */
  kept: Array<{ activityId: number; reason: string }>
}

/** The last accepted proposal that can still be undone, so an undo survives a reload. */
export interface AutobookRun {
  token: string
  at: string
  actor: string
  count: number
}

export interface AutobookSettings {
  bufferMinutes: number
  groupDays: number
  /** Per active technician: the categories they do, or null for every category. */
  technicians: Array<{ id: number; name: string; categories: Category[] | null }>
}

const range = z
  .object({ from: isoDate, to: isoDate })
  .refine((r) => r.to >= r.from, { message: 'The range must end on or after its start', path: ['to'] })
  .refine((r) => (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 < AUTOBOOK_MAX_DAYS, {
    message: `A proposal covers at most ${AUTOBOOK_MAX_DAYS} days`,
    path: ['to'],
  })

export const acceptItem = z
  .object({
    activityId: id,
    version: z.number().int().nonnegative(),
    start: isoInstant,
    end: isoInstant,
    bayId: id.nullable(),
    technicianId: id.nullable(),
  })
  .refine((i) => Date.parse(i.end) > Date.parse(i.start), { message: 'The booking must end after it starts', path: ['end'] })

export const autobookSchemas = {
  propose: range,
  capacity: range,
  accept: z.object({ items: z.array(acceptItem).min(1, 'Choose at least one proposed booking').max(5_000) }),
  undo: z.object({ token: z.string().trim().min(1, 'The undo token is missing').max(100) }),
  lastRun: z.object({}),
  getSettings: z.object({}),
  updateSettings: z.object({
    bufferMinutes: z.number().int().min(0, 'At least 0 minutes').max(240, 'At most 4 hours').optional(),
    groupDays: z.number().int().min(0, 'At least 0 days').max(14, 'At most 14 days').optional(),
  }),
  setTechnicianCategories: z.object({
    technicianId: id,
    /** Null: every category. An empty list is refused: such a technician could never be booked. */
    categories: z.array(z.enum(CATEGORIES)).min(1, 'Choose at least one category, or every category').nullable(),
  }),
}

/** One bay's or technician's day: open hours (theirs, after closures), booked or busy, free. */
export interface CapacityResourceDay {
  id: number
  name: string
  openMinutes: number
  bookedMinutes: number
  freeMinutes: number
  /** `overbooked`: more booked than open; `idle`: open with nothing booked; `closed`: away or closed. */
  state: 'ok' | 'overbooked' | 'idle' | 'closed'
}

export interface CapacityDay {
  day: string
  /** False: the shop is closed (hours or a whole-shop closure), or the day has passed. */
  open: boolean
  /** Before the shop's today: shown as passed, not as closed. */
  past: boolean
  bays: CapacityResourceDay[]
  technicians: CapacityResourceDay[]
  /** Bay hours free that day. */
  freeMinutes: number
  /** Work due that day and not booked. */
  dueUnbookedMinutes: number
}

export interface CapacityReport {
  from: string
  to: string
  days: CapacityDay[]
  /** Unbooked work already overdue (due before today): it competes for the same free hours. */
  overdueUnbookedMinutes: number
  totals: { openMinutes: number; bookedMinutes: number; freeMinutes: number; dueUnbookedMinutes: number }
}
