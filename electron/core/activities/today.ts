import { sql } from 'kysely'
import type { TodayView } from '../../../shared/domain/activities'
import type { ReadContext } from './read-context'
import { readActivities } from './read'
import { dayInRange, overdue, statusIn, unbooked, vehicleActive } from './filters'
import { addDays } from '../../../shared/dates'
import { startOfShopDay } from '../../../shared/shop-day'

/** Mileage work can be due soon by miles well before it is by days; look this far ahead for it. */
const MILEAGE_LOOKAHEAD_DAYS = 90
/** "Upcoming" on the dashboard: bookings over the next week. */
const UPCOMING_DAYS = 7

const dueSoonOrMileage = (soonDays: string, mileageTemplates: number[]) =>
  mileageTemplates.length > 0
    ? sql<boolean>`(a.due_date <= ${soonDays} or a.template_id in (${sql.join(mileageTemplates)}))`
    : sql<boolean>`a.due_date <= ${soonDays}`

/**
 * The dashboard: today's bookings by start time, overdue work, unbooked work due soon
 * (it needs booking), bookings over the next week, and customers to remind (work due or
 * booked within the reminder days, not yet contacted; empty with reminders off).
 *
 * @example
 * const view = await todayView(rc)
 */
export async function todayView(rc: ReadContext): Promise<TodayView> {
  const { today, timeZone, settings } = rc
  const tomorrowStart = startOfShopDay(addDays(today, 1), timeZone).toISOString()

  const booked = await readActivities(rc, (q) =>
    q
      .where('a.start_at', '>=', rc.todayStart)
      .where('a.start_at', '<', tomorrowStart)
      .where(sql<boolean>`+a.status != 'cancelled'`),
  )
  const overdueList = await readActivities(rc, (q) => q.where(overdue(today, rc.todayStart)).where(vehicleActive))

  const soonDays = addDays(today, settings.due_soon_days)
  const dueSoon = (
    await readActivities(rc, (q) =>
      q
        .where('a.status', '=', 'scheduled')
        .where(unbooked)
        .where(vehicleActive)
        .where('a.due_date', '>=', today)
        .where('a.due_date', '<=', addDays(today, Math.max(settings.due_soon_days, MILEAGE_LOOKAHEAD_DAYS)))
        .where(dueSoonOrMileage(soonDays, [...rc.lookups.mileageTemplates])),
    )
  ).filter((a) => a.urgency === 'due_soon')

  const upcoming = await readActivities(rc, (q) =>
    q
      .where(dayInRange(addDays(today, 1), addDays(today, UPCOMING_DAYS), timeZone))
      .where(sql<boolean>`+a.start_at is not null`)
      .where(statusIn(['scheduled', 'in_progress'])),
  )

  const toContact =
    settings.reminders_enabled === 1
      ? await readActivities(rc, (q) =>
          q
            .where(dayInRange(today, addDays(today, settings.reminder_days_before), timeZone))
            .where(statusIn(['scheduled']))
            .where(vehicleActive)
            .where('a.contacted_at', 'is', null),
        )
      : []

  return { date: today, booked, overdue: overdueList, dueSoon, upcoming, toContact }
}
