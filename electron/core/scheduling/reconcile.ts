import type SqliteDatabase from 'better-sqlite3'
import { todayIn } from '../../../shared/dates'
import type { ReconcileCounts } from '../../../shared/domain/schedule'
import { diffOccurrences, type ExistingOccurrence, type ReconcileDiff } from './diff'
import { planVehicle } from './planner'
import type { SchedulingReference } from './reference'
import { statementsFor, type Statements } from './statements'
import type { Plan, PlanCompletion, PlanReading, PlanVehicle } from './types'

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
 * Reconciles a batch of vehicles, ordered by id, with their plans (rule 5): readings,
 * completions and existing occurrences of the whole batch are read with one query each,
 * and the writes go through prepared statements, with the inserts logged by one
 * set-based statement. Synchronous and inside the caller's transaction, under the lock.
 *
 * @example
 * const counts = reconcileVehicles(ctx.sqlite, ref, [{ id: 7, onboardingDate: '2025-01-01' }], { write: true, now, actor })
 */
export function reconcileVehicles(
  sqlite: SqliteDatabase.Database,
  ref: SchedulingReference,
  vehicles: readonly PlanVehicle[],
  options: ReconcileOptions,
): ReconcileCounts {
  const counts = emptyCounts()
  const first = vehicles[0]
  const last = vehicles[vehicles.length - 1]
  if (!first || !last) return counts
  const st = statementsFor(sqlite)
  const readings = groupBy(st.readings.all(first.id, last.id), (r): PlanReading => ({
    date: r.reading_date,
    miles: r.miles,
    onboarding: r.source === 'onboarding',
  }))
  const completions = groupBy(st.completions.all(first.id, last.id), (c): PlanCompletion => ({
    templateId: c.template_id,
    occurrenceIndex: c.occurrence_index,
    // Completion is an instant; the anchor is the day it was in the shop.
    completedOn: c.completed_at ? todayIn(new Date(c.completed_at), ref.timeZone) : c.due_date,
    odometer: c.completion_odometer,
  }))
  const existing = groupBy(st.existing.all(first.id, last.id), (a): ExistingOccurrence => ({
    id: a.id,
    key: a.occurrence_key,
    dueDate: a.due_date,
    status: a.status,
    pinned: a.pinned === 1,
    booked: a.booked === 1,
    cancelReason: a.cancel_reason,
  }))

  const diffs: Array<{ vehicleId: number; diff: ReconcileDiff }> = []
  for (const vehicle of vehicles) {
    const plan = planVehicle(
      { vehicle, readings: readings.get(vehicle.id) ?? [], completions: completions.get(vehicle.id) ?? [] },
      ref,
    )
    const diff = diffOccurrences(plan.occurrences, existing.get(vehicle.id) ?? [], ref.today)
    counts.add += diff.insert.length + diff.restore.length
    counts.move += diff.move.length
    counts.remove += diff.remove.length
    options.onVehicle?.(vehicle.id, plan, diff)
    if (diff.insert.length + diff.move.length + diff.remove.length + diff.restore.length > 0) {
      diffs.push({ vehicleId: vehicle.id, diff })
    }
  }
  if (options.write && diffs.length > 0) writeDiffs(st, diffs, options)
  return counts
}

function writeDiffs(
  st: Statements,
  diffs: ReadonlyArray<{ vehicleId: number; diff: ReconcileDiff }>,
  { now, actor }: ReconcileOptions,
): void {
  const before = st.maxActivityId.get()?.m ?? 0
  let inserted = 0
  for (const { vehicleId, diff } of diffs) {
    for (const p of diff.insert) {
      st.insert.run(vehicleId, p.activityTypeId, p.origin, p.templateId, p.occurrenceIndex, p.key, p.dueDate, now, now)
      inserted++
    }
    for (const m of diff.move) {
      st.moveDue.run(m.to, now, m.id)
      st.log.run(m.id, vehicleId, now, actor, 'replanned', JSON.stringify({ dueDate: [m.from, m.to] }), null)
    }
    for (const r of diff.restore) {
      st.restore.run(r.to, now, r.id)
      const changes = { status: ['cancelled', 'scheduled'], ...(r.from !== r.to ? { dueDate: [r.from, r.to] } : {}) }
      st.log.run(r.id, vehicleId, now, actor, 'restored', JSON.stringify(changes), 'Vehicle reactivated')
    }
    for (const r of diff.remove) {
      // The log has no foreign key, so this trace outlives the row.
      st.log.run(r.id, vehicleId, now, actor, 'unplanned', JSON.stringify({ dueDate: [r.dueDate, null] }), 'No longer planned')
      st.remove.run(r.id)
    }
  }
  if (inserted > 0) st.logInsertedSince.run(now, actor, before)
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
