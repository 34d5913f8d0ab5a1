/**
 * WHERE fragments the read models share. They are raw SQL over the aliases of
 * `selectActivities` (`a`, `v`, `c`) so list and statistics queries use the same rules.
 */
import { sql, type RawBuilder } from 'kysely'
import { normalizePlate } from '../../../shared/domain/vehicles'
import { containsPattern } from '../shared/like'
import { foldForSearch } from '../../../shared/domain/search'
import { addDays } from '../../../shared/dates'
import { startOfShopDay } from '../../../shared/shop-day'

/*
 * Index hazard: SQLite reads `start_at is null` as an equality it can look up in the
 * start_at index, and without ANALYZE statistics it may prefer that (every unbooked row)
 * or a bare `status = ?` lookup over the date ranges. A unary `+` keeps a column out of
 * index selection, so each disjunct below is answered by its own range scan.
 */

/**
 * Work whose day falls in `[from, to]` (inclusive, shop days): unbooked work by its due
 * date, booked work by its booked day. SQLite answers the OR with two index range scans
 * (due_date, start_at); combine other conditions with `+column` (see `notIndexed`).
 *
 * @example
 * q.where(dayInRange('2025-03-01', '2025-03-31', 'America/New_York'))
 */
export function dayInRange(from: string, to: string, timeZone: string): RawBuilder<boolean> {
  const fromInstant = startOfShopDay(from, timeZone).toISOString()
  const toInstant = startOfShopDay(addDays(to, 1), timeZone).toISOString()
  return sql<boolean>`((+a.start_at is null and a.due_date >= ${from} and a.due_date <= ${to})
    or (a.start_at >= ${fromInstant} and a.start_at < ${toInstant}))`
}

/**
 * `a.status in (...)` that the planner will not pick as the index, so a date range
 * leads the query instead of a scan over every scheduled row.
 */
export function statusIn(statuses: readonly string[]): RawBuilder<boolean> {
  return sql<boolean>`+a.status in (${sql.join(statuses)})`
}

/** Open work (scheduled or in progress) whose day is before `today`. */
export function openBefore(today: string, todayStart: string): RawBuilder<boolean> {
  return sql<boolean>`(a.status in ('scheduled', 'in_progress')
    and ((+a.start_at is null and a.due_date < ${today}) or (+a.start_at is not null and +a.start_at < ${todayStart})))`
}

/**
 * Overdue: open work whose day has passed, and work marked missed that awaits rebooking.
 * Written as three disjuncts, each a range on (status, due_date) or (status, start_at).
 */
export function overdue(today: string, todayStart: string): RawBuilder<boolean> {
  return sql<boolean>`((a.status in ('scheduled', 'in_progress') and +a.start_at is null and a.due_date < ${today})
    or (a.status in ('scheduled', 'in_progress') and a.start_at < ${todayStart})
    or a.status = 'missed')`
}

/**
 * Free text over what the front desk types: make and model, plate (compared normalised),
 * VIN, customer name, activity type.
 *
 * @example
 * q.where(textMatches('civic'))
 */
export function textMatches(text: string): RawBuilder<boolean> {
  const p = containsPattern(text)
  const folded = containsPattern(foldForSearch(text))
  const plate = normalizePlate(text)
  const platePart = plate ? sql`or v.plate_normalized like ${containsPattern(plate)} escape '\\'` : sql``
  return sql<boolean>`(v.make_model_folded like ${folded} escape '\\'
    or v.vin like ${containsPattern(text.toUpperCase())} escape '\\'
    or c.name_folded like ${folded} escape '\\'
    or a.activity_type_id in (select id from activity_types where lower(name) like lower(${p}) escape '\\')
    ${platePart})`
}

/** Of one of these categories, looked up in the small types table rather than joined per row. */
export function categoryIn(categories: readonly string[]): RawBuilder<boolean> {
  return sql<boolean>`a.activity_type_id in (select id from activity_types where category in (${sql.join(categories)}))`
}

/** No booking yet, written so the planner never looks it up in the start_at index (every unbooked row). */
export const unbooked: RawBuilder<boolean> = sql<boolean>`+a.start_at is null`

/**
 * The vehicle is still served. Work left open on a vehicle that was since deactivated (sold,
 * left the fleet) stays in its history and the calendar, but not in the lists that ask the
 * front desk to act: overdue, unbooked, due soon, customers to contact.
 */
export const vehicleActive: RawBuilder<boolean> = sql<boolean>`+v.status = 'active'`
