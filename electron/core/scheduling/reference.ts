import type SqliteDatabase from 'better-sqlite3'
import { AppError } from '../errors'
import { nextOpenDayFinder } from './open-days'
import type { PlanReference, PlanTemplate } from './types'
import { shopDay } from '../../../shared/shop-day'

/** The plan's reference plus what the scheduler itself needs from settings. */
export interface SchedulingReference extends PlanReference {
  timeZone: string
  autoSchedule: boolean
}

interface SettingsRow {
  time_zone: string
  inspection_interval_months: number
  horizon_months: number
  auto_schedule: number
}

interface TemplateRow {
  id: number
  activity_type_id: number
  name: string
  interval_months: number | null
  interval_days: number | null
  interval_miles: number | null
  anchor: 'onboarding' | 'last_completed'
}

/**
 * Reads everything that is the same for every vehicle of a run (settings, built-in types,
 * active templates, shop hours, whole-shop closures) once, so a run over ten thousand
 * vehicles does not repeat it per vehicle.
 *
 * @example
 * const ref = loadReference(ctx.sqlite, ctx.clock.now())
 */
export function loadReference(sqlite: SqliteDatabase.Database, now: Date): SchedulingReference {
  const settings = sqlite
    .prepare<[], SettingsRow>(
      `select time_zone, inspection_interval_months, horizon_months, auto_schedule from settings where id = 1`,
    )
    .get()
  if (!settings) throw new AppError('internal', 'The settings are missing; restart the app to restore them.')
  const builtins = sqlite
    .prepare<[], { id: number; builtin: string }>(`select id, builtin from activity_types where builtin is not null`)
    .all()
  const initialTypeId = builtins.find((b) => b.builtin === 'initial')?.id
  const minorTypeId = builtins.find((b) => b.builtin === 'minor')?.id
  if (initialTypeId === undefined || minorTypeId === undefined) {
    throw new AppError('internal', 'The built-in inspection types are missing; restart the app to restore them.')
  }
  const templates = sqlite
    .prepare<[], TemplateRow>(
      `select t.id, t.activity_type_id, at.name, t.interval_months, t.interval_days, t.interval_miles, t.anchor
       from maintenance_templates t join activity_types at on at.id = t.activity_type_id
       where t.active = 1 and at.active = 1
       order by t.id`,
    )
    .all()
    .map(
      (t): PlanTemplate => ({
        id: t.id,
        activityTypeId: t.activity_type_id,
        name: t.name,
        intervalMonths: t.interval_months,
        intervalDays: t.interval_days,
        intervalMiles: t.interval_miles,
        anchor: t.anchor,
      }),
    )
  const openWeekdays = sqlite
    .prepare<[], { weekday: number }>(`select weekday from shop_hours where opens is not null and closes is not null`)
    .all()
    .map((h) => h.weekday)
  const closures = sqlite
    .prepare<[], { startsOn: string; endsOn: string }>(
      `select starts_on as startsOn, ends_on as endsOn from closures where scope = 'shop'`,
    )
    .all()
  return {
    today: shopDay(now, settings.time_zone),
    timeZone: settings.time_zone,
    autoSchedule: settings.auto_schedule === 1,
    inspectionIntervalMonths: settings.inspection_interval_months,
    horizonMonths: settings.horizon_months,
    initialTypeId,
    minorTypeId,
    templates,
    nextOpenDay: nextOpenDayFinder({ openWeekdays, closures }),
  }
}
