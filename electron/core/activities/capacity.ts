/**
 * Rule 9: a booking fits inside the shop's hours (wall clock in its time zone), is not in
 * the past, avoids closures (the whole shop's, or the bay's or technician's) and overlaps no
 * other booking of the same bay or technician. A booking always takes a bay when the shop
 * has any: left open, the first free one is taken, and the first free technician when there
 * is one (work may wait for a technician to be named; it cannot wait for a bay). A refusal
 * names the clash.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../db/database'
import { AppError, fieldError } from '../errors'
import { findBay } from '../bays/queries'
import { findTechnician } from '../technicians/queries'
import { formatClockText, formatDayText, formatSpanText, formatStampText } from '../../../shared/format-dates'
import { weekday, WEEKDAY_NAMES } from '../../../shared/dates'
import { shopDay, shopInstant } from '../../../shared/shop-day'
import { vehicleLabel } from '../../../shared/domain/vehicles'

/** A concrete booking: the times and the bay and technician it takes. */
export interface Booking {
  start: Date
  end: Date
  bayId: number | null
  technicianId: number | null
}

/** A resource as asked for: a given one, none, or the first free one. */
export type ResourceChoice = number | null | 'first_free'

/** A booking as asked for; `placeBooking` makes it concrete. */
export interface BookingRequest {
  start: Date
  end: Date
  /** `null` counts as `first_free`: a booking never goes without a bay in a shop that has bays. */
  bay: ResourceChoice
  technician: ResourceChoice
}

export interface PlaceOptions {
  /** The core's clock: nothing is booked before it. */
  now: Date
  /** The activity being moved, so it never clashes with itself. */
  excludeId?: number
  /** Its current start: resizing work already under way keeps a start that has passed. */
  currentStart?: string | null
}

const conflict = (message: string, details?: unknown): AppError => new AppError('conflict', message, undefined, details)

// Messages name days and times as the screens show them ("Mar 12, 2026, 9:00 AM").
const span = (start: string, end: string, timeZone: string): string => formatSpanText(start, end, timeZone)

interface Resource {
  kind: 'bay' | 'technician'
  id: number
  name: string
}

interface Clash {
  message: string
  details: unknown
}

/**
 * Makes a booking request concrete, or throws `conflict` naming the clash (or every clash,
 * when no bay or technician is free).
 *
 * @example
 * const booking = await placeBooking(db, 'America/New_York', { start, end, bay: 'first_free', technician: null }, { now })
 * booking.bayId // the first bay free for all of it
 */
export async function placeBooking(db: Kysely<Database>, timeZone: string, b: BookingRequest, opts: PlaceOptions): Promise<Booking> {
  const day = await checkShopTime(db, timeZone, b, opts)
  const bayId = await choose(db, timeZone, day, b, 'bay', b.bay ?? 'first_free', opts.excludeId)
  const technicianId = await choose(db, timeZone, day, b, 'technician', b.technician, opts.excludeId)
  return { start: b.start, end: b.end, bayId, technicianId }
}

/** The same day, not in the past, inside shop hours, not on a whole-shop closure. Answers the day. */
async function checkShopTime(db: Kysely<Database>, timeZone: string, b: BookingRequest, opts: PlaceOptions): Promise<string> {
  if (b.end <= b.start) throw fieldError('end', 'The booking must end after it starts')
  const day = shopDay(b.start, timeZone)
  if (shopDay(new Date(b.end.getTime() - 1), timeZone) !== day) {
    throw conflict('A booking must start and end on the same day.')
  }
  const keepsStart = opts.currentStart != null && Date.parse(opts.currentStart) === b.start.getTime()
  if (b.start < opts.now && !keepsStart) {
    throw conflict(`${formatStampText(b.start, timeZone)} has already passed (it is ${formatStampText(opts.now, timeZone)} at the shop); choose a later time.`)
  }

  const dayOfWeek = weekday(day)
  const hours = await db.selectFrom('shop_hours').selectAll().where('weekday', '=', dayOfWeek).executeTakeFirst()
  if (!hours?.opens || !hours.closes) {
    throw conflict(`The shop is closed on ${WEEKDAY_NAMES[dayOfWeek]}s.`)
  }
  if (b.start < shopInstant(day, hours.opens, timeZone) || b.end > shopInstant(day, hours.closes, timeZone)) {
    throw conflict(
      `${span(b.start.toISOString(), b.end.toISOString(), timeZone)} is outside shop hours: ${WEEKDAY_NAMES[dayOfWeek]} ${formatClockText(hours.opens)} – ${formatClockText(hours.closes)}.`,
    )
  }
  const closure = await db
    .selectFrom('closures')
    .selectAll()
    .where('scope', '=', 'shop')
    .where('starts_on', '<=', day)
    .where('ends_on', '>=', day)
    .executeTakeFirst()
  if (closure) {
    throw conflict(`The shop is closed ${closedWhen(closure)}${closure.reason ? ` (${closure.reason})` : ''}.`, { closureId: closure.id })
  }
  return day
}

const closedWhen = (c: { starts_on: string; ends_on: string }): string =>
  c.starts_on === c.ends_on ? `on ${formatDayText(c.starts_on)}` : `from ${formatDayText(c.starts_on)} to ${formatDayText(c.ends_on)}`

