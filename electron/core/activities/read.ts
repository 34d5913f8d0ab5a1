import type { Activity } from '../../../shared/domain/activities'
import { notFound } from '../errors'
import { activityDay, toActivity } from './map'
import type { ReadContext } from './read-context'
import { runRows, selectActivities, type ActivityJoinedRow } from './select'
import { dailyMilesFor, type UrgencyContext } from './urgency'
import { daysBetween } from '../../../shared/dates'

type Query = ReturnType<typeof selectActivities>

/**
 * Runs one joined query and maps its rows, sorted by day, then booked time, then id.
 * Mileage projections are loaded in bulk, and only for open mileage work not already
 * due soon by its date.
 *
 * @example
 * const list = await readActivities(rc, (q) => q.where('a.vehicle_id', '=', 7))
 */
export async function readActivities(rc: ReadContext, where: (q: Query) => Query): Promise<Activity[]> {
  const rows = await runRows(rc, where(selectActivities(rc.db)).compile())
  return mapRows(rc, rows)
}

/** Maps joined rows to activities with their urgency, in list order (see `readActivities`). */
export async function mapRows(rc: ReadContext, rows: ActivityJoinedRow[]): Promise<Activity[]> {
  const { settings, timeZone, today } = rc
  const days = rows.map((r) => activityDay(r, timeZone))
  const mileageVehicles = new Set<number>()
  rows.forEach((r, i) => {
    if (
      r.template_id !== null &&
      rc.lookups.mileageTemplates.has(r.template_id) &&
      (r.status === 'scheduled' || r.status === 'in_progress') &&
      daysBetween(today, days[i]!) > settings.due_soon_days
    ) {
      mileageVehicles.add(r.vehicle_id)
    }
  })
  const urgency: UrgencyContext = {
    today,
    dueSoonDays: settings.due_soon_days,
    dueSoonMiles: settings.due_soon_miles,
    dailyMiles: mileageVehicles.size > 0 ? await dailyMilesFor(rc.db, [...mileageVehicles], today) : new Map(),
  }
  const order = rows.map((_, i) => i)
  order.sort((x, y) => {
    const a = rows[x]!
    const b = rows[y]!
    const dx = days[x]!
    const dy = days[y]!
    if (dx !== dy) return dx < dy ? -1 : 1
    const sx = a.start_at ?? ''
    const sy = b.start_at ?? ''
    if (sx !== sy) return sx < sy ? -1 : 1
    return a.id - b.id
  })
  return order.map((i) => toActivity(rows[i]!, days[i]!, urgency, rc.lookups))
}

/**
 * One activity as the screens show it; not_found when it is gone.
 *
 * @example
 * const a = await readActivity(rc, 42) // a.urgency === 'due_soon'
 */
export async function readActivity(rc: ReadContext, id: number): Promise<Activity> {
  const [activity] = await readActivities(rc, (q) => q.where('a.id', '=', id))
  if (!activity) throw notFound('Activity', id)
  return activity
}
