/**
 * The email outbox: rows written in the same transaction as the change that needs them,
 * prepared (content and Message-ID fixed) in a short transaction before the first
 * attempt, and marked sent, waiting or failed in another short transaction after it.
 */
import type { Kysely } from 'kysely'
import type { Database, EmailOutboxRow } from '../db/database'
import { visibleEvent } from '../invites/event-model'
import { fingerprint } from '../invites/fingerprint'
import { lastIssue } from '../invites/issues'
import { findInviteFacts, loadShopFacts } from '../invites/queries'
import { inviteRefusal } from '../invites/refusals'

export interface Enqueue {
  activityId: number
  now: Date
  actor: string
}

/**
 * Queues an activity's invite email (REQUEST, or CANCEL once cancelled). Its content is
 * built when it is first tried, from what the activity then is.
 *
 * @example
 * await queueInviteEmail(ctx.db, { activityId: 12, now: ctx.clock.now(), actor: ctx.actor })
 */
export async function queueInviteEmail(db: Kysely<Database>, e: Enqueue): Promise<void> {
  // One unprepared invite per activity is enough: it is built from the latest state anyway.
  const waiting = await db
    .selectFrom('email_outbox')
    .select('id')
    .where('activity_id', '=', e.activityId)
    .where('kind', '=', 'invite')
    .where('status', '=', 'queued')
    .where('prepared_at', 'is', null)
    .executeTakeFirst()
  if (waiting) return
  await db
    .insertInto('email_outbox')
    .values({
      kind: 'invite',
      activity_id: e.activityId,
      status: 'queued',
      next_attempt_at: e.now.toISOString(),
      actor: e.actor,
      created_at: e.now.toISOString(),
    })
    .execute()
}

/**
 * Called in the transaction of every change to an activity: once its customer has been
 * emailed an invite, a change they would see (time, place, cancellation) queues the
 * update email at once, so the crash that loses it would also lose the change.
 *
 * @example
 * await queueInviteUpdate(ctx.db, { activityId: row.id, now, actor: ctx.actor })
 */
export async function queueInviteUpdate(db: Kysely<Database>, e: Enqueue): Promise<void> {
  const emailed = await db
    .selectFrom('email_outbox')
    .select('id')
    .where('activity_id', '=', e.activityId)
    .where('kind', '=', 'invite')
    .where('status', 'in', ['queued', 'sent'])
    .executeTakeFirst()
  if (!emailed) return
  const facts = await findInviteFacts(db, e.activityId)
  const shop = await loadShopFacts(db)
  // Completed or missed work has nothing to update the customer about.
  if (inviteRefusal(facts, shop, 'auto')) return
  const last = await lastIssue(db, e.activityId, 'email')
  if (last && last.fingerprint === fingerprint(visibleEvent(facts, shop))) return
  await queueInviteEmail(db, e)
}

/** Backoff after the n-th failed attempt: 30 s, 1, 2, 4, 8 min, then every 15 min. */
export const retryDelayMs = (attempts: number): number => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 15 * 60_000)

/** Rows due for an attempt, oldest first. */
export const dueRows = (db: Kysely<Database>, nowIso: string, limit: number): Promise<EmailOutboxRow[]> =>
  db.selectFrom('email_outbox').selectAll().where('status', '=', 'queued').where('next_attempt_at', '<=', nowIso).orderBy('id').limit(limit).execute()

/** An outbox email's status, or undefined when there is no such email. */
export async function outboxStatus(db: Kysely<Database>, id: number): Promise<EmailOutboxRow['status'] | undefined> {
  const row = await db.selectFrom('email_outbox').select(['status']).where('id', '=', id).executeTakeFirst()
  return row?.status
}

/** Makes an outbox email due now, so the next drain tries it. */
export async function retryNow(db: Kysely<Database>, id: number, nowIso: string): Promise<void> {
  await db.updateTable('email_outbox').set({ next_attempt_at: nowIso }).where('id', '=', id).execute()
}
