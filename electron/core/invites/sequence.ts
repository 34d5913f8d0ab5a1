import type { Kysely } from 'kysely'
import type { Database } from '../db/database'

export interface Revision {
  sequence: number
  fingerprint: string
}

/**
 * The SEQUENCE for what the customer would now see, given the activity's current revision.
 * Unchanged: the same SEQUENCE (re-sending is not an update). Changed: one higher. A
 * cancellation always ranks above the original invite's 0, even if that was never recorded.
 *
 * @example
 * nextSequence({ sequence: 0, fingerprint: a }, b, false) // { sequence: 1, changed: true }
 */
export function nextSequence(current: Revision | undefined, fingerprint: string, cancelled: boolean): { sequence: number; changed: boolean } {
  if (!current) return { sequence: cancelled ? 1 : 0, changed: true }
  if (current.fingerprint === fingerprint) return { sequence: current.sequence, changed: false }
  return { sequence: current.sequence + 1, changed: true }
}

/** Current revisions of the given activities. */
export async function currentRevisions(db: Kysely<Database>, activityIds: readonly number[]): Promise<Map<number, Revision>> {
  if (activityIds.length === 0) return new Map()
  const rows = await db.selectFrom('invite_sequences').select(['activity_id', 'sequence', 'fingerprint']).where('activity_id', 'in', activityIds).execute()
  return new Map(rows.map((r) => [r.activity_id, { sequence: r.sequence, fingerprint: r.fingerprint }]))
}

/**
 * Gives each activity the SEQUENCE of what it shows now, recording a new revision where the
 * customer-visible fields changed since the last one. Every export goes through here, so
 * two different versions of an event never leave the shop under the same SEQUENCE.
 *
 * @example
 * const seqs = await reviseSequences(ctx.db, [{ activityId: 3, fingerprint, cancelled: false }], now)
 */
export async function reviseSequences(
  db: Kysely<Database>,
  items: ReadonlyArray<{ activityId: number; fingerprint: string; cancelled: boolean }>,
  now: Date,
): Promise<Map<number, number>> {
  const current = await currentRevisions(
    db,
    items.map((i) => i.activityId),
  )
  const out = new Map<number, number>()
  const changed: Array<{ activity_id: number; sequence: number; fingerprint: string; changed_at: string }> = []
  for (const item of items) {
    const next = nextSequence(current.get(item.activityId), item.fingerprint, item.cancelled)
    out.set(item.activityId, next.sequence)
    if (next.changed) {
      changed.push({
        activity_id: item.activityId,
        sequence: next.sequence,
        fingerprint: item.fingerprint,
        changed_at: now.toISOString(),
      })
    }
  }
  if (changed.length > 0) {
    await db
      .insertInto('invite_sequences')
      .values(changed)
      .onConflict((oc) =>
        oc.column('activity_id').doUpdateSet((eb) => ({
          sequence: eb.ref('excluded.sequence'),
          fingerprint: eb.ref('excluded.fingerprint'),
          changed_at: eb.ref('excluded.changed_at'),
        })),
      )
      .execute()
  }
  return out
}
