import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/database'
import { DEACTIVATION_REASON } from './diff'
import type { CompletionRow, ExistingRow, ReadingRow, SchedulingStore, VehicleDiffs } from './store'

/**
 * The scheduler's store on a PostgreSQL server. A batch's ids travel as one array
 * parameter (`= any($1::int[])`), and its writes as columns of arrays unnested into one
 * set-based statement: one round trip per batch whatever its size, and far below the
 * 65,535 parameters a statement may carry.
 *
 * @example
 * const store = postgresSchedulingStore(trx)
 */
export function postgresSchedulingStore(db: Kysely<Database>): SchedulingStore {
  return {
    async reference() {
      const [settings, builtins, templates, hours, closures] = await Promise.all([
        db.selectFrom('settings').select(['time_zone', 'inspection_interval_months', 'horizon_months', 'auto_schedule']).where('id', '=', 1).executeTakeFirst(),
        db.selectFrom('activity_types').select(['id', 'builtin']).where('builtin', 'is not', null).execute(),
        db
          .selectFrom('maintenance_templates as t')
          .innerJoin('activity_types as at', 'at.id', 't.activity_type_id')
          .select(['t.id', 't.activity_type_id', 'at.name', 't.interval_months', 't.interval_days', 't.interval_miles', 't.anchor'])
          .where('t.active', '=', 1)
          .where('at.active', '=', 1)
          .orderBy('t.id')
          .execute(),
        db.selectFrom('shop_hours').select('weekday').where('opens', 'is not', null).where('closes', 'is not', null).execute(),
        db.selectFrom('closures').select(['starts_on as startsOn', 'ends_on as endsOn']).where('scope', '=', 'shop').execute(),
      ])
      return { settings, builtins, templates, openWeekdays: hours.map((h) => h.weekday), closures }
    },

    async activeVehicleIds() {
      const rows = await db.selectFrom('vehicles').select('id').where('status', '=', 'active').orderBy('id').execute()
      return rows.map((r) => r.id)
    },

    async activeVehicles(ids) {
      const { rows } = await sql<{ id: number; onboarding_date: string }>`
        select id, onboarding_date from vehicles where id = any(${[...ids]}::int[]) and status = 'active'`.execute(db)
      return rows
    },

    vehicle: (id) => db.selectFrom('vehicles').select(['id', 'onboarding_date', 'status']).where('id', '=', id).executeTakeFirst(),

    async hasOccurrences(vehicleId) {
      const row = await db
        .selectFrom('activities')
        .select('id')
        .where('vehicle_id', '=', vehicleId)
        .where('occurrence_key', 'is not', null)
        .limit(1)
        .executeTakeFirst()
      return row !== undefined
    },

    async batchInputs(vehicleIds, withReadings) {
      const ids = [...vehicleIds]
      const [readings, completions, existing] = await Promise.all([
        withReadings
          ? sql<ReadingRow>`select vehicle_id, reading_date, miles, source, is_correction from odometer_readings
              where vehicle_id = any(${ids}::int[])`.execute(db)
          : { rows: [] },
        // Per vehicle and template, the completed occurrence with the highest index.
        sql<CompletionRow>`
          select distinct on (a.vehicle_id, a.template_id)
            a.vehicle_id, a.template_id, a.occurrence_index, a.completed_at, a.due_date, a.completion_odometer
          from activities a join maintenance_templates t on t.id = a.template_id and t.anchor = 'last_completed'
          where a.vehicle_id = any(${ids}::int[]) and a.status = 'completed' and a.origin = 'template'
            and a.occurrence_index is not null
          order by a.vehicle_id, a.template_id, a.occurrence_index desc`.execute(db),
        // "Untouched" is decided here once (rule 5): scheduled, not pinned, not booked.
        sql<{ id: number; vehicle_id: number; occurrence_key: string; due_date: string; untouched: number; restorable: number }>`
          select id, vehicle_id, occurrence_key, due_date,
            (status = 'scheduled' and pinned = 0 and start_at is null)::int as untouched,
            (status = 'cancelled' and pinned = 0 and start_at is null and cancel_reason is not distinct from ${DEACTIVATION_REASON})::int as restorable
          from activities
          where vehicle_id = any(${ids}::int[]) and occurrence_key is not null`.execute(db),
      ])
      return {
        readings: readings.rows,
        completions: completions.rows,
        existing: existing.rows.map((r): ExistingRow => [r.id, r.vehicle_id, r.occurrence_key, r.due_date, r.untouched, r.restorable]),
      }
    },

    async writeDiffs(diffs, at) {
      await writeStatement(diffs, at).execute(db)
    },

    async cancelUntouched(vehicleId, today, { now, actor }) {
      const { rows } = await sql<{ n: number }>`
        with cancelled as (
          update activities set status = 'cancelled', cancel_reason = ${DEACTIVATION_REASON}, version = version + 1, updated_at = ${now}
          where vehicle_id = ${vehicleId} and occurrence_key is not null and status = 'scheduled' and pinned = 0
            and start_at is null and due_date >= ${today}
          returning id, vehicle_id
        ), logged as (
          insert into activity_log (activity_id, vehicle_id, at, actor, action, changes, message)
          select id, vehicle_id, ${now}, ${actor}, 'cancelled', '{"status":["scheduled","cancelled"]}', ${DEACTIVATION_REASON}
          from cancelled order by id
        )
        select count(*)::int as n from cancelled`.execute(db)
      return rows[0]?.n ?? 0
    },
  }
}

