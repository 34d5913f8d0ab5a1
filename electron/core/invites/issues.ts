import type { Kysely } from 'kysely'
import type { InviteMethod } from '../../../shared/domain/invites'
import type { Database } from '../db/database'

export interface IssueRecord {
  activityId: number
  sequence: number
  method: InviteMethod
  fingerprint: string
  issuedAt: string
  actor: string
  /** How it reached the customer; a saved file unless said otherwise. */
  via?: 'file' | 'email'
}

/**
 * Records that an invite left the shop: the panel later compares it with the activity.
 *
 * @example
 * await recordIssue(ctx.db, { activityId: 3, sequence: 1, method: 'REQUEST', fingerprint, issuedAt, actor })
 */
export async function recordIssue(db: Kysely<Database>, issue: IssueRecord): Promise<void> {
  await db
    .insertInto('invite_issues')
    .values({
      activity_id: issue.activityId,
      sequence: issue.sequence,
      method: issue.method,
      fingerprint: issue.fingerprint,
      issued_at: issue.issuedAt,
      actor: issue.actor,
      via: issue.via ?? 'file',
    })
    .execute()
}

/** The last invite issued for an activity, or undefined if none was. */
export async function lastIssue(db: Kysely<Database>, activityId: number, via?: 'file' | 'email'): Promise<IssueRecord | undefined> {
  const row = await db
    .selectFrom('invite_issues')
    .selectAll()
    .where('activity_id', '=', activityId)
    .$if(via !== undefined, (q) => q.where('via', '=', via ?? 'file'))
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!row) return undefined
  return {
    activityId: row.activity_id,
    sequence: row.sequence,
    method: row.method,
    fingerprint: row.fingerprint,
    issuedAt: row.issued_at,
    actor: row.actor,
    via: row.via,
  }
}
