/** The one path every edit of an activity takes: version check, update, version bump, log entry. */
import type { ActivityRow, ActivityUpdate } from '../db/database'
import type { Ctx } from '../handler'
import { AppError, notFound } from '../errors'
import { diff, appendLog } from './log'
import { readContext } from './read-context'
import { readActivity } from './read'
import { queueInviteUpdate } from '../email/outbox'

/**
 * Loads an activity for an edit made against `version`. A stale version is refused (never
 * applied) with the current activity in `details`, so the screen can show what changed.
 *
 * @example
 * const row = await loadForEdit(ctx, input.id, input.version)
 */
export async function loadForEdit(ctx: Ctx, id: number, version: number): Promise<ActivityRow> {
  const row = await ctx.db.selectFrom('activities').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('Activity', id)
  if (row.version !== version) {
    const last = await ctx.db.selectFrom('activity_log').select(['actor', 'action']).where('activity_id', '=', id).orderBy('id', 'desc').executeTakeFirst()
    const by = last ? ` (${last.action.replace('_', ' ')} by ${last.actor})` : ''
    const current = await readActivity(await readContext(ctx), id)
    throw new AppError('stale', `This activity changed since you opened it${by}; nothing was saved. Check its current state and try again.`, undefined, current)
  }
  return row
}

/** Activity columns as the log names them (the domain's field names). */
const FIELD_NAMES: Record<string, string> = {
  due_date: 'dueDate',
  start_at: 'start',
  end_at: 'end',
  bay_id: 'bayId',
  technician_id: 'technicianId',
  status: 'status',
  pinned: 'pinned',
  started_at: 'startedAt',
  completed_at: 'completedAt',
  completed_by: 'completedBy',
  completion_odometer: 'completionOdometer',
  completion_notes: 'completionNotes',
  cancel_reason: 'cancelReason',
  notes: 'notes',
  contacted_at: 'contactedAt',
}

const named = (row: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(row).flatMap(([column, value]) => {
      const field = FIELD_NAMES[column]
      return field ? [[field, value]] : []
    }),
  )

export interface EditLog {
  action: string
  message?: string | null
  /** Defaults to the caller (`ctx.actor`); completions name who did the work. */
  actor?: string
}

/**
 * Applies `set` to the activity loaded by `loadForEdit`, bumps its version and logs the
 * changed fields as `{ field: [before, after] }`. The update is guarded by the version it
 * read, so even a write that slipped past the lock could not be lost silently.
 *
 * @example
 * await applyEdit(ctx, row, { notes: 'Customer waits' , pinned: 1 }, { action: 'updated' })
 */
export async function applyEdit(ctx: Ctx, row: ActivityRow, set: ActivityUpdate, log: EditLog): Promise<void> {
  const now = ctx.clock.now().toISOString()
  const result = await ctx.db
    .updateTable('activities')
    .set({ ...set, version: row.version + 1, updated_at: now })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) throw new AppError('stale', 'This activity changed while saving; nothing was saved.')
  await appendLog(ctx.db, {
    activityId: row.id,
    vehicleId: row.vehicle_id,
    at: now,
    actor: log.actor ?? ctx.actor,
    action: log.action,
    changes: diff(named(row), named(set)),
    message: log.message ?? null,
  })
  // In the same transaction: a customer already emailed about it gets the update, or
  // the cancellation, even if the app stops right after this change.
  await queueInviteUpdate(ctx.db, { activityId: row.id, now: ctx.clock.now(), actor: ctx.actor })
  ctx.changedRows('activities', [row.id])
}
