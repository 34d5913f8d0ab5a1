import type SqliteDatabase from 'better-sqlite3'
import type { Selectable } from 'kysely'
import type { ActivityTypesTable, MaintenanceTemplatesTable, SettingsRow, ShopHoursTable } from '../db/database'
import { AppError } from '../errors'
import { nextOpenDayFinder } from './open-days'
import type { PlanReference, PlanTemplate } from './types'
import { shopDay } from '../../../shared/shop-day'

/** The plan's reference plus what the scheduler itself needs from settings. */
export interface SchedulingReference extends PlanReference {
  timeZone: string
  autoSchedule: boolean
}

type SchedulingSettings = Pick<SettingsRow, 'time_zone' | 'inspection_interval_months' | 'horizon_months' | 'auto_schedule'>
type ActivityTypeRow = Selectable<ActivityTypesTable>
/** An active template with its activity type's name. */
type TemplateRow = Pick<Selectable<MaintenanceTemplatesTable>, 'id' | 'activity_type_id' | 'interval_months' | 'interval_days' | 'interval_miles' | 'anchor'> &
  Pick<ActivityTypeRow, 'name'>

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
    .prepare<[], SchedulingSettings>(`select time_zone, inspection_interval_months, horizon_months, auto_schedule from settings where id = 1`)
    .get()
  if (!settings) throw new AppError('internal', 'The settings are missing; restart the app to restore them.')
  const builtins = sqlite.prepare<[], Pick<ActivityTypeRow, 'id' | 'builtin'>>(`select id, builtin from activity_types where builtin is not null`).all()
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
    .map((t): PlanTemplate => ({
      id: t.id,
      activityTypeId: t.activity_type_id,
      name: t.name,
      intervalMonths: t.interval_months,
      intervalDays: t.interval_days,
      intervalMiles: t.interval_miles,
      anchor: t.anchor,
    }))
  const openWeekdays = sqlite
    .prepare<[], Pick<Selectable<ShopHoursTable>, 'weekday'>>(`select weekday from shop_hours where opens is not null and closes is not null`)
    .all()
    .map((h) => h.weekday)
  const closures = sqlite
    .prepare<[], { startsOn: string; endsOn: string }>(`select starts_on as startsOn, ends_on as endsOn from closures where scope = 'shop'`)
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
