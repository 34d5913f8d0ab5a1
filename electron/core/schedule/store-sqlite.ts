import type SqliteDatabase from 'better-sqlite3'
import { DEACTIVATION_REASON } from './diff'
import { statementsFor, type Statements } from './statements'
import type { SchedulingStore, VehicleDiffs } from './store'

/**
 * The scheduler's store on the local file: prepared statements on the raw handle, run
 * synchronously (the promises are already settled when returned), under the core's lock.
 *
 * @example
 * const store = sqliteSchedulingStore(ctx.sqlite)
 */
export function sqliteSchedulingStore(sqlite: SqliteDatabase.Database): SchedulingStore {
  const st = statementsFor(sqlite)
  return {
    reference: async () => ({
      settings: st.settings.get(),
      builtins: st.builtins.all(),
      templates: st.templates.all(),
      openWeekdays: st.openWeekdays.all(),
      closures: st.closures.all(),
    }),
    activeVehicleIds: async () => st.activeVehicleIds.all(),
    activeVehicles: async (ids) => st.activeVehicles.all(JSON.stringify(ids)),
    vehicle: async (id) => st.vehicle.get(id),
    hasOccurrences: async (vehicleId) => st.hasOccurrences.get(vehicleId) !== undefined,
    async batchInputs(vehicleIds, withReadings) {
      const ids = JSON.stringify(vehicleIds)
      return {
        readings: withReadings ? st.readings.all(ids) : [],
        completions: st.completions.all(ids),
        existing: st.existing.all(DEACTIVATION_REASON, ids),
      }
    },
    writeDiffs: async (diffs, at) => writeDiffs(st, diffs, at),
    async cancelUntouched(vehicleId, today, { now, actor }) {
      st.logCancelUntouched.run(now, actor, DEACTIVATION_REASON, vehicleId, today)
      return st.cancelUntouched.run(DEACTIVATION_REASON, now, vehicleId, today).changes
    },
  }
}

/** Moves, restores and removes through prepared statements; the inserts as one statement, logged by one more. */
function writeDiffs(st: Statements, diffs: VehicleDiffs, { now, actor }: { now: string; actor: string }): void {
  const inserts: Array<[number, number, string, number | null, number | null, string, string]> = []
  for (const { vehicleId, diff } of diffs) {
    for (const p of diff.insert) {
      inserts.push([vehicleId, p.activityTypeId, p.origin, p.templateId, p.occurrenceIndex, p.key, p.dueDate])
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
  if (inserts.length > 0) {
    const before = st.maxActivityId.get()?.m ?? 0
    st.insertMany.run({ rows: JSON.stringify(inserts), now })
    st.logInsertedSince.run(now, actor, before)
  }
}
