import { AppError } from '../errors'
import { nextOpenDayFinder } from './open-days'
import type { PlanReference, PlanTemplate } from './types'
import { schedulingStore, type SchedulingStore, type StoreSource } from './store'
import { shopDay } from '../../../shared/shop-day'

/** The plan's reference plus what the scheduler itself needs from settings. */
export interface SchedulingReference extends PlanReference {
  timeZone: string
  autoSchedule: boolean
}

/**
 * Reads everything that is the same for every vehicle of a run (settings, built-in types,
 * active templates, shop hours, whole-shop closures) once, so a run over ten thousand
 * vehicles does not repeat it per vehicle.
 *
 * @example
 * const ref = await loadReference(ctx, ctx.clock.now())
 */
export async function loadReference(source: StoreSource | SchedulingStore, now: Date): Promise<SchedulingReference> {
  const store = 'dialect' in source ? schedulingStore(source) : source
  const { settings, builtins, templates: templateRows, openWeekdays, closures } = await store.reference()
  if (!settings) throw new AppError('internal', 'The settings are missing; restart the app to restore them.')
  const initialTypeId = builtins.find((b) => b.builtin === 'initial')?.id
  const minorTypeId = builtins.find((b) => b.builtin === 'minor')?.id
  if (initialTypeId === undefined || minorTypeId === undefined) {
    throw new AppError('internal', 'The built-in inspection types are missing; restart the app to restore them.')
  }
  const templates = templateRows.map((t): PlanTemplate => ({
    id: t.id,
    activityTypeId: t.activity_type_id,
    name: t.name,
    intervalMonths: t.interval_months,
    intervalDays: t.interval_days,
    intervalMiles: t.interval_miles,
    anchor: t.anchor,
  }))
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