/**
 * A batch's diffs as one statement: the moves, restores and removes, their log entries (in
 * the order SQLite writes them), the inserts and a log entry per inserted row, each kind a
 * data-modifying CTE over unnested arrays. The kinds touch disjoint rows, so running them
 * in one statement (one snapshot) is safe.
 */
function writeStatement(diffs: VehicleDiffs, { now, actor }: { now: string; actor: string }) {
  const ins = { vehicle: [] as number[], type: [] as number[], origin: [] as string[], template: [] as Array<number | null> }
  const insMore = { index: [] as Array<number | null>, key: [] as string[], due: [] as string[] }
  const moves = { id: [] as number[], due: [] as string[] }
  const restores = { id: [] as number[], due: [] as string[] }
  const removes: number[] = []
  const log = { activity: [] as number[], vehicle: [] as number[], action: [] as string[], changes: [] as string[], message: [] as Array<string | null> }
  const addLog = (activityId: number, vehicleId: number, action: string, changes: unknown, message: string | null) => {
    log.activity.push(activityId)
    log.vehicle.push(vehicleId)
    log.action.push(action)
    log.changes.push(JSON.stringify(changes))
    log.message.push(message)
  }
  for (const { vehicleId, diff } of diffs) {
    for (const p of diff.insert) {
      ins.vehicle.push(vehicleId)
      ins.type.push(p.activityTypeId)
      ins.origin.push(p.origin)
      ins.template.push(p.templateId)
      insMore.index.push(p.occurrenceIndex)
      insMore.key.push(p.key)
      insMore.due.push(p.dueDate)
    }
    for (const m of diff.move) {
      moves.id.push(m.id)
      moves.due.push(m.to)
      addLog(m.id, vehicleId, 'replanned', { dueDate: [m.from, m.to] }, null)
    }
    for (const r of diff.restore) {
      restores.id.push(r.id)
      restores.due.push(r.to)
      addLog(
        r.id,
        vehicleId,
        'restored',
        { status: ['cancelled', 'scheduled'], ...(r.from !== r.to ? { dueDate: [r.from, r.to] } : {}) },
        'Vehicle reactivated',
      )
    }
    for (const r of diff.remove) {
      // The log has no foreign key, so this trace outlives the row.
      addLog(r.id, vehicleId, 'unplanned', { dueDate: [r.dueDate, null] }, 'No longer planned')
      removes.push(r.id)
    }
  }
  return sql`
    with moved as (
      update activities a set due_date = m.due, version = a.version + 1, updated_at = ${now}
      from unnest(${moves.id}::int[], ${moves.due}::text[]) as m(id, due) where a.id = m.id
      returning a.id
    ), restored as (
      update activities a set status = 'scheduled', cancel_reason = null, due_date = r.due, version = a.version + 1, updated_at = ${now}
      from unnest(${restores.id}::int[], ${restores.due}::text[]) as r(id, due) where a.id = r.id
      returning a.id
    ), removed as (
      delete from activities where id = any(${removes}::int[]) returning id
    ), logged as (
      insert into activity_log (activity_id, vehicle_id, at, actor, action, changes, message)
      select l.activity_id, l.vehicle_id, ${now}, ${actor}, l.action, l.changes, l.message
      from unnest(${log.activity}::int[], ${log.vehicle}::int[], ${log.action}::text[], ${log.changes}::text[], ${log.message}::text[])
        with ordinality as l(activity_id, vehicle_id, action, changes, message, n)
      order by l.n
    ), inserted as (
      insert into activities (vehicle_id, activity_type_id, origin, template_id, occurrence_index, occurrence_key, due_date, created_at, updated_at)
      select i.vehicle_id, i.type_id, i.origin, i.template_id, i.occurrence_index, i.occurrence_key, i.due_date, ${now}, ${now}
      from unnest(${ins.vehicle}::int[], ${ins.type}::int[], ${ins.origin}::text[], ${ins.template}::int[],
                  ${insMore.index}::int[], ${insMore.key}::text[], ${insMore.due}::text[])
        with ordinality as i(vehicle_id, type_id, origin, template_id, occurrence_index, occurrence_key, due_date, n)
      order by i.n
      returning id, vehicle_id, due_date
    )
    insert into activity_log (activity_id, vehicle_id, at, actor, action, changes, message)
    select id, vehicle_id, ${now}, ${actor}, 'planned', '{"dueDate":[null,' || to_json(due_date)::text || ']}', null
    from inserted order by id`
}
