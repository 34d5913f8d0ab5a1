/**
 * Rule 9: a booking fits inside the shop's hours (wall clock in its time zone), avoids
 * closures (the whole shop's, or the chosen bay's or technician's) and overlaps no other
 * booking of the same bay or technician. A refusal names the clash.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../db/database'
import { AppError, fieldError } from '../errors'
import { findBay, findTechnician } from '../resources/queries'
import { localDay, localTime, wallClock, weekdayOf, WEEKDAY_NAMES } from './shop-time'

export interface Booking {
  start: Date
  end: Date
  bayId: number | null
  technicianId: number | null
}

const conflict = (message: string, details?: unknown): AppError => new AppError('conflict', message, undefined, details)

const span = (start: string, end: string, timeZone: string): string =>
  `${localTime(start, timeZone)}–${localTime(end, timeZone)}`

/**
 * Throws `conflict` with a message naming the clash, or returns when the booking fits.
 * `excludeId` is the activity being moved, so it never clashes with itself.
 *
 * @example
 * await checkCapacity(db, 'America/New_York', { start, end, bayId: 2, technicianId: null }, 41)
 */
export async function checkCapacity(
  db: Kysely<Database>,
  timeZone: string,
  b: Booking,
  excludeId?: number,
): Promise<void> {
  if (b.end <= b.start) throw fieldError('end', 'The booking must end after it starts')
  const day = localDay(b.start, timeZone)
  if (localDay(new Date(b.end.getTime() - 1), timeZone) !== day) {
    throw conflict('A booking must start and end on the same day.')
  }

  const weekday = weekdayOf(day)
  const hours = await db.selectFrom('shop_hours').selectAll().where('weekday', '=', weekday).executeTakeFirst()
  if (!hours?.opens || !hours.closes) {
    throw conflict(`The shop is closed on ${WEEKDAY_NAMES[weekday]}s.`)
  }
  if (b.start < wallClock(day, hours.opens, timeZone) || b.end > wallClock(day, hours.closes, timeZone)) {
    throw conflict(
      `${span(b.start.toISOString(), b.end.toISOString(), timeZone)} is outside shop hours: ${WEEKDAY_NAMES[weekday]} ${hours.opens}–${hours.closes}.`,
    )
  }

  const bay = b.bayId !== null ? await findBay(db, b.bayId) : null
  if (bay && !bay.active) throw fieldError('bayId', `${bay.name} is inactive`, 'refused')
  const tech = b.technicianId !== null ? await findTechnician(db, b.technicianId) : null
  if (tech && !tech.active) throw fieldError('technicianId', `${tech.name} is inactive`, 'refused')

  const closure = await db
    .selectFrom('closures')
    .selectAll()
    .where('starts_on', '<=', day)
    .where('ends_on', '>=', day)
    .where((eb) =>
      eb.or([
        eb('scope', '=', 'shop'),
        ...(bay ? [eb('bay_id', '=', bay.id)] : []),
        ...(tech ? [eb('technician_id', '=', tech.id)] : []),
      ]),
    )
    .orderBy('scope', 'desc') // 'shop' first: the broadest reason is the clearest
    .executeTakeFirst()
  if (closure) {
    const who = closure.scope === 'shop' ? 'The shop' : closure.scope === 'bay' ? bay!.name : tech!.name
    const when = closure.starts_on === closure.ends_on ? `on ${closure.starts_on}` : `from ${closure.starts_on} to ${closure.ends_on}`
    const state = closure.scope === 'technician' ? 'away' : 'closed'
    throw conflict(`${who} is ${state} ${when}${closure.reason ? ` (${closure.reason})` : ''}.`, { closureId: closure.id })
  }

  for (const resource of [
    bay ? { column: 'a.bay_id' as const, id: bay.id, name: bay.name } : null,
    tech ? { column: 'a.technician_id' as const, id: tech.id, name: tech.name } : null,
  ]) {
    if (!resource) continue
    let q = db
      .selectFrom('activities as a')
      .innerJoin('vehicles as v', 'v.id', 'a.vehicle_id')
      .innerJoin('activity_types as t', 't.id', 'a.activity_type_id')
      .select(['a.id', 'a.start_at', 'a.end_at', 'v.year', 'v.make', 'v.model', 'v.license_plate', 't.name as type_name'])
      .where(resource.column, '=', resource.id)
      .where('a.status', '!=', 'cancelled')
      .where('a.start_at', '<', b.end.toISOString())
      .where('a.end_at', '>', b.start.toISOString())
      .orderBy('a.start_at')
    if (excludeId !== undefined) q = q.where('a.id', '!=', excludeId)
    const clash = await q.executeTakeFirst()
    if (clash) {
      const vehicle = `${clash.year} ${clash.make} ${clash.model}${clash.license_plate ? ` (${clash.license_plate})` : ''}`
      throw conflict(
        `${resource.name} is booked ${span(clash.start_at!, clash.end_at!, timeZone)} for ${vehicle}: ${clash.type_name}.`,
        { activityId: clash.id },
      )
    }
  }

  if (tech) {
    // Events on the technician's own connected calendar (not ours): busy time. Only the time
    // is named; the event's title is the technician's private business and is never stored.
    const busy = await db
      .selectFrom('sync_busy_blocks')
      .select(['start_at', 'end_at'])
      .where('technician_id', '=', tech.id)
      .where('start_at', '<', b.end.toISOString())
      .where('end_at', '>', b.start.toISOString())
      .orderBy('start_at')
      .executeTakeFirst()
    if (busy) {
      throw conflict(`${tech.name} is busy ${span(busy.start_at, busy.end_at, timeZone)} (an event on their own calendar).`)
    }
  }
}
