/**
 * Fixes the content and Message-ID of due emails before anything goes on the wire, in the
 * same short transaction that picks them: a retry (after a crash too) sends exactly the
 * message that was first tried.
 */
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database, EmailOutboxRow } from '../db/database'
import { inviteEvent, visibleEvent } from '../invites/event-model'
import type { InviteFacts } from '../invites/facts'
import { inviteFilename } from '../invites/filenames'
import { fingerprint } from '../invites/fingerprint'
import { writeCalendar } from '../invites/ics-writer'
import { lastIssue } from '../invites/issues'
import { findInviteFactsByIds, loadShopFacts } from '../invites/queries'
import { inviteRefusal } from '../invites/refusals'
import { reviseSequences } from '../invites/sequence'
import { dueRows } from './outbox'
import { inviteWords, reminderWords } from './words'

/** Emails tried per drain round; the rest wait for the next round. */
export const DRAIN_BATCH = 20

/**
 * Prepares what is due and answers the rows ready to send (prepared, still queued).
 *
 * @example
 * const ready = await prepareDue(ctx.db, clock.now())
 */
export async function prepareDue(db: Kysely<Database>, now: Date): Promise<EmailOutboxRow[]> {
  const nowIso = now.toISOString()
  const due = await dueRows(db, nowIso, DRAIN_BATCH)
  // Fresh rows get their content; a reminder is looked at again on every try, since the
  // booking it reminds of may have moved while it waited for the server.
  const toCheck = due.filter((r) => r.prepared_at === null || r.kind === 'reminder')
  if (toCheck.length > 0) {
    const facts = new Map((await findInviteFactsByIds(db, [...new Set(toCheck.map((r) => r.activity_id))])).map((f) => [f.activityId, f]))
    for (const row of toCheck) {
      const f = facts.get(row.activity_id)
      if (!f) await settle(db, row.id, 'skipped', 'The activity no longer exists.')
      else if (row.kind === 'invite') await prepareInvite(db, row, f, now)
      else await prepareReminder(db, row, f, now)
    }
  }
  const ids = due.map((r) => r.id)
  if (ids.length === 0) return []
  return db
    .selectFrom('email_outbox')
    .selectAll()
    .where('id', 'in', ids)
    .where('status', '=', 'queued')
    .where('prepared_at', 'is not', null)
    .orderBy('id')
    .execute()
}

async function prepareInvite(db: Kysely<Database>, row: EmailOutboxRow, f: InviteFacts, now: Date): Promise<void> {
  const shop = await loadShopFacts(db)
  const refusal = inviteRefusal(f, shop, 'auto')
  if (refusal) return settle(db, row.id, 'skipped', refusal)
  const cancelled = f.status === 'cancelled'
  const visible = fingerprint(visibleEvent(f, shop))
  const sequences = await reviseSequences(db, [{ activityId: f.activityId, fingerprint: visible, cancelled }], now)
  const sequence = sequences.get(f.activityId) ?? 0
  const method = cancelled ? 'CANCEL' : 'REQUEST'
  const ics = writeCalendar([inviteEvent(f, shop, sequence, now)], { method })
  const emailed = await lastIssue(db, f.activityId, 'email')
  const words = inviteWords(f, shop, cancelled ? 'cancel' : emailed ? 'update' : 'new')
  // An older invite still waiting for the server would only arrive out of date.
  await db
    .updateTable('email_outbox')
    .set({ status: 'superseded', last_error: null })
    .where('activity_id', '=', f.activityId)
    .where('kind', '=', 'invite')
    .where('status', '=', 'queued')
    .where('id', '<', row.id)
    .execute()
  await db
    .updateTable('email_outbox')
    .set({
      to_address: f.customerEmail,
      message_id: messageId(),
      subject: words.subject,
      text_body: words.text,
      html_body: words.html,
      ics,
      method,
      sequence,
      fingerprint: visible,
      prepared_at: now.toISOString(),
      ics_filename: inviteFilename(f, method, shop.timeZone),
    })
    .where('id', '=', row.id)
    .execute()
}

async function prepareReminder(db: Kysely<Database>, row: EmailOutboxRow, f: InviteFacts, now: Date): Promise<void> {
  // A booking moved, unbooked or cancelled since: that state's reminder is no longer true.
  if (f.status !== 'scheduled' || f.startAt !== row.state_key) return settle(db, row.id, 'superseded', null)
  if (row.prepared_at !== null) return
  if (!f.customerEmail) return settle(db, row.id, 'skipped', `${f.customerName} has no email address.`)
  const shop = await loadShopFacts(db)
  const words = reminderWords(f, shop)
  await db
    .updateTable('email_outbox')
    .set({
      to_address: f.customerEmail,
      message_id: messageId(),
      subject: words.subject,
      text_body: words.text,
      html_body: words.html,
      prepared_at: now.toISOString(),
    })
    .where('id', '=', row.id)
    .execute()
}

async function settle(db: Kysely<Database>, id: number, status: 'skipped' | 'superseded', reason: string | null): Promise<void> {
  await db.updateTable('email_outbox').set({ status, last_error: reason }).where('id', '=', id).execute()
}

const messageId = (): string => `<${randomUUID()}@shop-scheduler>`
