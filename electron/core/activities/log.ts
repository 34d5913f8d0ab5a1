import type { Kysely } from 'kysely'
import type { Database } from '../db/database'
import type { ActivityLogEntry } from '../../../shared/domain/activities'

export type Changes = Record<string, [unknown, unknown]>

export interface LogEntry {
  activityId: number
  vehicleId: number | null
  at: string
  actor: string
  /** What happened, e.g. `booked`, `moved`, `completed`, `missed`. */
  action: string
  changes?: Changes | null
  message?: string | null
}

/**
 * Appends to the activity log: nothing a user (or the core itself) does to an activity
 * disappears without a trace.
 *
 * @example
 * await appendLog(db, { activityId: 4, vehicleId: 1, at: now, actor: 'sam', action: 'booked', changes: { bayId: [null, 2] } })
 */
export async function appendLog(db: Kysely<Database>, ...entries: LogEntry[]): Promise<void> {
  if (entries.length === 0) return
  await db
    .insertInto('activity_log')
    .values(
      entries.map((e) => ({
        activity_id: e.activityId,
        vehicle_id: e.vehicleId,
        at: e.at,
        actor: e.actor,
        action: e.action,
        changes: e.changes && Object.keys(e.changes).length > 0 ? JSON.stringify(e.changes) : null,
        message: e.message ?? null,
      })),
    )
    .execute()
}

/**
 * `{ field: [before, after] }` for the fields whose value differs.
 *
 * @example
 * diff({ bayId: 1, notes: 'x' }, { bayId: 2, notes: 'x' }) // { bayId: [1, 2] }
 */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Changes {
  const changes: Changes = {}
  for (const [field, value] of Object.entries(after)) {
    if (before[field] !== value) changes[field] = [before[field] ?? null, value]
  }
  return changes
}

/**
 * An activity's trace, newest first.
 *
 * @example
 * const [latest] = await listLog(db, 42) // latest.action === 'completed'
 */
export async function listLog(db: Kysely<Database>, activityId: number): Promise<ActivityLogEntry[]> {
  const rows = await db.selectFrom('activity_log').selectAll().where('activity_id', '=', activityId).orderBy('id', 'desc').execute()
  return rows.map((r) => ({
    id: r.id,
    activityId: r.activity_id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    changes: r.changes ? parseChanges(r.changes) : null,
    message: r.message,
  }))
}

// Written only by appendLog above, so the shape is known.
const parseChanges = (json: string): Changes => JSON.parse(json)
