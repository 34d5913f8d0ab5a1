import type { ReconcileCounts } from '../../../shared/domain/schedule'
import { diffOccurrences, type ExistingOccurrence, type ReconcileDiff } from './diff'
import { planVehicle } from './planner'
import type { SchedulingReference } from './reference'
import type { SchedulingStore } from './store'
import type { Plan, PlanCompletion, PlanReading, PlanVehicle } from './types'
import { shopDay } from '../../../shared/shop-day'

export interface ReconcileOptions {
  /** False for a preview: plan and count, write nothing. */
  write: boolean
  /** ISO instant written as updated_at and in the log. */
  now: string
  actor: string
  /** Sees each vehicle's plan and diff (one-vehicle reconcile reports notes and dates). */
  onVehicle?: (vehicleId: number, plan: Plan, diff: ReconcileDiff) => void
}

export const emptyCounts = (): ReconcileCounts => ({ add: 0, move: 0, remove: 0 })

/**
 * Reconciles a batch of vehicles with their plans (rule 5): readings,
 * completions and existing occurrences of the whole batch are read with one query each,
 * and the writes go to the store in one call per batch (see `SchedulingStore`). Inside the
 * caller's transaction, under the lock.
 *
 * @example
 * const counts = await reconcileVehicles(schedulingStore(ctx), ref, [{ id: 7, onboardingDate: '2025-01-01' }], { write: true, now, actor })
 */
export async function reconcileVehicles(
  store: SchedulingStore,
  ref: SchedulingReference,
  vehicles: readonly PlanVehicle[],
  options: ReconcileOptions,
): Promise<ReconcileCounts> {
  const counts = emptyCounts()
  if (vehicles.length === 0) return counts
  // Readings only matter to mile intervals; most shops plan by months alone.
  const needsReadings = ref.templates.some((t) => t.intervalMiles != null)
  const inputs = await store.batchInputs(
    vehicles.map((v) => v.id),
    needsReadings,
  )
  const readings = groupBy(inputs.readings, (r): PlanReading => ({
    date: r.reading_date,
    miles: r.miles,
    onboarding: r.source === 'onboarding',
    correction: r.is_correction === 1,
  }))
  const completions = groupBy(inputs.completions, (c): PlanCompletion => ({
    templateId: c.template_id,
    occurrenceIndex: c.occurrence_index,
    // Completion is an instant; the anchor is the day it was in the shop.
    completedOn: c.completed_at ? shopDay(new Date(c.completed_at), ref.timeZone) : c.due_date,
    odometer: c.completion_odometer,
  }))
  const existing = new Map<number, ExistingOccurrence[]>()
  for (const [id, vehicleId, key, dueDate, untouched, restorable] of inputs.existing) {
    const occurrence: ExistingOccurrence = { id, key, dueDate, untouched: untouched === 1, restorable: restorable === 1 }
    const list = existing.get(vehicleId)
    if (list) list.push(occurrence)
    else existing.set(vehicleId, [occurrence])
  }

  const diffs: Array<{ vehicleId: number; diff: ReconcileDiff }> = []
  for (const vehicle of vehicles) {
    const plan = planVehicle({ vehicle, readings: readings.get(vehicle.id) ?? [], completions: completions.get(vehicle.id) ?? [] }, ref)
    const diff = diffOccurrences(plan.occurrences, existing.get(vehicle.id) ?? [], ref.today)
    counts.add += diff.insert.length + diff.restore.length
    counts.move += diff.move.length
    counts.remove += diff.remove.length
    options.onVehicle?.(vehicle.id, plan, diff)
    if (diff.insert.length + diff.move.length + diff.remove.length + diff.restore.length > 0) {
      diffs.push({ vehicleId: vehicle.id, diff })
    }
  }
  if (options.write && diffs.length > 0) await store.writeDiffs(diffs, options)
  return counts
}

function groupBy<R extends { vehicle_id: number }, T>(rows: readonly R[], map: (row: R) => T): Map<number, T[]> {
  const groups = new Map<number, T[]>()
  for (const row of rows) {
    const list = groups.get(row.vehicle_id)
    if (list) list.push(map(row))
    else groups.set(row.vehicle_id, [map(row)])
  }
  return groups
}
