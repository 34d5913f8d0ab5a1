/** What the screens show of the outbox: reads only. */
import type { Kysely } from 'kysely'
import type { InviteEmailState, OutboxItem, OutboxSummary, ReminderState } from '../../../shared/domain/email'
import type { Database, EmailOutboxRow } from '../db/database'
import { lastIssue } from '../invites/issues'
import { findInviteFacts, loadShopFacts } from '../invites/queries'
import { inviteRefusal } from '../invites/refusals'
import { getEmailSettingsRow, notConfiguredReason } from './settings'

/** Rows the screens list: everything still to do or refused, and what went out lately. */
const SHOWN = ['queued', 'sent', 'failed'] as const

export function toOutboxItem(r: EmailOutboxRow): OutboxItem {
  return {
    id: r.id,
    kind: r.kind,
    activityId: r.activity_id,
    state: r.status === 'sent' ? 'sent' : r.status === 'failed' ? 'failed' : r.attempts > 0 ? 'waiting' : 'queued',
    to: r.to_address,
    subject: r.subject,
    attempts: r.attempts,
    nextAttemptAt: r.status === 'queued' ? r.next_attempt_at : null,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  }
}

export async function outboxSummary(db: Kysely<Database>): Promise<OutboxSummary> {
  const counts = await db
    .selectFrom('email_outbox')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('status', '=', 'queued').filterWhere('attempts', '=', 0).as('queued'),
      eb.fn.countAll<number>().filterWhere('status', '=', 'queued').filterWhere('attempts', '>', 0).as('waiting'),
      eb.fn.countAll<number>().filterWhere('status', '=', 'failed').as('failed'),
    ])
    .executeTakeFirstOrThrow()
  const recent = await db.selectFrom('email_outbox').selectAll().where('status', 'in', SHOWN).orderBy('id', 'desc').limit(30).execute()
  return {
    queued: Number(counts.queued),
    waiting: Number(counts.waiting),
    failed: Number(counts.failed),
    recent: recent.map(toOutboxItem),
  }
}

/**
 * One activity's invite emails for the panel.
 *
 * @example
 * (await inviteEmailState(ctx.db, 12)).lastEmailed?.at // '2026-12-01T14:05:00.000Z'
 */
export async function inviteEmailState(db: Kysely<Database>, activityId: number): Promise<InviteEmailState> {
  const facts = await findInviteFacts(db, activityId)
  const shop = await loadShopFacts(db)
  const settings = await getEmailSettingsRow(db)
  const cannotEmail = notConfiguredReason(settings) ?? inviteRefusal(facts, shop, 'auto')
  const rows = await db
    .selectFrom('email_outbox')
    .selectAll()
    .where('activity_id', '=', activityId)
    .where('kind', '=', 'invite')
    .where('status', 'in', SHOWN)
    .orderBy('id', 'desc')
    .limit(20)
    .execute()
  const sent = rows.find((r) => r.status === 'sent')
  const pending = rows.find((r) => r.status === 'queued')
  const failed = rows.find((r) => r.status === 'failed')
  const file = await lastIssue(db, activityId, 'file')
  return {
    activityId,
    canEmail: cannotEmail === null,
    cannotEmail,
    lastEmailed:
      sent && sent.sent_at && sent.method && sent.to_address
        ? { at: sent.sent_at, method: sent.method, sequence: sent.sequence ?? 0, to: sent.to_address }
        : null,
    pending: pending ? toOutboxItem(pending) : null,
    failed: failed && (!sent || failed.id > sent.id) && !pending ? toOutboxItem(failed) : null,
    lastSavedAsFile: file && (!sent?.sent_at || file.issuedAt > sent.sent_at) ? file.issuedAt : null,
  }
}

/**
 * The reminder of each activity's current booking (the state it reminds of is its start),
 * for the to-contact list: emailed, on its way, or refused.
 *
 * @example
 * await reminderStates(db, [3, 4]) // [{ activityId: 3, state: 'sent', at: '…' }]
 */
export async function reminderStates(db: Kysely<Database>, activityIds: readonly number[]): Promise<ReminderState[]> {
  if (activityIds.length === 0) return []
  const rows = await db
    .selectFrom('email_outbox as o')
    .innerJoin('activities as a', (j) => j.onRef('a.id', '=', 'o.activity_id').onRef('a.start_at', '=', 'o.state_key'))
    .selectAll('o')
    .where('o.kind', '=', 'reminder')
    .where('o.activity_id', 'in', activityIds)
    .where('o.status', 'in', SHOWN)
    .execute()
  return rows.map((r) => {
    const item = toOutboxItem(r)
    return { activityId: r.activity_id, state: item.state, at: r.sent_at, lastError: r.last_error }
  })
}
