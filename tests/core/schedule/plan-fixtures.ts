import { nextOpenDayFinder } from '../../../electron/core/schedule/open-days'
import type { PlanReference, PlanTemplate } from '../../../electron/core/schedule/types'

export const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6]
/** DESIGN.md's default hours: Monday to Saturday, Sunday closed. */
export const DEFAULT_WEEK = [1, 2, 3, 4, 5, 6]

export const INITIAL_TYPE = 1
export const MINOR_TYPE = 2

/** A planner reference with DESIGN.md's defaults, open every day unless said otherwise. */
export function reference(overrides: {
  today: string
  inspectionIntervalMonths?: number
  horizonMonths?: number
  templates?: PlanTemplate[]
  openWeekdays?: number[]
  closures?: Array<{ startsOn: string; endsOn: string }>
}): PlanReference {
  return {
    today: overrides.today,
    inspectionIntervalMonths: overrides.inspectionIntervalMonths ?? 4,
    horizonMonths: overrides.horizonMonths ?? 12,
    initialTypeId: INITIAL_TYPE,
    minorTypeId: MINOR_TYPE,
    templates: overrides.templates ?? [],
    nextOpenDay: nextOpenDayFinder({
      openWeekdays: overrides.openWeekdays ?? EVERY_DAY,
      closures: overrides.closures ?? [],
    }),
  }
}

export function template(id: number, fields: Partial<Omit<PlanTemplate, 'id'>>): PlanTemplate {
  return {
    id,
    activityTypeId: 100 + id,
    name: `Service ${id}`,
    intervalMonths: null,
    intervalDays: null,
    intervalMiles: null,
    anchor: 'onboarding',
    ...fields,
  }
}
