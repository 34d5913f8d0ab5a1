import type { InviteFile } from '../../../shared/domain/invites'
import { AppError } from '../errors'
import type { Ctx } from '../handler'
import { inviteEvent, visibleEvent } from './event-model'
import { inviteFilename } from './filenames'
import { fingerprint } from './fingerprint'
import { writeCalendar } from './ics-writer'
import { recordIssue } from './issues'
import { findInviteFacts, loadShopFacts } from './queries'
import { inviteRefusal } from './refusals'
import { reviseSequences } from './sequence'

/**
 * One activity's invite: METHOD:REQUEST for a live activity, METHOD:CANCEL once cancelled,
 * recorded as issued at its SEQUENCE (unless `record` is false: see `markInviteSent`).
 * Refused, with the reason, when it cannot be sent.
 *
 * @example
 * const file = await exportActivityInvite(ctx, { activityId: 12, as: 'auto', record: true })
 */
export async function exportActivityInvite(ctx: Ctx, input: { activityId: number; as: 'auto' | 'timed'; record: boolean }): Promise<InviteFile> {
  const facts = await findInviteFacts(ctx.db, input.activityId)
  const shop = await loadShopFacts(ctx.db)
  const refusal = inviteRefusal(facts, shop, input.as)
  if (refusal) throw new AppError('refused', refusal)

  const now = ctx.clock.now()
  const visible = fingerprint(visibleEvent(facts, shop))
  const cancelled = facts.status === 'cancelled'
  const sequences = await reviseSequences(ctx.db, [{ activityId: facts.activityId, fingerprint: visible, cancelled }], now)
  const sequence = sequences.get(facts.activityId) ?? 0
  const event = inviteEvent(facts, shop, sequence, now)
  const method = cancelled ? 'CANCEL' : 'REQUEST'
  const content = writeCalendar([event], { method })
  const issuedAt = input.record ? now.toISOString() : null
  if (issuedAt) {
    await recordIssue(ctx.db, { activityId: facts.activityId, sequence, method, fingerprint: visible, issuedAt, actor: ctx.actor })
  }
  ctx.changed('invites')
  return {
    activityId: facts.activityId,
    filename: inviteFilename(facts, method, shop.timeZone),
    content,
    // The MIME method parameter must match METHOD (RFC 5546, section 2.4 of RFC 6047).
    mimeType: `text/calendar; charset=utf-8; method=${method}`,
    method,
    kind: event.time.kind,
    sequence,
    uid: event.uid,
    issuedAt,
  }
}