/** The chosen resource checked, or the first free one of its kind; null when none is asked for or the shop has none. */
async function choose(
  db: Kysely<Database>,
  timeZone: string,
  day: string,
  b: BookingRequest,
  kind: Resource['kind'],
  choice: ResourceChoice,
  excludeId: number | undefined,
): Promise<number | null> {
  if (choice === null) return null
  if (choice !== 'first_free') {
    const row = kind === 'bay' ? await findBay(db, choice) : await findTechnician(db, choice)
    if (!row.active) throw fieldError(kind === 'bay' ? 'bayId' : 'technicianId', `${row.name} is inactive`, 'refused')
    const clash = await clashOf(db, timeZone, day, b, { kind, id: row.id, name: row.name }, excludeId)
    if (clash) throw conflict(clash.message, clash.details)
    return row.id
  }
  const candidates = await activeResources(db, kind)
  // A shop without bays (or technicians) books by its hours alone.
  if (candidates.length === 0) return null
  const clashes: string[] = []
  for (const r of candidates) {
    const clash = await clashOf(db, timeZone, day, b, r, excludeId)
    if (!clash) return r.id
    clashes.push(clash.message)
  }
  // Work can go ahead without a technician named yet; it cannot without a place to stand.
  if (kind === 'technician') return null
  throw conflict(`No ${kind} is free ${formatDayText(day)}, ${span(b.start.toISOString(), b.end.toISOString(), timeZone)}: ${clashes.join(' ')}`)
}

/** In the order the calendar shows them: the first free one is the leftmost column. */
async function activeResources(db: Kysely<Database>, kind: Resource['kind']): Promise<Resource[]> {
  const rows =
    kind === 'bay'
      ? await db.selectFrom('bays').select(['id', 'name']).where('active', '=', 1).orderBy('sort_order').orderBy('name').execute()
      : await db.selectFrom('technicians').select(['id', 'name']).where('active', '=', 1).orderBy('name').execute()
  return rows.map((r) => ({ kind, ...r }))
}

/**
 * Why `r` cannot take the booking: a closure of its own, or another booking overlapping.
 * Cancelled work holds nothing, and completed work holds its slot only until it was
 * completed: the rest of the slot is free again.
 */
async function clashOf(
  db: Kysely<Database>,
  timeZone: string,
  day: string,
  b: BookingRequest,
  r: Resource,
  excludeId: number | undefined,
): Promise<Clash | null> {
  const closure = await db
    .selectFrom('closures')
    .selectAll()
    .where(r.kind === 'bay' ? 'bay_id' : 'technician_id', '=', r.id)
    .where('starts_on', '<=', day)
    .where('ends_on', '>=', day)
    .executeTakeFirst()
  if (closure) {
    const state = r.kind === 'technician' ? 'away' : 'closed'
    return {
      message: `${r.name} is ${state} ${closedWhen(closure)}${closure.reason ? ` (${closure.reason})` : ''}.`,
      details: { closureId: closure.id },
    }
  }
  if (r.kind === 'technician') {
    // Events on the technician's own connected calendar (not ours): busy time. Only the time
    // is named; the event's title is the technician's private business and is never stored.
    const busy = await db
      .selectFrom('sync_busy_blocks')
      .select(['start_at', 'end_at'])
      .where('technician_id', '=', r.id)
      .where('start_at', '<', b.end.toISOString())
      .where('end_at', '>', b.start.toISOString())
      .orderBy('start_at')
      .executeTakeFirst()
    if (busy) return { message: `${r.name} is busy ${span(busy.start_at, busy.end_at, timeZone)} (an event on their own calendar).`, details: {} }
  }
  const start = b.start.toISOString()
  let q = db
    .selectFrom('activities as a')
    .innerJoin('vehicles as v', 'v.id', 'a.vehicle_id')
    .innerJoin('activity_types as t', 't.id', 'a.activity_type_id')
    .select(['a.id', 'a.start_at', 'a.end_at', 'a.status', 'a.completed_at', 'v.year', 'v.make', 'v.model', 'v.license_plate', 't.name as type_name'])
    .where(r.kind === 'bay' ? 'a.bay_id' : 'a.technician_id', '=', r.id)
    .where('a.status', '!=', 'cancelled')
    .where('a.start_at', '<', b.end.toISOString())
    .where('a.end_at', '>', start)
    .where((eb) => eb.or([eb('a.status', '!=', 'completed'), eb('a.completed_at', 'is', null), eb('a.completed_at', '>', start)]))
    .orderBy('a.start_at')
  if (excludeId !== undefined) q = q.where('a.id', '!=', excludeId)
  const clash = await q.executeTakeFirst()
  if (!clash) return null
  const vehicle = vehicleLabel({ year: clash.year, make: clash.make, model: clash.model, plate: clash.license_plate })
  const until = clash.status === 'completed' && clash.completed_at && clash.completed_at < clash.end_at! ? clash.completed_at : clash.end_at!
  return {
    message: `${r.name} is booked ${span(clash.start_at!, until, timeZone)} for ${vehicle}: ${clash.type_name}.`,
    details: { activityId: clash.id },
  }
}
