import { addDays, addMonths, daysBetween, maxDate, type IsoDate } from '../../../shared/dates'
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
 * at least two readings at least 14 days apart, and some distance driven. The pace runs
 * from the first to the last of those readings (since the last correction, if any).
 *
 * @example
 * projectMileage([{ date: '2025-01-01', miles: 1000 }, { date: '2025-01-31', miles: 1900 }], '2025-02-01')
 * // { ok: true, milesPerDay: 30, ... }
 */
export function projectMileage(readings: readonly PlanReading[], today: IsoDate): Projection {
  if (readings.length === 0) return { ok: false, reason: 'it has no odometer readings' }
  const sorted = [...readings].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  // Readings before a correction count on another odometer: the pace starts at the last one.
  const lastCorrection = sorted.findLast((r) => r.correction)?.date ?? ''
  const since = maxDate(addMonths(today, -WINDOW_MONTHS), lastCorrection)
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
  return { ok: true, milesPerDay, last, baseline: baselineMiles(sorted) }
}

/**
 * The onboarding reading (else the earliest), moved onto today's odometer: a correction
 * after it (a replaced cluster reads lower) shifts it by the drop at the correction, taking
 * the little driven between the reading before and the correction as nothing.
 */
function baselineMiles(sorted: readonly PlanReading[]): number {
  const start = Math.max(
    0,
    sorted.findIndex((r) => r.onboarding),
  )
  let baseline = sorted[start]?.miles ?? 0
  for (let i = start + 1; i < sorted.length; i++) {
    const reading = sorted[i]
    const before = sorted[i - 1]
    if (reading?.correction && before) baseline += reading.miles - before.miles
  }
  return baseline
}

/**
 * The first day the projected odometer reaches `miles` (may lie in the past).
 *
 * @example
 * dateAtMiles(projection, 13_000) // 70 days after a reading of 10,900 at 30 miles a day
 */
export function dateAtMiles(projection: Extract<Projection, { ok: true }>, miles: number): IsoDate {
  // The epsilon keeps a rate like 1000/30 from turning exactly 30 days into 31.
  const days = Math.ceil((miles - projection.last.miles) / projection.milesPerDay - 1e-9)
  return addDays(projection.last.date, days)
}

/**
 * The projected odometer on a day: what a completion without a recorded reading had.
 *
 * @example
 * milesOn(projection, '2025-01-11') // 11,200 if 10,900 on 2025-01-01 at 30 a day
 */
export function milesOn(projection: Extract<Projection, { ok: true }>, date: IsoDate): number {
  return projection.last.miles + projection.milesPerDay * daysBetween(projection.last.date, date)
}
