import { addDays, addMonths, daysBetween, type IsoDate } from '../../../shared/dates'
import type { PlanReading } from './types'

/** Readings closer together than this say too little about how far a vehicle drives. */
export const MIN_SPAN_DAYS = 14
export const WINDOW_MONTHS = 12

export type Projection =
  | {
      ok: true
      /** Average miles a day over the last twelve months. */
      milesPerDay: number
      /** The latest reading, the point the projection runs from. */
      last: PlanReading
      /** Baseline of mile intervals: the onboarding reading, else the earliest one. */
      baseline: number
    }
  | { ok: false; reason: string }

/**
 * The average daily distance from the vehicle's readings of the last twelve months (rule 3):
 * at least two readings at least 14 days apart, and some distance driven.
 *
 * @example
 * projectMileage([{ date: '2025-01-01', miles: 1000 }, { date: '2025-01-31', miles: 1900 }], '2025-02-01')
 * // { ok: true, milesPerDay: 30, ... }
 */
export function projectMileage(readings: readonly PlanReading[], today: IsoDate): Projection {
  if (readings.length === 0) return { ok: false, reason: 'it has no odometer readings' }
  const sorted = [...readings].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  const since = addMonths(today, -WINDOW_MONTHS)
  const recent = sorted.filter((r) => r.date >= since && r.date <= today)
  const first = recent[0]
  const last = recent[recent.length - 1]
  if (!first || !last || recent.length < 2) {
    return { ok: false, reason: 'it needs at least two odometer readings in the last 12 months' }
  }
  const span = daysBetween(first.date, last.date)
  if (span < MIN_SPAN_DAYS) {
    return { ok: false, reason: `its odometer readings of the last 12 months span less than ${MIN_SPAN_DAYS} days` }
  }
  const milesPerDay = (last.miles - first.miles) / span
  if (!(milesPerDay > 0)) return { ok: false, reason: 'its odometer readings show no distance driven' }
  const baseline = (sorted.find((r) => r.onboarding) ?? sorted[0] ?? last).miles
  return { ok: true, milesPerDay, last, baseline }
}

/** The first day the projected odometer reaches `miles` (may lie in the past). */
export function dateAtMiles(projection: Extract<Projection, { ok: true }>, miles: number): IsoDate {
  // The epsilon keeps a rate like 1000/30 from turning exactly 30 days into 31.
  const days = Math.ceil((miles - projection.last.miles) / projection.milesPerDay - 1e-9)
  return addDays(projection.last.date, days)
}

/** The projected odometer on a day: what a completion without a recorded reading had. */
export function milesOn(projection: Extract<Projection, { ok: true }>, date: IsoDate): number {
  return projection.last.miles + projection.milesPerDay * daysBetween(projection.last.date, date)
}
